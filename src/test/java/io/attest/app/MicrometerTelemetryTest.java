package io.attest.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.attest.slack.JobKind;
import io.attest.slack.WorkQueue;
import io.attest.testing.PrometheusText;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The work queue reports its depth and refusals itself, where it knows them. */
class MicrometerTelemetryTest {

    private final MicrometerTelemetry telemetry = new MicrometerTelemetry();
    private final WorkQueue queue = new WorkQueue("work", 1, 1, Duration.ofSeconds(60), Clock.systemUTC(), telemetry);
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        queue.close();
        telemetry.close();
    }

    @Test
    void aFullQueueAndAStoppingOneAreCountedAsRefusalsByReasonAndTheDepthIsReadAtScrapeTime() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        queue.submit(JobKind.ANSWERING_A_MENTION, "a", job -> {
            running.countDown();
            release.await();
        });
        running.await();
        queue.submit(JobKind.ANSWERING_A_MENTION, "b", job -> release.await());
        queue.submit(JobKind.ANSWERING_A_MENTION, "c", job -> { });
        // Micrometer holds a gauge's object weakly: the depth must survive a collection.
        System.gc();
        PrometheusText metrics = PrometheusText.parse(telemetry.scrape());
        assertEquals(1.0, metrics.value("attest_work_queue_running", "queue", "work"));
        assertEquals(1.0, metrics.value("attest_work_queue_waiting", "queue", "work"));
        assertEquals(2.0, metrics.value("attest_work_accepted_total", "queue", "work"));
        assertEquals(1.0, metrics.value("attest_work_refused_total", "queue", "work", "reason", "full"));
        queue.stopAccepting();
        queue.submit(JobKind.ANSWERING_A_MENTION, "d", job -> { });
        assertEquals(1.0, PrometheusText.parse(telemetry.scrape()).value("attest_work_refused_total", "queue", "work", "reason", "stopping"));
    }
}
