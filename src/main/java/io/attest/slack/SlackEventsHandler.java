package io.attest.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.gson.JsonParseException;
import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Our adapter between Javalin and Bolt at {@code POST /slack/events}, and the one try/catch at the HTTP edge.
 * Before Bolt sees anything it refuses oversized bodies (413) and checks the signature against exactly the bytes
 * received (401), so nothing unsigned is ever parsed. Then, as in Bolt's servlet adapter: a signed body that cannot be
 * read as a Slack payload is a 400; a listener that throws is a 500, with its whole stack trace in the log (Slack
 * retries, and the retry is recognised as one). Bodies and headers are never logged.
 */
public final class SlackEventsHandler implements Handler {

    public static final int MAX_BODY_BYTES = 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(SlackEventsHandler.class);

    private final App app;
    private final SlackRequestParser parser;
    private final SlackSignatureVerifier verifier;

    public SlackEventsHandler(App app, SlackSignatureVerifier verifier) {
        this.app = app;
        this.parser = new SlackRequestParser(app.config());
        this.verifier = verifier;
    }

    @Override
    public void handle(Context ctx) {
        Request<?> request = null;
        try {
            byte[] body = readBody(ctx);
            if (body == null) {
                reply(ctx, 413, "{\"error\":\"request body too large\"}");
                return;
            }
            SlackSignatureVerifier.Verdict verdict = verifier.verify(
                    ctx.header(SlackSignatureVerifier.TIMESTAMP_HEADER), ctx.header(SlackSignatureVerifier.SIGNATURE_HEADER), body);
            if (verdict != SlackSignatureVerifier.Verdict.VALID) {
                LOG.info("Rejected a request to /slack/events: {}", verdict);
                reply(ctx, 401, "{\"error\":\"invalid request signature\"}");
                return;
            }
            request = parse(ctx, new String(body, StandardCharsets.UTF_8));
            write(ctx, request, app.run(request));
        } catch (UnreadablePayload | JsonParseException e) {
            // JsonParseException is Gson's, and so only ever Bolt failing to read a payload as the type Slack documents.
            LOG.info("Rejected a signed payload that cannot be read: {}",
                    e instanceof UnreadablePayload u ? u.why : Why.BOLT_COULD_NOT_READ_IT + " (" + e.getClass().getSimpleName() + ")");
            reply(ctx, 400, "{\"error\":\"malformed Slack payload\"}");
        } catch (IOException e) {
            // The body never arrived whole: the client went away, or sent it too slowly. Nothing is wrong on our side.
            if (tooSlow(e)) {
                LOG.info("A request to /slack/events sent its body too slowly; answered 408");
                reply(ctx, 408, "{\"error\":\"request body too slow\"}");
            } else {
                LOG.debug("A client went away before sending its whole body: {}", e.toString());
            }
        } catch (Exception e) {
            LOG.error("A listener failed on a {} request", request == null ? "Slack" : request.getRequestType(), e);
            reply(ctx, 500, "{\"error\":\"something went wrong on our side\"}");
        }
    }

