package io.attest.store;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * "An insert that wins once", with expiry, shared by every instance on one database: a Slack event retried to
 * another instance, or one triage click delivered to two, is handled once.
 *
 * <p>A claim is taken while its work is under way, for a lease that outlasts the work; it is then confirmed (kept for
 * a while, so later repeats do nothing) or released (so the same button works when clicked again). A claim whose
 * holder died ends with its lease. While the database is unavailable, claims are kept in this process instead, so
 * this instance still handles a repeat once.
 */
public final class Claims {

    /** A claim held while its work is under way. */
    public final class Claim {
        private final String key;
        private final String owner;
        private final boolean local;

        private Claim(String key, String owner, boolean local) {
            this.key = key;
            this.owner = owner;
            this.local = local;
        }

        /** The work was done: repeats within {@code keep} do nothing. */
        public void done(Duration keep) {
            Instant until = clock.instant().plus(keep);
            if (local) {
                fallback.done(key, owner, until.toEpochMilli());
                return;
            }
            store.record("confirming a claim", key, c -> {
                try (PreparedStatement s = c.prepareStatement(
                        "update claims set state = 'done', expires_at = ? where claim_key = ? and owner = ?")) {
                    s.setObject(1, at(until));
                    s.setString(2, key);
                    s.setString(3, owner);
                    return s.executeUpdate();
                }
            });
        }

        /** The work did not go through: the same key may be claimed again at once. */
        public void release() {
            if (local) {
                fallback.release(key, owner);
                return;
            }
            store.record("releasing a claim", key, c -> {
                try (PreparedStatement s = c.prepareStatement(
                        "delete from claims where claim_key = ? and owner = ? and state = 'working'")) {
                    s.setString(1, key);
                    s.setString(2, owner);
                    return s.executeUpdate();
                }
            });
        }
    }

    private static final int LOCAL_CAPACITY = 20_000;

    private final Store store;
    private final Clock clock;
    private final LocalClaims fallback;

    public Claims(Store store) {
        this.store = store;
        this.clock = store.clock();
        this.fallback = new LocalClaims(LOCAL_CAPACITY, clock);
    }

    /** True the first time {@code key} is offered within {@code keep}, by any instance. */
    public boolean once(String key, Duration keep) {
        return take(key, true, keep) != null;
    }

    /**
     * Claims {@code key} for work under way; null when another click or instance holds it, or did it already.
     *
     * @param lease how long the claim holds if its holder never confirms nor releases it (it died)
     */
    public Claim claim(String key, Duration lease) {
        return take(key, false, lease);
    }

    private Claim take(String key, boolean done, Duration expiry) {
        String owner = UUID.randomUUID().toString();
        Instant now = clock.instant();
        Instant expires = now.plus(expiry);
        String state = done ? "done" : "working";
        try {
            boolean won = store.call("claiming " + key, c -> {
                // An expired claim is taken over in place; otherwise the first insert wins and every other does nothing.
                try (PreparedStatement takeOver = c.prepareStatement(
                        "update claims set owner = ?, state = ?, expires_at = ? where claim_key = ? and expires_at <= ?")) {
                    takeOver.setString(1, owner);
                    takeOver.setString(2, state);
                    takeOver.setObject(3, at(expires));
                    takeOver.setString(4, key);
                    takeOver.setObject(5, at(now));
                    if (takeOver.executeUpdate() == 1) {
                        return true;
                    }
                }
                try (PreparedStatement insert = c.prepareStatement(
                        "insert into claims (claim_key, owner, state, expires_at) values (?, ?, ?, ?) on conflict do nothing")) {
                    insert.setString(1, key);
                    insert.setString(2, owner);
                    insert.setString(3, state);
                    insert.setObject(4, at(expires));
                    return insert.executeUpdate() == 1;
                }
            });
            return won ? new Claim(key, owner, false) : null;
        } catch (StoreUnavailable e) {
            return fallback.take(key, owner, done, expires.toEpochMilli()) ? new Claim(key, owner, true) : null;
        }
    }

    /** Deletes claims that have ended; part of the daily clean-up. */
    int purgeExpired() throws StoreUnavailable {
        Instant now = clock.instant();
        return store.call("purging ended claims", c -> {
            try (PreparedStatement s = c.prepareStatement("delete from claims where expires_at <= ?")) {
                s.setObject(1, at(now));
                return s.executeUpdate();
            }
        });
    }

    static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
