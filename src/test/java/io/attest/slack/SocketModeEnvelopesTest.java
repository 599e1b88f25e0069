package io.attest.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.model.event.AppMentionEvent;
import io.attest.testing.LogCapture;
import io.attest.testing.SlackPayloads;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The Socket Mode edge: the same payload checks and the same Bolt app as HTTP, with acks instead of status codes. */
class SocketModeEnvelopesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final AtomicInteger mentions = new AtomicInteger();
    private final AtomicInteger clicks = new AtomicInteger();
    private final LogCapture logs = new LogCapture();
    private final List<String> acks = new ArrayList<>();
    private final SocketModeEnvelopes envelopes;

    SocketModeEnvelopesTest() {
        App app = new App(AppConfig.builder().build(), new ArrayList<>());
        app.use(new RepeatAndBotEventFilter(new EventDeduplicator(100, Duration.ofMinutes(30), Clock.systemUTC()), "UBOT",
                event -> false));
        app.event(AppMentionEvent.class, (payload, ctx) -> {
            mentions.incrementAndGet();
            throw new IllegalStateException("a bug in a listener");
        });
        app.command("/soc", (req, ctx) -> ctx.ack("fine"));
        app.blockAction("share_answer", (req, ctx) -> {
            clicks.incrementAndGet();
            return ctx.ack();
        });
        envelopes = new SocketModeEnvelopes(app, Telemetry.NONE);
    }

    @AfterEach
    void stop() {
        logs.close();
    }

    private SocketModeEnvelopes.Kind handle(String type, JsonNode payload, String id, int retry) {
        ObjectNode envelope = JSON.createObjectNode().put("type", type).put("envelope_id", id);
        envelope.set("payload", payload);
        if (retry > 0) {
            envelope.put("retry_attempt", retry);
        }
        return envelopes.handle(envelope.toString(), acks::add);
    }

    private static JsonNode payload(String httpBody) {
        return SlackPayloads.overSocketMode(httpBody).payload();
    }

    @Test
    void aSlashCommandsTextAckBecomesTheAcksPayload() throws Exception {
        handle("slash_commands", payload(SlackPayloads.slashCommand("hi", "C1", "U1", "http://127.0.0.1:1/r")), "e1", 0);
        assertEquals(1, acks.size());
        JsonNode ack = JSON.readTree(acks.get(0));
        assertEquals("e1", ack.path("envelope_id").asText());
        assertEquals("fine", ack.path("payload").path("text").asText());
    }

    @Test
    void aClickIsAcknowledgedWithoutAPayload() throws Exception {
        handle("interactive", payload(SlackPayloads.blockAction("share_answer", "x", "C1", "U1", "http://127.0.0.1:1/r", true,
                null, null)), "e2", 0);
        assertEquals(1, clicks.get());
        assertEquals("{\"envelope_id\":\"e2\"}", acks.get(0));
    }

    @Test
    void helloAndDisconnectAreToldApartForTheConnection() {
        assertEquals(SocketModeEnvelopes.Kind.HELLO, envelopes.handle("{\"type\":\"hello\",\"num_connections\":1}", acks::add));
        assertEquals(SocketModeEnvelopes.Kind.DISCONNECT, envelopes.handle("{\"type\":\"disconnect\",\"reason\":\"warning\"}", acks::add));
        assertEquals(SocketModeEnvelopes.Kind.OTHER, envelopes.handle("{\"type\":\"something_new\"}", acks::add));
        assertEquals(List.of(), acks);
    }

    @Nested
    class AListenerThatThrows {

        @Test
        void leavesItsEnvelopeUnacknowledgedWithTheWholeStackTraceInTheLog() {
            handle("events_api", payload(mention("Ev-bug1")), "e3", 0);
            assertEquals(List.of(), acks, "not acknowledged: Slack delivers it again");
            List<ILoggingEvent> errors = logs.at(Level.ERROR);
            assertEquals(1, errors.size());
            assertNotNull(errors.get(0).getThrowableProxy());
            assertEquals("a bug in a listener", errors.get(0).getThrowableProxy().getMessage());
        }

        @Test
        void andSlacksRedeliveryIsAcknowledgedWithoutRunningTheListenerAgain() {
            handle("events_api", payload(mention("Ev-bug2")), "e4", 0);
            handle("events_api", payload(mention("Ev-bug2")), "e4", 1);
            assertEquals(1, mentions.get());
            assertEquals(List.of("{\"envelope_id\":\"e4\"}"), acks);
        }
    }

    @Nested
    class AnEnvelopeThatCannotBeRead {

        @Test
        void isAcknowledgedAndDroppedWithoutAnError() {
            handle("events_api", JSON.getNodeFactory().textNode("payload-text-xyz"), "e5", 0);
            handle("interactive", JSON.createObjectNode().put("type", "block_actions").put("actions", 7), "e6", 0);
            handle("events_api", JSON.createObjectNode().put("type", "event_callback").put("event", 42), "e7", 0);
            assertEquals(List.of("{\"envelope_id\":\"e5\"}", "{\"envelope_id\":\"e6\"}", "{\"envelope_id\":\"e7\"}"), acks);
            assertEquals(List.of(), logs.at(Level.ERROR));
            assertTrue(logs.events().stream().allMatch(e -> !e.getFormattedMessage().contains("payload-text-xyz")), "never the payload");
        }

        @Test
        void withoutAnEnvelopeIdOrAsJsonThatDoesNotParseIsDroppedWithoutAnAck() {
            envelopes.handle("{\"type\":\"events_api\",\"payload\":{}}", acks::add);
            envelopes.handle("{\"type\": \"events_", acks::add);
            assertEquals(List.of(), acks);
            assertEquals(List.of(), logs.at(Level.ERROR));
        }

        @Test
        void noFieldTakenAwayOrGivenAnotherTypeMakesAListenerFail() {
            List<JsonNode> valid = List.of(payload(SlackPayloads.slashCommand("hi", "C1", "U1", "http://127.0.0.1:1/r")),
                    payload(SlackPayloads.blockAction("share_answer", "x", "C1", "U1", "http://127.0.0.1:1/r", false, "1.2", null)));
            int n = 0;
            for (JsonNode payload : valid) {
                for (JsonNode variant : variants(payload)) {
                    handle(payload.has("command") ? "slash_commands" : "interactive", variant, "f" + n++, 0);
                }
            }
            assertTrue(n > 50, "variants tried: " + n);
            assertEquals(List.of(), logs.at(Level.ERROR).stream().map(ILoggingEvent::getFormattedMessage).toList());
        }
    }

    /** Every field of the payload taken away, or made a number, an array or null, one at a time, at every depth. */
    private static List<JsonNode> variants(JsonNode root) {
        List<JsonNode> out = new ArrayList<>();
        collect(root, root, out);
        return out;
    }

    private static void collect(JsonNode root, JsonNode node, List<JsonNode> out) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode original = object.get(name);
                object.remove(name);
                out.add(root.deepCopy());
                for (JsonNode wrong : List.of(JSON.getNodeFactory().numberNode(7), JSON.createArrayNode(), JSON.getNodeFactory().nullNode())) {
                    object.set(name, wrong);
                    out.add(root.deepCopy());
                }
                object.set(name, original);
                collect(root, original, out);
            }
        } else if (node instanceof ArrayNode array) {
            for (JsonNode element : array) {
                collect(root, element, out);
            }
        }
    }

    private static String mention(String eventId) {
        return SlackPayloads.appMention(eventId, "C1", "U1", "<@UBOT> hello", "1700008000.000100", null);
    }
}
