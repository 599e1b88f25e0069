package io.attest.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.attest.local.LocalSlack;
import io.attest.testing.LogCapture;
import io.attest.testing.SignedClient;
import io.attest.testing.SlackPayloads;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Signed Slack-shaped requests into the running server, with the Web API faked on 127.0.0.1. */
class SlackEndpointTest {

    private static final String SECRET = TestConfigs.SECRET;
    private static final String TOKEN = TestConfigs.TOKEN;
    private static final ObjectMapper JSON = new ObjectMapper();

    private LocalSlack slack;
    private Service server;
    private SignedClient client;

    @BeforeEach
    void start() throws Exception {
        slack = LocalSlack.start();
        Config config = TestConfigs.forSlack(slack);
        server = Wiring.start(config, false);
        client = new SignedClient(server.port(), SECRET);
    }

    @AfterEach
    void stop() {
        server.shutdown();
        slack.close();
    }

    @Test
    void startUpChecksTheTokenOnceSoRequestsNeverWaitForAuthTest() throws Exception {
        assertEquals(1, slack.calls("auth.test").size());
        client.post(SlackPayloads.slashCommand("is soc 2 a certification?", "C1", "U1", slack.responseUrl("a")));
        client.post(SlackPayloads.slashCommand("type 1 vs type 2", "C1", "U1", slack.responseUrl("b")));
        assertEquals(1, slack.settle().stream().filter(c -> c.method().equals("auth.test")).count());
    }

    @Test
    void healthzAnswersOnceTheKnowledgeBaseIsLoaded() throws Exception {
        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/healthz")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode());
        assertTrue(health.body().contains("\"status\":\"ok\""));
    }

    @Test
    void urlVerificationEchoesTheChallenge() throws Exception {
        HttpResponse<String> response = client.post(SlackPayloads.urlVerification("challenge-xyz"));
        assertEquals(200, response.statusCode());
        assertEquals("challenge-xyz", response.body(), "Slack accepts the challenge echoed as plain text");
    }

    @Nested
    class SlashCommand {

        @Test
        void aQuestionIsAnsweredPrivatelyInTheAckWithShareAndRelatedButtons() throws Exception {
            HttpResponse<String> response = client.post(
                    SlackPayloads.slashCommand("is soc 2 a certification?", "C1", "U1", slack.responseUrl("r1")));
            assertEquals(200, response.statusCode());
            JsonNode body = JSON.readTree(response.body());
            assertEquals("ephemeral", body.path("response_type").asText());
            assertTrue(body.path("blocks").get(0).path("text").path("text").asText().contains("attestation, not a certification"));
            assertTrue(body.toString().contains("share_answer"));
            assertTrue(body.toString().contains("For reps"), "the rep note is shown to the asker");
            assertTrue(body.toString().contains("Type 1 vs Type 2"), "related topics are buttons");
            assertTrue(slack.settle().stream().noneMatch(c -> c.method().startsWith("chat.")), "nothing posted publicly");
        }

        @Test
        void helpExplainsUsage() throws Exception {
            JsonNode body = JSON.readTree(client.post(SlackPayloads.slashCommand("help", "C1", "U1", slack.responseUrl("h"))).body());
            assertTrue(body.toString().contains("/soc <question>"));
            assertTrue(body.toString().contains("show_topics"));
        }

        @Test
        void topicsListsEveryAnswer() throws Exception {
            JsonNode body = JSON.readTree(client.post(SlackPayloads.slashCommand("topics", "C1", "U1", slack.responseUrl("t"))).body());
            for (String title : List.of("Is SOC 2 a certification?", "Type 1 vs Type 2", "What is SOC 1?")) {
                assertTrue(body.toString().contains(title), title);
            }
        }

        @Test
        void somethingOutOfScopeIsDeclinedPolitely() throws Exception {
            JsonNode body = JSON.readTree(client.post(SlackPayloads.slashCommand("what's 17 * 23", "C1", "U1", slack.responseUrl("d"))).body());
            assertTrue(body.toString().contains("outside what I cover"));
        }

        @Test
        void emptyTextGetsHelpNotAnError() throws Exception {
            HttpResponse<String> response = client.post(SlackPayloads.slashCommand("", "C1", "U1", slack.responseUrl("e")));
            assertEquals(200, response.statusCode());
            assertTrue(response.body().contains("/soc <question>"));
        }
    }

    @Nested
    class Events {

