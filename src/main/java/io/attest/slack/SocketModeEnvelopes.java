package io.attest.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.gson.JsonParseException;
import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.socket_mode.request.SocketModeRequest;
import com.slack.api.bolt.socket_mode.request.SocketModeRequestParser;
import java.io.IOException;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Socket Mode edge, the counterpart of {@link SlackEventsHandler}: every message Slack sends over the socket comes
 * here, and an envelope is served by the same Bolt app, after the same payload checks, as a request to
 * {@code /slack/events}. There is no signature (the connection itself is authenticated by the app token). The ack
 * carries the listener's response as its payload, so a /soc answer still goes back in the ack.
 *
 * <p>Differences from HTTP, where Socket Mode has no status code: a payload that cannot be read is acknowledged and
 * dropped (it would read no better the next time), and a listener that throws leaves its envelope unacknowledged, so
 * Slack delivers it again, as after a 500 (an event's retry is recognised and not answered twice). Envelopes are never
 * logged: they hold response_urls and the verification token.
 */
public final class SocketModeEnvelopes {

    /** What a message from Slack was, for the connection to act on. */
    public enum Kind {
        /** A new connection is ready. */
        HELLO,
        /** Slack asks for a new connection (it will close this one soon). */
        DISCONNECT,
        /** An envelope, served (and acknowledged unless a listener failed). */
        ENVELOPE,
        /** Anything else: not for Attest. */
        OTHER
    }

    private static final Logger LOG = LoggerFactory.getLogger(SocketModeEnvelopes.class);
    private static final Set<String> ENVELOPE_TYPES = Set.of("events_api", "slash_commands", "interactive");

    private final App app;
    private final SocketModeRequestParser parser;
    private final Telemetry telemetry;

    public SocketModeEnvelopes(App app, Telemetry telemetry) {
        this.app = app;
        this.parser = new SocketModeRequestParser(app.config());
        this.telemetry = telemetry;
    }

    /**
     * Serves one message from the socket.
     *
     * @param ack sends an acknowledgement (JSON) back over the socket
     */
    public Kind handle(String message, Consumer<String> ack) {
        long started = System.nanoTime();
        String envelopeId = null;
        Surface surface = Surface.UNKNOWN;
        RequestOutcome outcome = null;
        Request<?> request = null;
        try {
            JsonNode envelope = PayloadShape.requireJsonObject(message);
            String type = envelope.path("type").asText("");
            if (type.equals("hello")) {
                return Kind.HELLO;
            }
            if (type.equals("disconnect")) {
                LOG.info("Slack asked for a new Socket Mode connection ({})", envelope.path("reason").asText("no reason given"));
                return Kind.DISCONNECT;
            }
            if (!ENVELOPE_TYPES.contains(type)) {
                return Kind.OTHER;
            }
            if (!envelope.path("envelope_id").isTextual() || envelope.path("envelope_id").asText().isEmpty()) {
                throw new PayloadShape.Unreadable(PayloadShape.Why.AN_ENVELOPE_WITHOUT_AN_ID);
            }
            envelopeId = envelope.path("envelope_id").asText();
            PayloadShape.requireSocketModePayload(envelope.get("payload"));
            request = read(message);
            surface = Surface.of(request, envelope.get("payload"));
            JsonNode eventId = envelope.path("payload").path("event_id");
            LogContext.set(eventId.isTextual() ? eventId.asText() : AfterAck.newCorrelationId(), surface);
            if (envelope.path("retry_attempt").asInt(0) > 0) {
                telemetry.redelivered(surface);
            }
            Response response = app.run(request);
            String reply = ackFor(envelopeId, request, response);
            if (reply != null) {
                ack.accept(reply);
            }
            outcome = RequestOutcome.ACKED;
            return Kind.ENVELOPE;
        } catch (PayloadShape.Unreadable | JsonParseException e) {
            LOG.info("Dropped a Socket Mode envelope that cannot be read: {}", e instanceof PayloadShape.Unreadable u ? u.why
                    : PayloadShape.Why.BOLT_COULD_NOT_READ_IT + " (" + e.getClass().getSimpleName() + ")");
            if (envelopeId != null) {
                ack.accept(plainAck(envelopeId));
            }
            outcome = RequestOutcome.MALFORMED;
            return Kind.ENVELOPE;
        } catch (Exception e) {
            LOG.error("A listener failed on a {} envelope; it is not acknowledged, so Slack delivers it again",
                    request == null ? "Slack" : request.getRequestType(), e);
            outcome = RequestOutcome.FAILED;
            return Kind.ENVELOPE;
        } finally {
            if (outcome != null) {
                telemetry.request(surface, outcome, System.nanoTime() - started);
            }
            LogContext.clear();
        }
    }

    /** Bolt's own Socket Mode parser, as Bolt's SocketModeApp uses it; its failures are the payload's, not ours. */
    private Request<?> read(String message) {
        SocketModeRequest parsed;
        try {
            parsed = parser.parse(message);
        } catch (RuntimeException e) {
            throw new PayloadShape.Unreadable(PayloadShape.Why.BOLT_COULD_NOT_READ_IT);
        }
        if (parsed == null || parsed.getBoltRequest() == null) {
            throw new PayloadShape.Unreadable(PayloadShape.Why.NOT_A_KIND_OF_REQUEST_SLACK_SENDS);
        }
        return parsed.getBoltRequest();
    }

    /**
     * The ack for a listener's response, as Bolt's SocketModeApp writes it: a JSON body becomes the ack's payload, text
     * becomes {@code {"text": …}}. An event type without a listener is acknowledged (else Slack retries it); any other
     * status is not, as over HTTP it would be an error.
     */
    private static String ackFor(String envelopeId, Request<?> request, Response response) throws IOException {
        int status = response.getStatusCode() == null ? 200 : response.getStatusCode();
        if (status == 404 && request.getRequestType() == RequestType.Event) {
            return plainAck(envelopeId);
        }
        if (status != 200) {
            LOG.info("No listener answered a {} envelope (status {}); not acknowledged", request.getRequestType(), status);
            return null;
        }
        String body = response.getBody();
        if (body == null || body.isEmpty()) {
            return plainAck(envelopeId);
        }
        String type = response.getContentType();
        if (type != null && type.startsWith("application/json")) {
            // The body is JSON Attest wrote (a /soc answer is rendered once and kept as text): spliced in, not re-read.
            return "{\"envelope_id\":" + BlockKit.JSON.writeValueAsString(envelopeId) + ",\"payload\":" + body + "}";
        }
        ObjectNode ack = BlockKit.JSON.createObjectNode().put("envelope_id", envelopeId);
        ack.putObject("payload").put("text", body);
        return ack.toString();
    }

    private static String plainAck(String envelopeId) {
        return BlockKit.JSON.createObjectNode().put("envelope_id", envelopeId).toString();
    }
}
