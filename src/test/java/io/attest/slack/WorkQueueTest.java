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
    private final WorkQueue queue = new WorkQueue("work", 1, 2, Duration.ofSeconds(60), Clock.fixed(NOW, ZoneOffset.UTC));
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
        queue.drain(20, TimeUnit.SECONDS);
        assertEquals(NOW.plusSeconds(60), seen.get().deadline());
        assertEquals("Ev1", seen.get().correlationId());
    }

    @Test
    void workWaitsForAThreadUpToTheQueuesCapacity() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        assertEquals(Admission.ACCEPTED, queue.submit(JobKind.CHECKING, "c1", job -> {
            started.countDown();
            release.await();
        }));
        assertTrue(started.await(20, TimeUnit.SECONDS));
        assertEquals(Admission.ACCEPTED, queue.submit(JobKind.CHECKING, "c2", job -> release.await()));
        assertEquals(Admission.ACCEPTED, queue.submit(JobKind.CHECKING, "c3", job -> release.await()));
        assertEquals(new WorkQueue.Stats(1, 2, 2, 1, 0), queue.stats());
    }

    @Nested
    class WhenItCannotTakeMore {

        @Test
        void newWorkIsRefusedLoggedOnceAndCounted() {
            for (int i = 0; i < 3; i++) {
                queue.submit(JobKind.CHECKING, "h" + i, job -> release.await());
            }
            assertEquals(Admission.FULL, queue.submit(JobKind.ANSWERING_A_MENTION, "Ev9", job -> { }));
            assertEquals(1, queue.stats().refused());
            assertEquals(1, logs.problems("Refused answering a mention [Ev9]", "queue is full").size());
        }

        @Test
        void afterADrainBeginsNewWorkIsRefusedAsStopping() throws Exception {
            queue.drain(20, TimeUnit.SECONDS);
            assertEquals(Admission.STOPPING, queue.submit(JobKind.ANSWERING_A_MENTION, "Ev10", job -> { }));
            assertEquals(1, logs.problems("Refused answering a mention [Ev10]", "shutting down").size());
        }

        @Test
        void aJobThatThrowsIsLoggedWithItsWholeStackTrace() throws Exception {
            queue.submit(JobKind.ANSWERING_A_MENTION, "Ev11", job -> {
                throw new IllegalStateException("a bug");
            });
            queue.drain(20, TimeUnit.SECONDS);
            var error = logs.at(Level.ERROR).stream().filter(e -> e.getFormattedMessage().contains("Ev11")).findFirst();
            assertTrue(error.isPresent());
            assertNotNull(error.get().getThrowableProxy(), "the stack trace is kept");
        }
    }
}
