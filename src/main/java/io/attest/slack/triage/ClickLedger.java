package io.attest.slack.triage;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The triage clicks being handled and those already handled. A click is claimed at the ack, so a double click does
 * its work once; it is recorded as handled only once its posts went through, and released when they did not, so the
 * same button can be clicked again and work. Bounded in size and age, like Slack's own patience with a thread.
 */
final class ClickLedger {

    private enum State { IN_PROGRESS, DONE }

    private record Entry(State state, long since) {
    }

    private final int capacity;
    private final Duration memory;
    private final Clock clock;
    private final LinkedHashMap<String, Entry> clicks = new LinkedHashMap<>();

    ClickLedger(int capacity, Duration memory, Clock clock) {
        this.capacity = capacity;
        this.memory = memory;
        this.clock = clock;
    }

    /** True when this click may go ahead: nobody is handling it, and it was not handled before. */
    synchronized boolean claim(String key) {
        long now = clock.millis();
        forgetOld(now);
        if (clicks.containsKey(key)) {
            return false;
        }
        clicks.put(key, new Entry(State.IN_PROGRESS, now));
        if (clicks.size() > capacity) {
            Iterator<String> oldest = clicks.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        return true;
    }

    /** Its posts went through: later clicks on the same button do nothing. */
    synchronized void done(String key) {
        clicks.remove(key);
        clicks.put(key, new Entry(State.DONE, clock.millis()));
    }

    /** Its posts did not go through: the button may be clicked again. */
    synchronized void release(String key) {
        Entry entry = clicks.get(key);
        if (entry != null && entry.state() == State.IN_PROGRESS) {
            clicks.remove(key);
        }
    }

    private void forgetOld(long now) {
        long horizon = now - memory.toMillis();
        for (Iterator<Map.Entry<String, Entry>> it = clicks.entrySet().iterator(); it.hasNext(); ) {
            if (it.next().getValue().since() >= horizon) {
                break;
            }
            it.remove();
        }
    }
}