        @Test
        void aMentionIsAnsweredInItsThread() throws Exception {
            assertEquals(200, client.post(SlackPayloads.appMention(SlackPayloads.nextEventId(), "C1", "U1",
                    "<@UBOT> is soc ii a certification?", "1700000100.000100", null)).statusCode());
            LocalSlack.Call post = slack.await("chat.postMessage", 1).get(0);
            assertEquals("C1", post.param("channel"));
            assertEquals("1700000100.000100", post.param("thread_ts"));
            assertTrue(post.allText().contains("attestation"));
            assertFalse(post.allText().contains("For reps"), "rep notes never go to a channel");
        }

        @Test
        void aMentionInsideAThreadStaysInThatThread() throws Exception {
            client.post(SlackPayloads.appMention(SlackPayloads.nextEventId(), "C1", "U1",
                    "<@UBOT> type 1 vs type 2?", "1700000200.000200", "1700000150.000150"));
            assertEquals("1700000150.000150", slack.await("chat.postMessage", 1).get(0).param("thread_ts"));
        }

        @Test
        void aRetriedEventIsNotAnsweredTwice() throws Exception {
            String eventId = SlackPayloads.nextEventId();
            String body = SlackPayloads.appMention(eventId, "C1", "U1", "<@UBOT> what is soc 1?", "1700000300.000300", null);
            assertEquals(200, client.post(body).statusCode());
            assertEquals(200, client.post(body, 0, 1).statusCode());
            assertEquals(200, client.post(body, 0, 2).statusCode());
            slack.await("chat.postMessage", 1);
            assertEquals(1, slack.settle().stream().filter(c -> c.method().equals("chat.postMessage")).count());
        }

        @Test
        void aDirectMessageIsAnsweredInTheDm() throws Exception {
            client.post(SlackPayloads.directMessage(SlackPayloads.nextEventId(), "D1", "U1", "are we soc2 certified?", "1700000400.000400"));
            LocalSlack.Call post = slack.await("chat.postMessage", 1).get(0);
            assertEquals("D1", post.param("channel"));
            assertNull(post.param("thread_ts"));
            assertTrue(post.allText().contains("For reps"), "a DM is private, so the rep note is shown");
        }

        @Test
        void theBotsOwnMessagesAndOtherBotsAreIgnored() throws Exception {
            client.post(SlackPayloads.directMessage(SlackPayloads.nextEventId(), "D1", LocalSlack.BOT_USER_ID,
                    "is soc 2 a certification?", "1700000500.000500"));
            client.post(SlackPayloads.botDirectMessage(SlackPayloads.nextEventId(), "D1", "UOTHERBOT",
                    "is soc 2 a certification?", "1700000501.000501"));
            assertTrue(slack.settle().stream().noneMatch(c -> c.method().equals("chat.postMessage")));
        }

        @Test
        void anEventTypeAttestDoesNotHandleIsStillAcknowledged() throws Exception {
            String edited = "{\"type\":\"event_callback\",\"team_id\":\"T1\",\"api_app_id\":\"A1\",\"event_id\":\"EvEdit\","
                    + "\"event\":{\"type\":\"reaction_added\",\"user\":\"U1\",\"reaction\":\"+1\",\"event_ts\":\"1.2\"}}";
            assertEquals(200, client.post(edited).statusCode());
        }
    }

    @Nested
    class Buttons {

        @Test
        void shareInChannelPostsTheAnswerAttributedAndWithoutTheRepNote() throws Exception {
            client.post(SlackPayloads.blockAction("share_answer", "soc2_attestation", "C1", "U1",
                    slack.responseUrl("s1"), true, null, null));
            LocalSlack.Call post = slack.await("chat.postMessage", 1).get(0);
            assertEquals("C1", post.param("channel"));
            assertTrue(post.allText().contains("Shared by <@U1>"));
            assertTrue(post.allText().contains("attestation"));
            assertFalse(post.allText().contains("For reps"));
            JsonNode deleted = slack.await("response_url", 1).get(0).json();
            assertTrue(deleted.path("delete_original").asBoolean());
        }

        @Test
        void shareWhereTheBotIsNotAMemberStillPostsThroughTheResponseUrl() throws Exception {
            slack.botIsNotIn("CPRIVATE");
            client.post(SlackPayloads.blockAction("share_answer", "soc2_attestation", "CPRIVATE", "U1",
                    slack.responseUrl("s2"), true, null, null));
            List<LocalSlack.Call> responses = slack.await("response_url", 2);
            assertEquals("in_channel", responses.get(0).json().path("response_type").asText());
            assertTrue(responses.get(0).allText().contains("Shared by <@U1>"));
            assertTrue(responses.get(1).json().path("delete_original").asBoolean());
        }

        @Test
        void aRelatedTopicInAPrivateReplyReplacesItInPlace() throws Exception {
            client.post(SlackPayloads.blockAction("show_answer:0", "type1_vs_type2", "C1", "U1",
                    slack.responseUrl("rel"), true, null, null));
            LocalSlack.Call response = slack.await("response_url", 1).get(0);
            assertTrue(response.json().path("replace_original").asBoolean());
            assertTrue(response.allText().contains("point in time"));
        }

