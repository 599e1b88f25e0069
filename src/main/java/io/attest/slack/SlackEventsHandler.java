package io.attest.slack;

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
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Our adapter between Javalin and Bolt at {@code POST /slack/events}, and the one try/catch at the HTTP edge.
 * Its two jobs, as in Bolt's servlet adapter: build a Bolt request, write the response. Before that it refuses
 * oversized bodies (413) and checks the signature against exactly the bytes received (401), so nothing unsigned
 * is ever parsed; a signed body Bolt cannot read is a 400. Bodies and headers are never logged.
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
            Request<?> request = parse(ctx, new String(body, StandardCharsets.UTF_8));
            if (request == null) {
                reply(ctx, 400, "{\"error\":\"unrecognised Slack payload\"}");
                return;
            }
            write(ctx, request, app.run(request));
        } catch (MalformedPayload | JsonParseException | IllegalStateException | ClassCastException e) {
            LOG.info("Rejected a malformed signed payload: {}", e.getClass().getSimpleName());
            reply(ctx, 400, "{\"error\":\"malformed Slack payload\"}");
        } catch (Exception e) {
            LOG.error("Failed to handle a Slack request: {}", e.toString());
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

    private Request<?> parse(Context ctx, String body) {
        Map<String, List<String>> headers = new HashMap<>();
        for (String name : java.util.Collections.list(ctx.req().getHeaderNames())) {
            headers.put(name, java.util.Collections.list(ctx.req().getHeaders(name)));
        }
        SlackRequestParser.HttpRequest raw = SlackRequestParser.HttpRequest.builder()
                .requestUri(ctx.path())
                .queryString(Map.of())
                .headers(new RequestHeaders(headers))
                .requestBody(body)
                .remoteAddress(ctx.ip())
                .build();
        try {
            return parser.parse(raw);
        } catch (RuntimeException e) {
            throw new MalformedPayload(e);
        }
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

    private static void reply(Context ctx, int status, String json) {
        ctx.status(status).contentType("application/json; charset=utf-8").result(json);
    }

    /** Signed, but not a payload Bolt can read. */
    private static final class MalformedPayload extends RuntimeException {
        MalformedPayload(Throwable cause) {
            super(cause.getClass().getSimpleName(), cause, false, false);
        }
    }
}
