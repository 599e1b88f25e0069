package io.attest.slack;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers the event_ids already handled, so an event Slack delivers again (a retry after a slow ack, or a
 * duplicate) is acknowledged without a second answer. Bounded in size and age: Slack retries within minutes.
 */
public final class EventDeduplicator {

    private final int capacity;
    private final Duration memory;
    private final Clock clock;
    private final LinkedHashMap<String, Long> seen = new LinkedHashMap<>();

    public EventDeduplicator(int capacity, Duration memory, Clock clock) {
        this.capacity = capacity;
        this.memory = memory;
        this.clock = clock;
    }

    /** True the first time an id is offered; false for every repeat within the memory window. */
    public synchronized boolean firstTime(String eventId) {
        if (eventId == null || eventId.isEmpty()) {
            return true;
        }
        long now = clock.millis();
        forgetOld(now);
        if (seen.containsKey(eventId)) {
            return false;
        }
        seen.put(eventId, now);
        if (seen.size() > capacity) {
            Iterator<String> oldest = seen.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        return true;
    }

    private void forgetOld(long now) {
        long horizon = now - memory.toMillis();
        for (Iterator<Map.Entry<String, Long>> it = seen.entrySet().iterator(); it.hasNext(); ) {
            if (it.next().getValue() >= horizon) {
                break;
            }
            it.remove();
        }
    }
}
