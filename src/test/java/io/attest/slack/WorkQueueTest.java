package io.attest.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import io.attest.slack.WorkQueue.Admission;
import io.attest.testing.LogCapture;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class WorkQueueTest {

    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
    private final CountDownLatch release = new CountDownLatch(1);
    private final WorkQueue queue = new WorkQueue("work", 1, 2, Duration.ofSeconds(60), Clock.fixed(NOW, ZoneOffset.UTC), Telemetry.NONE);
    private final LogCapture logs = new LogCapture();

    @AfterEach
    void stop() {
        release.countDown();
        queue.close();
        logs.close();
    }

    @Test
    void aJobMayKeepTryingUntilTheDeadlineCountedFromWhenItWasAccepted() throws Exception {
        AtomicReference<Job> seen = new AtomicReference<>();
        queue.submit(JobKind.ANSWERING_A_MENTION, "Ev1", seen::set);
        queue.finish(Instant.now().plusSeconds(20), () -> { });
        assertEquals(NOW.plusSeconds(60), seen.get().deadline());
        assertEquals("Ev1", seen.get().correlationId());
    }

    @Test
    void workWaitsForAThreadUpToTheQueuesCapacity() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        assertEquals(Admission.ACCEPTED, queue.submit(JobKind.SHOWING_TOPICS, "c1", job -> {
            started.countDown();
            release.await();
        }));
        assertTrue(started.await(20, TimeUnit.SECONDS));
        assertEquals(Admission.ACCEPTED, queue.submit(JobKind.SHOWING_TOPICS, "c2", job -> release.await()));
        assertEquals(Admission.ACCEPTED, queue.submit(JobKind.SHOWING_TOPICS, "c3", job -> release.await()));
        assertEquals(new WorkQueue.Stats(1, 2, 2, 1, 0), queue.stats());
    }

    @Nested
    class AtShutdown {

        @Test
        void acceptedWorkIsFinishedWithinTheGracePeriod() throws Exception {
            WorkQueue real = new WorkQueue("work", 2, 10, Duration.ofSeconds(60), Clock.systemUTC(), Telemetry.NONE);
            java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
            for (int i = 0; i < 6; i++) {
                real.submit(JobKind.ANSWERING_A_MENTION, "Ev" + i, job -> done.incrementAndGet());
            }
            assertEquals(java.util.List.of(), real.finish(Instant.now().plusSeconds(20), () -> { }));
            assertEquals(6, done.get());
        }

        @Test
        void whatIsLeftAtTheEndOfTheGracePeriodIsStoppedAndListedWaitingOnesIncluded() throws Exception {
            WorkQueue real = new WorkQueue("work", 1, 10, Duration.ofSeconds(60), Clock.systemUTC(), Telemetry.NONE);
            CountDownLatch started = new CountDownLatch(1);
            real.submit(JobKind.ANSWERING_A_MENTION, "Ev-running", job -> {
                started.countDown();
                release.await();
            });
            real.submit(JobKind.SHARING_AN_ANSWER, "Ev-waiting", job -> { });
            assertTrue(started.await(20, TimeUnit.SECONDS));
            java.util.concurrent.atomic.AtomicBoolean abandoned = new java.util.concurrent.atomic.AtomicBoolean();
            var unfinished = real.finish(Instant.now().plusMillis(200), () -> abandoned.set(true));
            assertEquals(java.util.List.of("Ev-running true", "Ev-waiting false"),
                    unfinished.stream().map(u -> u.job().correlationId() + " " + u.started()).toList());
            assertTrue(abandoned.get(), "calls in flight were cut short");
        }

        @Test
        void aJobsDeadlineBecomesTheEndOfTheGracePeriod() throws Exception {
            WorkQueue real = new WorkQueue("work", 1, 10, Duration.ofSeconds(60), Clock.systemUTC(), Telemetry.NONE);
            AtomicReference<Job> seen = new AtomicReference<>();
            CountDownLatch started = new CountDownLatch(1);
            real.submit(JobKind.ANSWERING_A_MENTION, "Ev-cut", job -> {
                seen.set(job);
                started.countDown();
                release.await();
            });
            assertTrue(started.await(20, TimeUnit.SECONDS));
            Instant cutoff = Instant.now().plusMillis(300);
            Thread finisher = new Thread(() -> {
                try {
                    real.finish(cutoff, () -> { });
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            finisher.start();
            long limit = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!seen.get().cutShort() && System.nanoTime() < limit) {
                Thread.sleep(5);
            }
            assertEquals(cutoff, seen.get().deadline());
            finisher.join(20_000);
        }
    }

    @Nested
    class WhenItCannotTakeMore {

        @Test
        void newWorkIsRefusedLoggedOnceAndCounted() {
            for (int i = 0; i < 3; i++) {
                queue.submit(JobKind.SHOWING_TOPICS, "h" + i, job -> release.await());
            }
            assertEquals(Admission.FULL, queue.submit(JobKind.ANSWERING_A_MENTION, "Ev9", job -> { }));
            assertEquals(1, queue.stats().refused());
            assertEquals(1, logs.problems("Refused answering a mention [Ev9]", "queue is full").size());
        }

        @Test
        void afterAShutdownBeginsNewWorkIsRefusedAsStopping() throws Exception {
            queue.finish(Instant.now().plusSeconds(20), () -> { });
            assertEquals(Admission.STOPPING, queue.submit(JobKind.ANSWERING_A_MENTION, "Ev10", job -> { }));
            assertEquals(1, logs.problems("Refused answering a mention [Ev10]", "shutting down").size());
        }

        @Test
        void aJobThatThrowsIsLoggedWithItsWholeStackTrace() throws Exception {
            queue.submit(JobKind.ANSWERING_A_MENTION, "Ev11", job -> {
                throw new IllegalStateException("a bug");
            });
            queue.finish(Instant.now().plusSeconds(20), () -> { });
            var error = logs.at(Level.ERROR).stream().filter(e -> e.getFormattedMessage().contains("Ev11")).findFirst();
            assertTrue(error.isPresent());
            assertNotNull(error.get().getThrowableProxy(), "the stack trace is kept");
        }
    }
}
