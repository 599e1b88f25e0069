package io.attest.app;

import io.attest.local.LocalSlack;
import io.attest.slack.WorkQueue;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running Attest, as {@link Wiring} built it: its port, and how it stops. */
final class Service {

    private static final Logger LOG = LoggerFactory.getLogger(Service.class);

    private final WebServer web;
    private final WorkQueue work;
    private final WorkQueue notices;
    private final ContentWatcher watcher;
    private final LocalSlack localSlack;

    /** @param watcher and localSlack run beside the server in local mode only; null otherwise */
    Service(WebServer web, Wiring.Parts parts, ContentWatcher watcher, LocalSlack localSlack) {
        this.web = web;
        this.work = parts.work();
        this.notices = parts.notices();
        this.watcher = watcher;
        this.localSlack = localSlack;
    }

    int port() {
        return web.port();
    }

    /** The workspace local mode posts into; empty when Attest talks to Slack. */
    Optional<LocalSlack> localSlack() {
        return Optional.ofNullable(localSlack);
    }

    /** Stops serving and finishes accepted work; what the shutdown hook runs on SIGTERM. */
    void shutdown() {
        web.stop();
        try {
            work.drain(5, TimeUnit.SECONDS);
            notices.drain(5, TimeUnit.SECONDS);
            if (watcher != null) {
                watcher.close();
            }
            if (localSlack != null) {
                localSlack.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("Stopping: {}", e.toString());
        }
    }
}
