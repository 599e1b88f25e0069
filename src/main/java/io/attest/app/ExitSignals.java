package io.attest.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Runs the graceful shutdown on SIGTERM (the platform stopping an instance) and SIGINT (Ctrl-C) before the JVM starts
 * to exit. Shutdown hooks all start at once, in no order, and the embedded database closes itself from one of them:
 * drained in a hook, the answers' records would race it and be lost. Here the drain finishes first and the JVM exits
 * after; the shutdown hook stays for any other way out. A second signal during the drain exits at once.
 */
final class ExitSignals {

    private static final Logger LOG = LoggerFactory.getLogger(ExitSignals.class);

    private ExitSignals() {
    }

    static void onTermOrInt(Runnable gracefulShutdown) {
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), signal -> {
                    try {
                        gracefulShutdown.run();
                    } finally {
                        System.exit(0); // whatever the drain came to, the platform asked this process to end
                    }
                });
            } catch (IllegalArgumentException e) {
                // The JVM keeps this signal to itself (-Xrs, or a debugger's agent): the shutdown hook still drains.
                LOG.info("SIG{} stays with the JVM; the shutdown hook drains on it instead", name);
            }
        }
    }
}