        @Test
        void aRelatedTopicUnderAThreadAnswerIsPostedInThatThread() throws Exception {
            client.post(SlackPayloads.blockAction("show_answer:1", "soc1_what", "C1", "U2",
                    slack.responseUrl("rel2"), false, "1700000600.000600", "1700000550.000550"));
            LocalSlack.Call post = slack.await("chat.postMessage", 1).get(0);
            assertEquals("1700000550.000550", post.param("thread_ts"));
            assertTrue(post.allText().contains("financial reporting"));
        }
    }

    @Test
    void secretsTokensAndBodiesNeverReachTheLogsInEitherFormat() throws Exception {
        String metricsToken = "metrics-token-never-logged-0123";
        LogCapture logs = new LogCapture();
        ch.qos.logback.classic.Level level = logs.rootLevel();
        logs.everything();
        try {
            server.shutdown();
            server = Wiring.start(TestConfigs.forSlack(slack, "METRICS_TOKEN", metricsToken), false);
            client = new SignedClient(server.port(), SECRET);
            client.post(SlackPayloads.slashCommand("is soc 2 a certification?", "C1", "U1", slack.responseUrl("l-response-url")));
            client.postUnsigned(SlackPayloads.slashCommand("unsigned", "C1", "U1", slack.responseUrl("l")));
            client.post("payload=%7Bnot-json");
            client.post("{\"type\":\"something_new\",\"token\":\"legacy-verification-token\"}");
            client.post(SlackPayloads.appMention(SlackPayloads.nextEventId(), "C1", "U1", "<@UBOT> hi", "1.1", null));
            slack.fail("chat.postMessage", LocalSlack.Fault.notOk("not_in_channel"));
            client.post(SlackPayloads.appMention(SlackPayloads.nextEventId(), "C1", "U1", "<@UBOT> what is soc 1?", "1.2", null));
            slack.settle();
        } finally {
            logs.rootLevel(level);
            logs.close();
        }
        assertFalse(logs.events().isEmpty(), "something was logged");
        for (String line : logs.renderedInEveryFormat()) {
            for (String secret : List.of(SECRET, TOKEN, "legacy-verification-token", "not-json", "l-response-url", metricsToken)) {
                assertFalse(line.contains(secret), "logged: " + line);
            }
        }
    }

    @Nested
    class RequestSafety {

        private final String body = SlackPayloads.slashCommand("is soc 2 a certification?", "C1", "U1", "http://127.0.0.1:1/x");

        @Test
        void anUnsignedRequestIsRejected() throws Exception {
            assertEquals(401, client.postUnsigned(body).statusCode());
        }

        @Test
        void aWronglySignedRequestIsRejected() throws Exception {
            assertEquals(401, client.postWithSignature(body, "v0=" + "0".repeat(64)).statusCode());
        }

        @Test
        void aStaleRequestIsRejected() throws Exception {
            assertEquals(401, client.post(body, -360, null).statusCode());
        }

        @Test
        void aFutureDatedRequestIsRejected() throws Exception {
            // Exact boundaries are unit-tested with a fixed clock; here the second may tick between client and server.
            assertEquals(401, client.post(body, 360, null).statusCode());
        }

        @Test
        void aRequestJustInsideTheWindowIsAccepted() throws Exception {
            assertEquals(200, client.post(body, -240, null).statusCode());
            assertEquals(200, client.post(body, 240, null).statusCode());
        }

        @Test
        void aSignedButMalformedPayloadIs400WithoutAStackTrace() throws Exception {
            for (String bad : List.of("payload=%7Bnot-json", "{\"type\":\"event_callback\",\"event\":42}",
                    "{\"no_type\":true}", "payload=%7B%22type%22%3A%22block_actions%22%2C%22actions%22%3A7%7D", "")) {
                HttpResponse<String> response = client.post(bad);
                assertEquals(400, response.statusCode(), bad + " -> " + response.body());
                assertFalse(response.body().contains("Exception"), response.body());
                assertFalse(response.body().contains("at io."), response.body());
            }
        }

        @Test
        void oddUnicodeInAQuestionIsAnsweredNormally() throws Exception {
            HttpResponse<String> response = client.post(SlackPayloads.slashCommand(
                    "\u202Eis\u200B soc 2 a ｃｅｒｔｉｆｉｃａｔｉｏｎ? 🙃 \uD800", "C1", "U1", slack.responseUrl("u")));
            assertEquals(200, response.statusCode());
            assertTrue(response.body().contains("attestation"), response.body());
        }
    }
}