    /** The body, or null when it is larger than {@link #MAX_BODY_BYTES}. Never reads more than one byte past it. */
    private static byte[] readBody(Context ctx) throws IOException {
        long declared = ctx.req().getContentLengthLong();
        if (declared > MAX_BODY_BYTES) {
            return null;
        }
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            return body.length > MAX_BODY_BYTES ? null : body;
        }
    }

    /**
     * A Bolt request for a body in one of Slack's three shapes: a JSON object (events), a form whose {@code payload}
     * is a JSON object (interactivity), or a form (slash commands). Anything else cannot be a Slack payload.
     */
    private Request<?> parse(Context ctx, String body) {
        requireSlackShape(body);
        Map<String, List<String>> headers = new HashMap<>();
        for (String name : Collections.list(ctx.req().getHeaderNames())) {
            headers.put(name, Collections.list(ctx.req().getHeaders(name)));
        }
        SlackRequestParser.HttpRequest raw = SlackRequestParser.HttpRequest.builder()
                .requestUri(ctx.path())
                .queryString(Map.of())
                .headers(new RequestHeaders(headers))
                .requestBody(body)
                .remoteAddress(ctx.ip())
                .build();
        Request<?> request;
        try {
            request = parser.parse(raw);
        } catch (RuntimeException e) {
            throw new UnreadablePayload(Why.BOLT_COULD_NOT_READ_IT);
        }
        if (request == null) {
            throw new UnreadablePayload(Why.NOT_A_KIND_OF_REQUEST_SLACK_SENDS);
        }
        return request;
    }

    private static void requireSlackShape(String body) {
        String trimmed = body.strip();
        if (trimmed.startsWith("{")) {
            requireJsonObject(trimmed);
            return;
        }
        // Every /soc ack passes here, so the fields are checked where they lie; only an interactivity payload is decoded.
        for (int start = 0, end; start < trimmed.length(); start = end + 1) {
            end = trimmed.indexOf('&', start);
            end = end < 0 ? trimmed.length() : end;
            if (!percentEncoded(trimmed, start, end)) {
                throw new UnreadablePayload(Why.A_FORM_THAT_IS_NOT_URL_ENCODED);
            }
            int eq = trimmed.indexOf('=', start);
            if (eq >= 0 && eq < end && isPayloadName(trimmed.substring(start, eq))) {
                String value = URLDecoder.decode(trimmed.substring(eq + 1, end), StandardCharsets.UTF_8);
                requireActionsReadable(requireJsonObject(value));
            }
        }
    }

    /** Whether every {@code %} in {@code text[start, end)} begins an escape of two hex digits, as URL decoding needs. */
    static boolean percentEncoded(String text, int start, int end) {
        for (int i = text.indexOf('%', start); i >= 0 && i < end; i = text.indexOf('%', i + 3)) {
            if (i + 2 >= end || Character.digit(text.charAt(i + 1), 16) < 0 || Character.digit(text.charAt(i + 2), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isPayloadName(String name) {
        return name.equals("payload")
                || (name.indexOf('%') >= 0 || name.indexOf('+') >= 0) && URLDecoder.decode(name, StandardCharsets.UTF_8).equals("payload");
    }

    /** Bolt reads the first action's action_id itself, before any listener can check it. */
    private static void requireActionsReadable(JsonNode payload) {
        JsonNode actions = payload.path("actions");
        if (actions.isMissingNode()) {
            return;
        }
        if (!actions.isArray()) {
            throw new UnreadablePayload(Why.ACTIONS_THAT_ARE_NOT_A_LIST);
        }
        for (JsonNode action : actions) {
            if (!action.isObject() || !action.path("action_id").isTextual()) {
                throw new UnreadablePayload(Why.AN_ACTION_WITHOUT_AN_ACTION_ID);
            }
        }
    }

    private static JsonNode requireJsonObject(String json) {
        JsonNode node;
        try {
            node = BlockKit.JSON.readTree(json);
        } catch (IOException e) {
            throw new UnreadablePayload(Why.JSON_THAT_DOES_NOT_PARSE);
        }
        if (node == null || !node.isObject()) {
            throw new UnreadablePayload(Why.JSON_THAT_IS_NOT_AN_OBJECT);
        }
        return node;
    }

    private static void write(Context ctx, Request<?> request, Response response) {
        int status = response.getStatusCode() == null ? 200 : response.getStatusCode();
        if (status == 404 && request.getRequestType() == RequestType.Event) {
            // An event type or subtype Attest does not handle: acknowledge it, or Slack retries it.
            reply(ctx, 200, "");
            return;
        }
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((name, values) -> values.forEach(v -> ctx.res().addHeader(name, v)));
        }
        ctx.status(status);
        if (response.getContentType() != null) {
            ctx.contentType(response.getContentType());
        }
        ctx.result(response.getBody() == null ? "" : response.getBody());
    }

    private static boolean tooSlow(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static void reply(Context ctx, int status, String json) {
        ctx.status(status).contentType("application/json; charset=utf-8").result(json);
    }

    /** Why a signed body is not a payload Slack would send; read as words, the names are what the log says. */
    private enum Why {
        JSON_THAT_DOES_NOT_PARSE, JSON_THAT_IS_NOT_AN_OBJECT, A_FORM_THAT_IS_NOT_URL_ENCODED, ACTIONS_THAT_ARE_NOT_A_LIST,
        AN_ACTION_WITHOUT_AN_ACTION_ID, NOT_A_KIND_OF_REQUEST_SLACK_SENDS, BOLT_COULD_NOT_READ_IT;

        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        }
    }

    /** Signed, but not a payload Slack would send. Carries why, never the body. */
    private static final class UnreadablePayload extends RuntimeException {
        private final Why why;

        UnreadablePayload(Why why) {
            super(why.toString(), null, false, false);
            this.why = why;
        }
    }
}
