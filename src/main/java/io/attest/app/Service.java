package io.attest.app;

import io.attest.local.LocalSlack;
import io.attest.slack.SlackWebApi;
import io.attest.slack.WorkQueue;
import io.attest.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running Attest, as {@link Wiring} built it: its port, and how it stops. */
final class Service {

    private static final Logger LOG = LoggerFactory.getLogger(Service.class);

    private final WebServer web;
    private final WorkQueue work;
    private final WorkQueue notices;
    private final WorkQueue records;
    private final Store store;
    private final Maintenance maintenance;
    private final SlackWebApi api;
    private final Health health;
    private final Duration grace;
    private final ContentWatcher watcher;
    private final LocalSlack localSlack;
    private final List<AutoCloseable> alsoClose;
    private final Clock clock = Clock.systemUTC();
    private final AtomicBoolean stopping = new AtomicBoolean();

    /**
     * @param grace   how long a shutdown may take to finish accepted work
     * @param watcher and localSlack run beside the server in local mode only; null otherwise
     * @param alsoClose closed, in order, after the server stops (the Socket Mode connection, the metrics listener)
     */
    Service(WebServer web, Wiring.Parts parts, Duration grace, ContentWatcher watcher, LocalSlack localSlack,
            AutoCloseable... alsoClose) {
        this.web = web;
        this.work = parts.work();
        this.notices = parts.notices();
        this.records = parts.records();
        this.store = parts.store();
        this.maintenance = parts.maintenance();
        this.api = parts.api();
        this.health = parts.health();
        this.grace = grace;
        this.watcher = watcher;
        this.localSlack = localSlack;
        this.alsoClose = List.of(alsoClose);
    }

    int port() {
        return web.port();
    }

    /** The workspace local mode posts into; empty when Attest talks to Slack. */
    Optional<LocalSlack> localSlack() {
        return Optional.ofNullable(localSlack);
    }

    /**
     * What runs on SIGTERM (see {@link ExitSignals}; the shutdown hook runs it on any other exit). {@code /healthz}
     * turns 503 so the platform sends no more traffic, new work is refused (the asker is told Attest is restarting), and
     * what was accepted is finished within the grace
     * period; whatever is left then is stopped and logged, one line per job. The server keeps answering while it
     * drains, so a /soc question arriving meanwhile is still answered in its ack.
     */
    void shutdown() {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        Instant started = clock.instant();
        Instant cutoff = started.plus(grace);
        health.shuttingDown();
        LOG.info("Shutting down: finishing accepted work for up to {} s ({} waiting, {} running)",
                grace.toSeconds(), work.stats().waiting(), work.stats().running());
        List<WorkQueue.Unfinished> unfinished = new ArrayList<>();
        try {
            work.stopAccepting();
            unfinished.addAll(work.finish(cutoff, api::cancelAll));
            unfinished.addAll(notices.finish(cutoff, api::cancelAll));
            // What the answers recorded is written last; the database is closed once it is.
            unfinished.addAll(records.finish(cutoff, () -> { }));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        web.stop();
        // The Socket Mode connection before the store: nothing that could still arrive on it finds the store closed.
        for (AutoCloseable c : alsoClose) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("Shutdown: could not close {}: {}", c.getClass().getSimpleName(), e.toString());
            }
        }
        maintenance.close();
        store.close();
        if (watcher != null) {
            watcher.close();
        }
        if (localSlack != null) {
            localSlack.close();
        }
        report(unfinished, started);
    }

    private void report(List<WorkQueue.Unfinished> unfinished, Instant started) {
        if (unfinished.isEmpty()) {
            LOG.info("Shutdown: all accepted work finished in {} ms", Duration.between(started, clock.instant()).toMillis());
            return;
        }
        for (WorkQueue.Unfinished u : unfinished) {
            LOG.error("Not finished at shutdown: {}, accepted {} s before, {}", u.job(),
                    Duration.between(u.job().acceptedAt(), started).toSeconds(), u.started() ? "stopped while running" : "never started");
        }
        LOG.warn("Shutdown: {} accepted job(s) not finished within the {} s grace period; each is listed above",
                unfinished.size(), grace.toSeconds());
    }
}
