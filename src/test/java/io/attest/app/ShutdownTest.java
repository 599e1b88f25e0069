package io.attest.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import io.attest.local.LocalSlack;
import io.attest.local.LocalSlack.Fault;
import io.attest.testing.LogCapture;
import io.attest.testing.SignedClient;
import io.attest.testing.SlackPayloads;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** SIGTERM, as the shutdown hook delivers it: {@link Service#shutdown()} with answers still queued. */
class ShutdownTest {

    private LocalSlack slack;
    private LogCapture logs;

    @BeforeEach
    void start() throws Exception {
        slack = LocalSlack.start();
        logs = new LogCapture();
    }

    @AfterEach
    void stop() {
        slack.close();
        logs.close();
    }

    @Test
    void queuedAnswersAreDeliveredWithinTheGracePeriodWhileHealthzSaysShuttingDown() throws Exception {
        Service service = Wiring.start(TestConfigs.forSlack(slack, "ATTEST_WORK_THREADS", "2"), false);
        SignedClient client = new SignedClient(service.port(), TestConfigs.SECRET);
        // A slow Slack: each answer takes a while, so twenty of them are still queued when SIGTERM comes.
        slack.fail("chat.postMessage", Fault.delay(Duration.ofMillis(150)), 20);
        for (int i = 0; i < 20; i++) {
            assertEquals(200, client.post(SlackPayloads.appMention("Ev-sd" + i, "CSD", "U1", "<@U0ATTEST> what is soc 1?",
                    "1700005000." + String.format("%06d", i), null)).statusCode());
        }
        CompletableFuture<Void> shutdown = CompletableFuture.runAsync(service::shutdown);
        // The shutdown runs on another thread: wait until it has begun rather than race it.
        awaitUnhealthy(service);
        HttpResponse<String> health = healthz(service);
        assertEquals(503, health.statusCode(), "the platform is told to stop sending traffic");
        assertTrue(health.body().contains("shutting down"), health.body());
        assertTrue(client.post(SlackPayloads.slashCommand("is soc 2 a certification?", "CSD", "U2", slack.responseUrl("q")))
                .body().contains("attestation"), "a /soc question is still answered in its ack while draining");

        shutdown.get();
        assertEquals(20, slack.workspace().messages("CSD").stream().filter(m -> m.visibleTo() == null).count(),
                "every queued answer arrived, once");
        assertEquals(1, logs.events().stream().filter(e -> e.getFormattedMessage().startsWith("Shutdown: all accepted work finished")).count());
        assertEquals(List.of(), logs.at(Level.ERROR));
    }

    @Nested
    class WhenTheGracePeriodRunsOut {

        @Test
        void everyJobNotFinishedIsLoggedByNameAndNothingAcceptedIsDroppedSilently() throws Exception {
            Service service = Wiring.start(TestConfigs.forSlack(slack, "ATTEST_WORK_THREADS", "1",
                    "ATTEST_SHUTDOWN_GRACE", "1s"), false);
            SignedClient client = new SignedClient(service.port(), TestConfigs.SECRET);
            slack.fail("chat.postMessage", Fault.hang(), 10);
            for (int i = 0; i < 4; i++) {
                client.post(SlackPayloads.appMention("Ev-late" + i, "CLATE", "U1", "<@U0ATTEST> what is soc 1?",
                        "1700006000." + String.format("%06d", i), null));
            }
            CompletableFuture<Void> shutdown = CompletableFuture.runAsync(service::shutdown);
            awaitUnhealthy(service);
            client.post(SlackPayloads.appMention("Ev-after", "CLATE", "U9", "<@U0ATTEST> what is soc 2?", "1700006000.000100", null));
            shutdown.get();

            for (int i = 0; i < 4; i++) {
                String id = "[Ev-late" + i + "]";
                assertEquals(1, logs.at(Level.ERROR).stream().filter(e -> e.getFormattedMessage().startsWith("Not finished at shutdown")
                        && e.getFormattedMessage().contains(id)).count(), id + " is named once");
            }
            assertEquals(1, logs.problems("Shutdown: 4 accepted job(s) not finished within the 1 s grace period").size());
            assertEquals(1, logs.problems("Refused answering a mention [Ev-after]", "shutting down").size());
            LocalSlack.Call told = slack.await("chat.postEphemeral", 1).get(0);
            assertEquals("U9", told.param("user"));
            assertTrue(told.allText().contains("restarting"), told.allText());
        }
    }

    private static HttpResponse<String> healthz(Service service) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + service.port() + "/healthz")).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void awaitUnhealthy(Service service) throws Exception {
        long limit = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (healthz(service).statusCode() == 200 && System.nanoTime() < limit) {
            Thread.sleep(10);
        }
    }
}
