package io.attest.app;

import io.attest.store.GapQueue;
import io.attest.store.Questions;
import io.attest.store.Retention;
import io.attest.store.StoreUnavailable;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the store needs done now and then, on one background thread: a "Did you mean…" nobody followed up within
 * {@link #FOLLOW_UP_WINDOW} is counted in the gap queue, and question text older than the retention period is purged
 * once a day (by one instance of many: the day's purge is claimed in the store). A database that is away is simply
 * tried again next time.
 */
final class Maintenance implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Maintenance.class);
    /** How long a "Did you mean…" has for one of its suggestions to be clicked before it counts as a gap. */
    static final Duration FOLLOW_UP_WINDOW = Duration.ofMinutes(10);
    private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);
    private static final Duration PURGE_CHECK_EVERY = Duration.ofHours(1);

    private final GapQueue gaps;
    private final Questions questions;
    private final Retention retention;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "attest-maintenance");
        t.setDaemon(true);
        return t;
    });

    Maintenance(GapQueue gaps, Questions questions, Retention retention, Clock clock) {
        this.gaps = gaps;
        this.questions = questions;
        this.retention = retention;
        this.clock = clock;
    }

    Maintenance start() {
        timer.scheduleWithFixedDelay(this::countUnclicked, SWEEP_EVERY.toSeconds(), SWEEP_EVERY.toSeconds(), TimeUnit.SECONDS);
        timer.scheduleWithFixedDelay(this::purge, 0, PURGE_CHECK_EVERY.toMinutes(), TimeUnit.MINUTES);
        return this;
    }

    void countUnclicked() {
        try {
            int counted = gaps.countUnclicked(questions, clock.instant().minus(FOLLOW_UP_WINDOW));
            if (counted > 0) {
                LOG.debug("Counted {} unclicked \"Did you mean\" in the gap queue", counted);
            }
        } catch (StoreUnavailable e) {
            // The store has said it is away; the next sweep picks these up.
        } catch (RuntimeException e) {
            LOG.error("Counting unclicked suggestions failed", e);
        }
    }

    void purge() {
        try {
            retention.daily();
        } catch (StoreUnavailable e) {
            // Tried again at the next check.
        } catch (RuntimeException e) {
            LOG.error("The daily purge failed", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
