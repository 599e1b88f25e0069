package io.attest.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import io.attest.local.LocalSlack;
import io.attest.local.LocalSlack.Fault;
import io.attest.local.SlackRequests;
import io.attest.testing.FakeSocketModeServer;
import io.attest.testing.FakeSocketModeServer.Ack;
import io.attest.testing.LogCapture;
import io.attest.testing.PrometheusText;
import io.attest.testing.SlackPayloads;
import io.attest.testing.SlackPayloads.SocketModeEnvelope;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * With SLACK_APP_TOKEN, Attest connects to Slack over Socket Mode: here Slack is LocalSlack (the Web API, including
 * apps.connections.open) and a WebSocket server on 127.0.0.1 that plays Slack's end of the socket.
 */
class SocketModeTest {

    static final String APP_TOKEN = "xapp-1-A0LOCAL-1-test-app-token";
    private static final String METRICS_TOKEN = "metrics-token-for-tests-0123456789";

    private LocalSlack slack;
    private FakeSocketModeServer socket;
    private Service server;
    private LogCapture logs;

    @BeforeEach
    void start() throws Exception {
        logs = new LogCapture();
        slack = LocalSlack.start();
        socket = FakeSocketModeServer.start();
        slack.socketModeUrl(socket.url());
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.shutdown();
        }
        socket.close();
        slack.close();
        logs.close();
    }

    private void boot(String... env) throws Exception {
        // No signing secret unless env gives one: Socket Mode needs none.
        List<String> vars = new java.util.ArrayList<>(List.of("SLACK_SIGNING_SECRET", "", "SLACK_APP_TOKEN", APP_TOKEN,
                "METRICS_TOKEN", METRICS_TOKEN));
        vars.addAll(List.of(env));
        server = Wiring.start(TestConfigs.forSlack(slack, vars.toArray(String[]::new)), false);
        socket.awaitConnections(1);
    }

    private String deliver(String httpBody) {
        SocketModeEnvelope envelope = SlackPayloads.overSocketMode(httpBody);
        return socket.deliver(envelope.type(), envelope.payload());
    }

    @Nested
    class EverySurfaceBehavesAsOverHttp {

        @BeforeEach
        void connect() throws Exception {
            boot();
        }

        @Test
        void startUpOpensOneConnectionWithTheAppTokenAndSaysSo() {
            List<LocalSlack.Call> opened = slack.calls("apps.connections.open");
            assertEquals(1, opened.size());
            assertEquals(1, slack.calls("auth.test").size(), "the bot token is still checked once");
            assertTrue(logs.events().stream().anyMatch(e -> e.getFormattedMessage().contains("connected to Slack over Socket Mode")));
        }

        @Test
        void aSlashCommandIsAnsweredPrivatelyInItsAck() {
            Ack ack = socket.awaitAck(deliver(SlackPayloads.slashCommand("is soc 2 a certification?", "C1", "U1", slack.responseUrl("r1"))));
            JsonNode payload = ack.payload();
            assertEquals("ephemeral", payload.path("response_type").asText());
            assertTrue(payload.path("blocks").get(0).path("text").path("text").asText().contains("attestation, not a certification"));
            assertTrue(payload.toString().contains("share_answer"));
            assertTrue(slack.settle().stream().noneMatch(c -> c.method().startsWith("chat.")), "nothing posted publicly");
        }

        @Test
        void helpIsAnsweredInItsAckToo() {
            assertTrue(socket.awaitAck(deliver(SlackPayloads.slashCommand("help", "C1", "U1", slack.responseUrl("h"))))
                    .payload().toString().contains("/soc <question>"));
        }

        @Test
        void aMentionIsAcknowledgedAndAnsweredInItsThread() {
            Ack ack = socket.awaitAck(deliver(SlackPayloads.appMention(SlackPayloads.nextEventId(), "C1", "U1",
                    "<@UBOT> is soc ii a certification?", "1700000100.000100", null)));
            assertNull(ack.payload(), "an event's ack carries nothing");
            LocalSlack.Call post = slack.await("chat.postMessage", 1).get(0);
            assertEquals("1700000100.000100", post.param("thread_ts"));
            assertTrue(post.allText().contains("attestation"));
        }

        @Test
        void aDirectMessageIsAnsweredInTheDm() {
            socket.awaitAck(deliver(SlackPayloads.directMessage(SlackPayloads.nextEventId(), "D1", "U1", "are we soc2 certified?",
                    "1700000400.000400")));
            assertEquals("D1", slack.await("chat.postMessage", 1).get(0).param("channel"));
        }

        @Test
        void aButtonClickIsAcknowledgedAndItsWorkDoneAfterwards() {
            socket.awaitAck(deliver(SlackPayloads.blockAction("share_answer", "soc2_attestation", "C1", "U1",
                    slack.responseUrl("s1"), true, null, null)));
            LocalSlack.Call post = slack.await("chat.postMessage", 1).get(0);
            assertTrue(post.allText().contains("Shared by <@U1>"));
            assertTrue(slack.await("response_url", 1).get(0).json().path("delete_original").asBoolean());
        }

        @Test
        void aTriageStartsItsThreadAfterAnEmptyAck() {
            Ack ack = socket.awaitAck(deliver(SlackPayloads.slashCommand("triage Acme", "CDEALS", "U1", slack.responseUrl("t"))));
            assertNull(ack.payload());
            List<LocalSlack.Call> posts = slack.await("chat.postMessage", 2);
            assertTrue(posts.get(0).allText().contains("SOC report triage for Acme"));
            assertEquals(posts.get(0).ts(), posts.get(1).param("thread_ts"));
        }

        @Test
        void theMessageShortcutAnswersPrivatelyAfterItsAck() {
            socket.awaitAck(deliver(SlackRequests.messageShortcut("ask_attest_about_message", "C1", "U1", "1700000000.000100",
                    "U9", "Is your SOC 2 a certification?", slack.responseUrl("shortcut"), "1.2.3")));
            LocalSlack.Call answer = slack.await("response_url", 1).get(0);
            assertEquals("ephemeral", answer.json().path("response_type").asText());
            assertTrue(answer.allText().contains("attestation, not a certification"), answer.allText());
        }

        @Test
        void openingTheHomeTabPublishesIt() {
            socket.awaitAck(deliver(SlackRequests.event(SlackPayloads.nextEventId(), SlackRequests.appHomeOpened("U1", "D0U1"))));
            assertEquals("U1", slack.await("views.publish", 1).get(0).param("user_id"));
        }

        @Test
        void theBotsOwnMessagesAreAcknowledgedAndIgnored() {
            socket.awaitAck(deliver(SlackPayloads.directMessage(SlackPayloads.nextEventId(), "D1", LocalSlack.BOT_USER_ID,
                    "is soc 2 a certification?", "1700000500.000500")));
            assertTrue(slack.settle().stream().noneMatch(c -> c.method().equals("chat.postMessage")));
        }

        @Test
        void slackEventsIsNotServedButHealthzAndMetricsAre() throws Exception {
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + server.port();
            assertEquals(404, http.send(HttpRequest.newBuilder(URI.create(base + "/slack/events"))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/healthz")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode());
            assertTrue(health.body().contains("\"socket_mode\":{\"connected\":true}"), health.body());
            socket.awaitAck(deliver(SlackPayloads.slashCommand("is soc 2 a certification?", "C1", "U1", slack.responseUrl("m"))));
            PrometheusText metrics = PrometheusText.scrape(server.port(), METRICS_TOKEN);
            assertEquals(1.0, metrics.value("attest_slack_requests_total", "surface", "slash_command", "outcome", "acked"));
            assertEquals(1.0, metrics.value("attest_socket_mode_events_total", "event", "connected"));
            assertEquals(1.0, metrics.value("attest_socket_mode_connected"));
        }

        @Test
        void anEnvelopeThatCannotBeReadIsAcknowledgedAndDroppedWithoutAStackTrace() {
            String id = socket.deliver("events_api", com.fasterxml.jackson.databind.node.TextNode.valueOf("not an object"));
            assertNull(socket.awaitAck(id).payload());
            String clicked = socket.deliver("interactive", SlackPayloads.overSocketMode("payload=%7B%22type%22%3A%22block_actions"
                    + "%22%2C%22actions%22%3A7%7D").payload());
            socket.awaitAck(clicked);
            assertEquals(List.of(), logs.at(Level.ERROR));
        }
    }

    @Nested
    class Reconnecting {

        @BeforeEach
        void connect() throws Exception {
            boot();
        }

        @Test
        void afterADroppedConnectionItReconnectsAndNoAnswerIsLostOrGivenTwice() throws Exception {
            String eventId = SlackPayloads.nextEventId();
            SocketModeEnvelope mention = SlackPayloads.overSocketMode(SlackPayloads.appMention(eventId, "C1", "U1",
                    "<@UBOT> what is soc 1?", "1700000300.000300", null));
            String first = socket.deliver(mention.type(), mention.payload());
            socket.awaitAck(first);
            slack.await("chat.postMessage", 1);

            socket.dropConnection();
            socket.awaitConnections(2);
            assertEquals(2, slack.calls("apps.connections.open").size(), "a new URL for the new connection");

            // Slack delivers again what it is unsure was acknowledged: the same event, a retry_attempt above 0.
            String again = socket.deliver(mention.type(), mention.payload(), first + "-retry", 1);
            String next = deliver(SlackPayloads.appMention(SlackPayloads.nextEventId(), "C1", "U1", "<@UBOT> type 1 vs type 2?",
                    "1700000301.000301", null));
            String command = deliver(SlackPayloads.slashCommand("is soc 2 a certification?", "C1", "U1", slack.responseUrl("r")));
            assertEquals(2, socket.awaitAck(again).connection());
            socket.awaitAck(next);
            assertTrue(socket.awaitAck(command).payload().toString().contains("attestation, not a certification"));

            slack.await("chat.postMessage", 2);
            List<LocalSlack.Call> posts = slack.settle().stream().filter(c -> c.method().equals("chat.postMessage")).toList();
            assertEquals(2, posts.size(), "one answer per mention, the redelivered one included");
            for (String id : List.of(first, again, next, command)) {
                assertEquals(1, socket.acks(id).size(), "acknowledged exactly once: " + id);
            }
            assertTrue(logs.problems("Socket Mode connection was lost").size() == 1);
            assertTrue(logs.events().stream().anyMatch(e -> e.getFormattedMessage().contains("Reconnected to Slack over Socket Mode")));
            PrometheusText metrics = PrometheusText.scrape(server.port(), METRICS_TOKEN);
            assertEquals(1.0, metrics.value("attest_socket_mode_events_total", "event", "dropped"));
            assertEquals(2.0, metrics.value("attest_socket_mode_events_total", "event", "connected"));
            assertEquals(1.0, metrics.value("attest_slack_redeliveries_total", "surface", "mention"));
        }

        @Test
        void onADisconnectMessageItOpensANewConnectionThenClosesTheOld() throws Exception {
            socket.askToReconnect();
            // Envelopes Slack still sends on the old connection meanwhile are served, and acknowledged on it.
            String meanwhile = socket.deliverOn(1, "slash_commands", SlackPayloads.overSocketMode(
                    SlackPayloads.slashCommand("what is soc 1?", "C1", "U1", slack.responseUrl("x"))).payload());
            socket.awaitConnections(2);
            Ack ack = socket.awaitAck(meanwhile);
            assertEquals(1, ack.connection());
            assertTrue(ack.payload().toString().contains("financial reporting"), ack.payload().toString());
            String late = socket.deliverOn(1, "events_api", SlackPayloads.overSocketMode(SlackPayloads.appMention(
                    SlackPayloads.nextEventId(), "C1", "U1", "<@UBOT> type 1 vs type 2?", "1700000303.000303", null)).payload());
            assertEquals(1, socket.awaitAck(late).connection(), "the old connection still serves what arrives on it");
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!socket.closedByAttest(1) && System.nanoTime() < deadline) {
                pause();
            }
            assertTrue(socket.closedByAttest(1), "the old connection is closed once the new one is open");

            String after = deliver(SlackPayloads.appMention(SlackPayloads.nextEventId(), "C1", "U1", "<@UBOT> what is soc 1?",
                    "1700000302.000302", null));
            assertEquals(2, socket.awaitAck(after).connection());
            slack.await("chat.postMessage", 2);
            assertEquals(2, slack.settle().stream().filter(c -> c.method().equals("chat.postMessage")).count());
            assertEquals(1, socket.acks(meanwhile).size());
            assertEquals(1, socket.acks(late).size());
            assertEquals(2, slack.calls("apps.connections.open").size());
            assertEquals(List.of(), socket.unreadable());
            assertTrue(logs.problems("Socket Mode connection was lost").isEmpty(), "a planned change is not a loss");
            PrometheusText metrics = PrometheusText.scrape(server.port(), METRICS_TOKEN);
            assertEquals(1.0, metrics.value("attest_socket_mode_events_total", "event", "asked_to_reconnect"));
            assertEquals(0.0, metrics.value("attest_socket_mode_events_total", "event", "dropped"));
            assertEquals(1.0, metrics.value("attest_socket_mode_connected"), "connected throughout");
        }
    }

    @Nested
    class WhenSlackRefusesTheAppTokenLater {

        @Test
        void healthzTurnsUnhealthyWithTheReasonAndItIsLoggedOnce() throws Exception {
            boot();
            slack.fail("apps.connections.open", Fault.notOk("token_revoked"), 100);
            socket.dropConnection();
            slack.await(c -> c.method().equals("apps.connections.open") && c.outcome().equals("token_revoked"), 1);
            HttpResponse<String> health;
            long deadline = System.nanoTime() + 30_000_000_000L;
            do {
                // Attest reads Slack's answer a moment after Slack gave it.
                health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                        + "/healthz")).build(), HttpResponse.BodyHandlers.ofString());
            } while (health.statusCode() != 503 && System.nanoTime() < deadline && pause());
            assertEquals(503, health.statusCode());
            assertTrue(health.body().contains("Slack no longer accepts SLACK_APP_TOKEN (token_revoked)"), health.body());
            assertTrue(health.body().contains("\"connected\":false"), health.body());
            assertEquals(1, logs.at(Level.ERROR).size(), "reported once, not at every attempt");
            assertFalse(logs.at(Level.ERROR).get(0).getFormattedMessage().contains(APP_TOKEN));
        }
    }

    @Nested
    class StartUpStops {

        @ParameterizedTest
        @ValueSource(strings = {"invalid_auth", "token_revoked", "not_allowed_token_type", "missing_scope"})
        void whenSlackRefusesTheAppTokenWithOneClearLine(String error) {
            slack.fail("apps.connections.open", Fault.notOk(error));
            StartupException e = assertThrows(StartupException.class, () -> boot());
            assertTrue(e.getMessage().contains("SLACK_APP_TOKEN") && e.getMessage().contains(error), e.getMessage());
            assertFalse(e.getMessage().contains(APP_TOKEN), "the token itself is never printed");
            assertEquals(1, e.getMessage().lines().count());
            assertEquals(1, slack.calls("apps.connections.open").size(), "a definite no is not asked again");
            assertEquals(0, socket.connectionsOpened());
        }

        @Test
        void butRidesOutSlackHavingABadMoment() throws Exception {
            slack.fail("apps.connections.open", Fault.status(503));
            boot();
            assertEquals(2, slack.calls("apps.connections.open").size());
            assertEquals(1, logs.problems("Slack could not confirm the app token yet", "http_503").size());
        }
    }

    /** Between two looks at a condition that is waited for; never an assertion about time. */
    private static boolean pause() {
        try {
            Thread.sleep(20);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void neitherTokenNorAnyPartOfAnEnvelopeReachesTheLogsInEitherFormat() throws Exception {
        Level level = logs.rootLevel();
        logs.everything();
        try {
            // With a signing secret too: Socket Mode wins, and the secret is still never printed.
            boot("SLACK_SIGNING_SECRET", TestConfigs.SECRET);
            String url = slack.responseUrl("secret-response-url-path");
            socket.awaitAck(deliver(SlackPayloads.slashCommand("is soc 2 a certification?", "C1", "U1", url)));
            socket.awaitAck(deliver(SlackPayloads.appMention(SlackPayloads.nextEventId(), "C1", "U1", "<@UBOT> hi", "1.1", null)));
            socket.awaitAck(socket.deliver("interactive", com.fasterxml.jackson.databind.node.TextNode.valueOf("not-json-at-all")));
            socket.dropConnection();
            socket.awaitConnections(2);
            slack.settle();
        } finally {
            logs.rootLevel(level);
        }
        assertTrue(logs.events().size() > 5, "something was logged");
        for (String line : logs.renderedInEveryFormat()) {
            for (String secret : List.of(APP_TOKEN, TestConfigs.TOKEN, TestConfigs.SECRET, SlackRequests.VERIFICATION_TOKEN, "secret-response-url-path",
                    "not-json-at-all", METRICS_TOKEN)) {
                assertFalse(line.contains(secret), "logged: " + line);
            }
        }
    }
}
