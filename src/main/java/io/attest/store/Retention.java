package io.attest.store;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Question text is kept {@code ATTEST_RETENTION_DAYS}, then purged, once a day by one instance: older questions are
 * deleted, and votes, gaps and escalations keep their counts but lose their text; drafts not taken up in that time
 * are deleted. Ended claims are deleted too.
 */
public final class Retention {

    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

    /** What one purge removed. */
    public record Purged(int questions, int votes, int gaps, int escalations, int drafts, int claims) {
    }

    private final Store store;
    private final Claims claims;
    private final Duration keep;

    public Retention(Store store, Claims claims, int days) {
        this.store = store;
        this.claims = claims;
        this.keep = Duration.ofDays(days);
    }

    /** Purges once per day across every instance; false when another instance (or an earlier run) did today's. */
    public boolean daily() throws StoreUnavailable {
        LocalDate today = store.clock().instant().atZone(ZoneOffset.UTC).toLocalDate();
        if (!claims.once("purge:" + today, Duration.ofDays(2))) {
            return false;
        }
        purge();
        return true;
    }

    /** Purges everything older than the retention period, now. */
    public Purged purge() throws StoreUnavailable {
        Instant cutoff = store.clock().instant().minus(keep);
        Purged purged = new Purged(new Questions(store).purge(cutoff), new Votes(store).purge(cutoff),
                GapQueue.purge(store, cutoff), new Escalations(store).purge(cutoff), new Drafts(store).purge(cutoff),
                claims.purgeExpired());
        LOG.info("Purged question text older than {} days: {} question(s) deleted, text removed from {} vote(s), {} gap(s) "
                + "and {} escalation(s), {} draft(s) deleted; {} ended claim(s) deleted", keep.toDays(), purged.questions(),
                purged.votes(), purged.gaps(), purged.escalations(), purged.drafts(), purged.claims());
        return purged;
    }
}
