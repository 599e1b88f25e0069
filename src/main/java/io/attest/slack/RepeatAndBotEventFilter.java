package io.attest.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.response.Response;
import java.io.IOException;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The one Bolt middleware, registered once for every event: acknowledges, without running a listener, an event
 * Slack delivers again (a retry after a slow ack, or a duplicate) and any message a bot wrote, Attest's own
 * included, and any event Attest never acts on (a channel's messages outside the compliance team's threads), which is
 * not even remembered. Listeners then never repeat these checks, and cannot get their order wrong. This instance's
 * memory of event_ids is a first pass; the store's claims ({@link AfterAck#submitEvent}) hold for every instance.
 */
public final class RepeatAndBotEventFilter implements Middleware {

    private final EventDeduplicator seen;
    private final Supplier<String> botUserId;
    private final Predicate<JsonNode> ofNoInterest;

    /**
     * @param botUserId    Attest's own user id, from auth.test at start-up
     * @param ofNoInterest events (their "event" object) no listener would act on
     */
    public RepeatAndBotEventFilter(EventDeduplicator seen, String botUserId, Predicate<JsonNode> ofNoInterest) {
        this(seen, () -> botUserId, ofNoInterest);
    }

    /**
     * @param botUserId Attest's own user id, asked for only when an event names a user: start-up confirms the token
     *                  once Attest is listening, and an event arriving before that waits for it
     */
    public RepeatAndBotEventFilter(EventDeduplicator seen, Supplier<String> botUserId, Predicate<JsonNode> ofNoInterest) {
        this.seen = seen;
        this.botUserId = botUserId;
        this.ofNoInterest = ofNoInterest;
    }

    @Override
    public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
        if (req.getRequestType() != RequestType.Event) {
            return chain.next(req);
        }
        JsonNode envelope = read(req.getRequestBodyAsString());
        JsonNode event = envelope.path("event");
        if (fromABot(event) || ofNoInterest.test(event) || !seen.firstTime(text(envelope.path("event_id")))) {
            return Response.ok();
        }
        return chain.next(req);
    }

    private boolean fromABot(JsonNode event) {
        String user = text(event.path("user"));
        return event.hasNonNull("bot_id") || "bot_message".equals(text(event.path("subtype")))
                || user != null && user.equals(botUserId.get());
    }

    private static JsonNode read(String body) throws IOException {
        JsonNode node = BlockKit.JSON.readTree(body);
        return node == null ? BlockKit.JSON.createObjectNode() : node;
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
    }
}
