package io.attest.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One thread and room for one more in the queue, with Slack's Web API hanging: new work is refused visibly. */
class BackPressureTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private LocalSlack slack;
    private Service service;
    private SignedClient client;
    private LogCapture logs;

    @BeforeEach
    void start() throws Exception {
        slack = LocalSlack.start();
        service = Wiring.start(TestConfigs.forSlack(slack, "ATTEST_WORK_THREADS", "1", "ATTEST_WORK_QUEUE", "1"), false);
        client = new SignedClient(service.port(), TestConfigs.SECRET);
        logs = new LogCapture();
    }

    @AfterEach
    void stop() {
        slack.releaseHangs();
        service.shutdown();
        slack.close();
        logs.close();
    }

    @Test
    void whenTheQueueIsFullTheAskerIsToldToTryAgainAndTheRefusalIsLoggedAndCounted() throws Exception {
        slack.fail("chat.postMessage", Fault.hang(), 2);
        mention("Ev-bp1", "1700001000.000100");
        awaitWork(w -> w.path("running").asInt() == 1);
        mention("Ev-bp2", "1700001000.000200");
        awaitWork(w -> w.path("waiting").asInt() == 1);

        mention("Ev-bp3", "1700001000.000300");
        LocalSlack.Call notice = slack.await("chat.postEphemeral", 1).get(0);
        assertEquals("U3", notice.param("user"));
        assertEquals("1700001000.000300", notice.param("thread_ts"), "told in the thread they asked in");
        assertTrue(notice.allText().contains("busy"), notice.allText());
        assertEquals(1, logs.problems("Refused answering a mention [Ev-bp3]").size());

        String triage = client.post(SlackPayloads.slashCommand("triage Acme", "CBP", "U4", slack.responseUrl("t"))).body();
        assertTrue(triage.contains("busy") && triage.contains("ephemeral"), "refused in the ack itself: " + triage);
        String answer = client.post(SlackPayloads.slashCommand("is soc 2 a certification?", "CBP", "U5", slack.responseUrl("q"))).body();
        assertTrue(answer.contains("attestation"), "/soc still answers in the ack: " + answer);
        assertEquals(2, health().path("work").path("refused").asInt());

        slack.releaseHangs();
        slack.await("chat.postMessage", 2);
        slack.settle();
        assertEquals(2, slack.workspace().messages("CBP").stream().filter(m -> m.visibleTo() == null).count(),
                "the two accepted answers arrive, and nothing for the refused one");
    }

    private void mention(String eventId, String ts) throws Exception {
        String user = "U" + eventId.charAt(eventId.length() - 1);
        assertEquals(200, client.post(SlackPayloads.appMention(eventId, "CBP", user, "<@U0ATTEST> what is soc 1?", ts, null))
                .statusCode());
    }

    private JsonNode health() throws Exception {
        return JSON.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + service.port() + "/healthz")).build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    private void awaitWork(Predicate<JsonNode> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.test(health().path("work"))) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("work never got there: " + health());
    }
}
