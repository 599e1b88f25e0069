package io.attest.slack;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the slow part of a reply (Web API calls) after the ack, and logs anything that goes wrong there. */
public final class WorkQueue implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WorkQueue.class);

    /** A piece of work that may fail; failures are logged with what was being done. */
    @FunctionalInterface
    public interface Job {
        void run() throws Exception;
    }

    private final ExecutorService executor;

    public WorkQueue(int threads) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "attest-work-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.executor = Executors.newFixedThreadPool(threads, factory);
    }

    public void submit(String what, Job job) {
        try {
            executor.execute(() -> {
                try {
                    job.run();
                } catch (Exception | Error e) {
                    LOG.error("{} failed: {}", what, e.toString());
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.error("{} dropped: shutting down", what);
        }
    }

    /** Waits for work already accepted, so a test or a shutdown does not cut an answer off. */
    public boolean drain(long timeout, TimeUnit unit) throws InterruptedException {
        executor.shutdown();
        return executor.awaitTermination(timeout, unit);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
