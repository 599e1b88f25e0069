package io.attest.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.gson.JsonParseException;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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
    private final Telemetry telemetry;
    private final CompletableFuture<Void> firstAnswered = new CompletableFuture<>();

    public SlackEventsHandler(App app, SlackSignatureVerifier verifier, Telemetry telemetry) {
        this.app = app;
        this.parser = new SlackRequestParser(app.config());
        this.verifier = verifier;
        this.telemetry = telemetry;
    }

    @Override
    public void handle(Context ctx) {
        long started = System.nanoTime();
        Request<?> request = null;
        Surface surface = Surface.UNKNOWN;
        RequestOutcome outcome = null;
        try {
            byte[] body = readBody(ctx);
            if (body == null) {
                reply(ctx, 413, "{\"error\":\"request body too large\"}");
                outcome = RequestOutcome.TOO_LARGE;
                return;
            }
            SlackSignatureVerifier.Verdict verdict = verifier.verify(
                    ctx.header(SlackSignatureVerifier.TIMESTAMP_HEADER), ctx.header(SlackSignatureVerifier.SIGNATURE_HEADER), body);
            if (verdict != SlackSignatureVerifier.Verdict.VALID) {
                LOG.info("Rejected a request to /slack/events: {}", verdict);
                reply(ctx, 401, "{\"error\":\"invalid request signature\"}");
                outcome = RequestOutcome.UNSIGNED;
                return;
            }
            String text = new String(body, StandardCharsets.UTF_8);
            JsonNode json = PayloadShape.requireHttpBody(text);
            request = parse(ctx, text, json);
            surface = Surface.of(request, json);
            LogContext.set(json != null && json.path("event_id").isTextual() ? json.path("event_id").asText()
                    : AfterAck.newCorrelationId(), surface);
            if (ctx.header("X-Slack-Retry-Num") != null) {
                telemetry.redelivered(surface);
            }
            write(ctx, request, app.run(request));
            outcome = RequestOutcome.ACKED;
            if (!firstAnswered.isDone()) {
                firstAnswered.complete(null);
            }
        } catch (PayloadShape.Unreadable | JsonParseException e) {
            // JsonParseException is Gson's, and so only ever Bolt failing to read a payload as the type Slack documents.
            LOG.info("Rejected a signed payload that cannot be read: {}", e instanceof PayloadShape.Unreadable u ? u.why
                    : PayloadShape.Why.BOLT_COULD_NOT_READ_IT + " (" + e.getClass().getSimpleName() + ")");
            reply(ctx, 400, "{\"error\":\"malformed Slack payload\"}");
            outcome = RequestOutcome.MALFORMED;
        } catch (IOException e) {
            // The body never arrived whole: the client went away, or sent it too slowly. Nothing is wrong on our side.
            if (tooSlow(e)) {
                LOG.info("A request to /slack/events sent its body too slowly; answered 408");
                reply(ctx, 408, "{\"error\":\"request body too slow\"}");
                outcome = RequestOutcome.TOO_SLOW;
            } else {
                LOG.debug("A client went away before sending its whole body: {}", e.toString());
            }
        } catch (Exception e) {
            LOG.error("A listener failed on a {} request", request == null ? "Slack" : request.getRequestType(), e);
            reply(ctx, 500, "{\"error\":\"something went wrong on our side\"}");
            outcome = RequestOutcome.FAILED;
        } finally {
            if (outcome != null) {
                telemetry.request(surface, outcome, System.nanoTime() - started);
            }
            LogContext.clear();
        }
    }

    /** Completes once the first signed request has been answered. */
    public CompletableFuture<Void> firstAnswered() {
        return firstAnswered;
    }

    /** The body, or null when it is larger than {@link #MAX_BODY_BYTES}. Never reads more than one byte past it. */
    private static byte[] readBody(Context ctx) throws IOException {
        long declared = ctx.req().getContentLengthLong();
        if (declared > MAX_BODY_BYTES) {
            return null;
        }
        try (InputStream in = ctx.req().getInputStream()) {
            if (declared >= 0) {
                // Slack declares its length: read into an array of that size, not through growing buffers.
                byte[] body = in.readNBytes((int) declared);
                return in.read() < 0 ? body : null;
            }
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            return body.length > MAX_BODY_BYTES ? null : body;
        }
    }

    /**
     * A Bolt request for a body in one of Slack's three shapes: a JSON object (events), a form whose {@code payload}
     * is a JSON object (interactivity), or a form (slash commands). Anything else cannot be a Slack payload. A slash
     * command's form is read once here ({@link SlashCommandForm}); the rest go through Bolt's own parser.
     */
    private Request<?> parse(Context ctx, String body, JsonNode json) {
        Map<String, List<String>> names = new HashMap<>();
        for (String name : Collections.list(ctx.req().getHeaderNames())) {
            names.put(name, Collections.list(ctx.req().getHeaders(name)));
        }
        RequestHeaders headers = new RequestHeaders(names);
        SlashCommandPayload command = json == null ? SlashCommandForm.read(body) : null;
        if (command != null) {
            // What Bolt's parser does with a slash command once it has read it.
            SlashCommandRequest request = new SlashCommandRequest(body, command, headers);
            request.updateContext(app.config());
            String forwardedFor = headers.getFirstValue("X-FORWARDED-FOR");
            request.setClientIpAddress(forwardedFor != null ? forwardedFor : ctx.ip());
            return request;
        }
        SlackRequestParser.HttpRequest raw = SlackRequestParser.HttpRequest.builder()
                .requestUri(ctx.path())
                .queryString(Map.of())
                .headers(headers)
                .requestBody(body)
                .remoteAddress(ctx.ip())
                .build();
        Request<?> request;
        try {
            request = parser.parse(raw);
        } catch (RuntimeException e) {
            throw new PayloadShape.Unreadable(PayloadShape.Why.BOLT_COULD_NOT_READ_IT);
        }
        if (request == null) {
            throw new PayloadShape.Unreadable(PayloadShape.Why.NOT_A_KIND_OF_REQUEST_SLACK_SENDS);
        }
        return request;
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
        String body = response.getBody() == null ? "" : response.getBody();
        if (body.isEmpty()) {
            ctx.result("");
            return;
        }
        // Straight to the response: a result set on the context is encoded, wrapped in a stream and copied through a
        // fresh buffer, a third of what each ack allocated.
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ctx.res().setContentLength(bytes.length);
        try {
            ctx.res().getOutputStream().write(bytes);
        } catch (IOException e) {
            LOG.debug("The client went away before its answer was written: {}", e.toString());
        }
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
}
