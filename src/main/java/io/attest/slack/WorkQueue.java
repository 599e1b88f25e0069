package io.attest.slack;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the slow part of a reply (Web API calls) after the ack, on a fixed number of threads with a bounded queue in
 * front of them. When the queue is full, new work is refused at once, logged and counted, so the caller can tell the
 * person to try again, instead of queueing without limit behind a hanging API and answering minutes late.
 */
public final class WorkQueue implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WorkQueue.class);

    /** A piece of work that may fail; a failure is logged with the job it belonged to. */
    @FunctionalInterface
    public interface Task {
        void run(Job job) throws Exception;
    }

    /** Whether work was taken on. */
    public enum Admission {
        ACCEPTED,
        /** Every thread is busy and the queue is full. */
        FULL,
        /** Shutting down: work already accepted is being finished, nothing new is taken on. */
        STOPPING;

        public boolean accepted() {
            return this == ACCEPTED;
        }
    }

    /** How the queue is doing, for /healthz. */
    public record Stats(int threads, int capacity, int waiting, int running, long refused) {
    }

    /** A job accepted but not finished when a shutdown's grace period ended. */
    public record Unfinished(Job job, boolean started) {
    }

    /** How long jobs cut off at the end of a grace period get to unwind before they are reported unfinished. */
    private static final Duration UNWIND = Duration.ofSeconds(2);

    private final String name;
    private final int threads;
    private final int capacity;
    private final Duration deadline;
    private final Clock clock;
    private final ThreadPoolExecutor executor;
    private final Telemetry telemetry;
    private final Set<Job> running = ConcurrentHashMap.newKeySet();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicReference<Instant> cutoff = new AtomicReference<>();
    private volatile boolean accepting = true;

    /**
     * @param name     names the threads and the log lines ("work", "notices")
     * @param capacity how many jobs may wait for a thread
     * @param deadline how long after acceptance a job's Web API calls may keep retrying
     * @param telemetry told of every job taken on or refused, and reads the queue's depth when metrics are scraped
     */
    public WorkQueue(String name, int threads, int capacity, Duration deadline, Clock clock, Telemetry telemetry) {
        this.name = name;
        this.threads = threads;
        this.capacity = capacity;
        this.deadline = deadline;
        this.clock = clock;
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "attest-" + name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(capacity), factory, new ThreadPoolExecutor.AbortPolicy());
        this.telemetry = telemetry;
        telemetry.workQueue(name, this::stats);
    }

    /**
     * Takes on a job, or refuses it at once; a refusal is logged and counted here, and the caller tells the person.
     *
     * @param what          what the job does, for the logs
     * @param correlationId ties the job's log lines together (Slack's event_id where there is one)
     */
    public Admission submit(JobKind what, String correlationId, Task task) {
        Instant now = clock.instant();
        Job job = new Job(what, correlationId, now, now.plus(deadline), cutoff);
        if (!accepting) {
            return refuse(job, Admission.STOPPING);
        }
        try {
            executor.execute(new Queued(job, task, LogContext.surface()));
            telemetry.workAccepted(name);
            return Admission.ACCEPTED;
        } catch (RejectedExecutionException e) {
            return refuse(job, accepting ? Admission.FULL : Admission.STOPPING);
        }
    }

    public Stats stats() {
        return new Stats(threads, capacity, executor.getQueue().size(), running.size(), refused.get());
    }

    private Admission refuse(Job job, Admission why) {
        long count = refused.incrementAndGet();
        telemetry.workRefused(name, why);
        if (why == Admission.FULL) {
            LOG.warn("Refused {}: the {} queue is full ({} threads busy, {} waiting); {} refused since start",
                    job, name, threads, capacity, count);
        } else {
            LOG.warn("Refused {}: shutting down; {} refused since start", job, count);
        }
        return why;
    }

    /** Takes no new work from now on: it is refused as {@link Admission#STOPPING}. */
    public void stopAccepting() {
        accepting = false;
    }

    /**
     * Stops taking work, and finishes what was accepted until {@code cutoff}, which becomes every job's deadline.
     * What is still waiting or running then is stopped: {@code abandon} cuts in-flight calls short.
     *
     * @return the jobs that did not finish, waiting ones included; empty when everything finished
     */
    public List<Unfinished> finish(Instant cutoff, Runnable abandon) throws InterruptedException {
        accepting = false;
        this.cutoff.set(cutoff);
        executor.shutdown();
        long left = Duration.between(clock.instant(), cutoff).toMillis();
        if (executor.awaitTermination(Math.max(0, left), TimeUnit.MILLISECONDS)) {
            return List.of();
        }
        List<Unfinished> unfinished = new ArrayList<>();
        running.forEach(job -> unfinished.add(new Unfinished(job, true)));
        for (Runnable never : executor.shutdownNow()) {
            unfinished.add(new Unfinished(((Queued) never).job, false));
        }
        abandon.run();
        executor.awaitTermination(UNWIND.toMillis(), TimeUnit.MILLISECONDS);
        return unfinished;
    }

    @Override
    public void close() {
        accepting = false;
        executor.shutdownNow();
    }

    /** A job waiting for a thread; {@link ThreadPoolExecutor#shutdownNow()} hands these back unstarted. */
    private final class Queued implements Runnable {
        private final Job job;
        private final Task task;
        /** The surface of the request that asked for the job, for the log lines the job writes. */
        private final String surface;

        Queued(Job job, Task task, String surface) {
            this.job = job;
            this.task = task;
            this.surface = surface;
        }

        @Override
        public void run() {
            running.add(job);
            LogContext.restore(job.correlationId(), surface);
            try {
                task.run(job);
            } catch (InterruptedException e) {
                // Only a shutdown interrupts a job, and finish() reports every job it stops.
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                // Not a Slack failure (those are logged where they happen) but a bug: keep the whole trace.
                LOG.error("{} failed", job, e);
            } finally {
                running.remove(job);
                LogContext.clear();
            }
        }
    }
}
