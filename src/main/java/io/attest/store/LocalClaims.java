package io.attest.store;

import java.time.Clock;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Claims kept in this process only: what {@link Claims} falls back on while the database is unavailable, so a double
 * click or a retried event is still handled once by this instance. Bounded in size; entries end at their expiry.
 */
final class LocalClaims {

    private record Entry(String owner, boolean done, long expiresAt) {
    }

    private final int capacity;
    private final Clock clock;
    private final LinkedHashMap<String, Entry> claims = new LinkedHashMap<>();

    LocalClaims(int capacity, Clock clock) {
        this.capacity = capacity;
        this.clock = clock;
    }

    synchronized boolean take(String key, String owner, boolean done, long expiresAt) {
        long now = clock.millis();
        forgetExpired(now);
        Entry entry = claims.get(key);
        if (entry != null && entry.expiresAt() > now) {
            return false;
        }
        claims.remove(key);
        claims.put(key, new Entry(owner, done, expiresAt));
        if (claims.size() > capacity) {
            Iterator<String> oldest = claims.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        return true;
    }

    synchronized void done(String key, String owner, long expiresAt) {
        Entry entry = claims.get(key);
        if (entry == null || entry.owner().equals(owner)) {
            claims.remove(key);
            claims.put(key, new Entry(owner, true, expiresAt));
        }
    }

    synchronized void release(String key, String owner) {
        Entry entry = claims.get(key);
        if (entry != null && !entry.done() && entry.owner().equals(owner)) {
            claims.remove(key);
        }
    }

    private void forgetExpired(long now) {
        for (Iterator<Map.Entry<String, Entry>> it = claims.entrySet().iterator(); it.hasNext(); ) {
            if (it.next().getValue().expiresAt() <= now) {
                it.remove();
            }
        }
    }
}
