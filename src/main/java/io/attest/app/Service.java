package io.attest.app;

import io.attest.slack.WorkQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running Attest, as {@link Wiring} built it: its port, and how it stops. */
final class Service {

    private static final Logger LOG = LoggerFactory.getLogger(Service.class);

    private final WebServer web;
    private final WorkQueue work;
    private final AutoCloseable watcher;

    Service(WebServer web, WorkQueue work, AutoCloseable watcher) {
        this.web = web;
        this.work = work;
        this.watcher = watcher;
    }

    int port() {
        return web.port();
    }

    /** Stops serving and finishes accepted work; what the shutdown hook runs on SIGTERM. */
    void shutdown() {
        web.stop();
        try {
            watcher.close();
            work.drain(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("Stopping: {}", e.toString());
        }
    }
}
