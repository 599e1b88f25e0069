package io.attest.app;

import io.attest.slack.SlackEventsHandler;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Handler;
import java.time.Duration;
import java.util.function.Consumer;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.server.handler.EagerContentHandler;

/**
 * The HTTP server: {@code POST /slack/events} for everything Slack sends (not in Socket Mode), {@code GET /healthz} for
 * the platform, and {@code GET /metrics} when a token protects it.
 * Dependencies come in through the constructor, so tests build it with fakes.
 *
 * <p>Slow clients cannot tie it up. A request body is read in full before any thread is given to the request, so a
 * client trickling its upload holds a connection, never a thread; a body that arrives slower than
 * {@link #MIN_READ_RATE} bytes a second, or takes longer than {@link #BODY_TIME_LIMIT}, or a connection silent for
 * {@link #IDLE_TIMEOUT}, is cut off with a 408; a body declared larger than {@link SlackEventsHandler#MAX_BODY_BYTES}
 * is refused with a 413 before it is read.
 */
final class WebServer {

    /** Slack sends a whole request at once; anything slower than this is not Slack. */
    static final long MIN_READ_RATE = 1024;
    /** Slack waits three seconds for an answer; a connection silent for much longer has no request worth waiting for. */
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(15);
    /** Even a large body (at most 1 MiB) arrives within seconds from Slack. */
    static final Duration BODY_TIME_LIMIT = Duration.ofSeconds(30);

    private final Javalin javalin;

    /**
     * @param slackEvents the Slack edge; null in Socket Mode, where Slack is not served over HTTP
     * @param health what /healthz answers
     * @param host   the interface to bind ("127.0.0.1" in local mode, null for all)
     * @param extra  further routes (the local console), or a no-op
     */
    WebServer(SlackEventsHandler slackEvents, Health health, String host, Consumer<JavalinConfig> extra) {
        Handler healthz = ctx -> {
            Health.Report report = health.report();
            ctx.status(report.status()).contentType("application/json").result(report.json());
        };
        this.javalin = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.maxRequestSize = SlackEventsHandler.MAX_BODY_BYTES;
            // Acks are a few KB of JSON, and Slack waits on them: compressing costs more than it saves, and merely
            // deciding whether to (a case-folded search of the content type per response) was a tenth of the ack.
            config.http.compressionStrategy = CompressionStrategy.NONE;
            if (host != null) {
                config.jetty.host = host;
            }
            config.jetty.modifyHttpConfiguration(http -> http.setIdleTimeout(IDLE_TIMEOUT.toMillis()));
            config.jetty.modifyServer(server -> {
                // Innermost first: each insert goes right after the server, in front of the previous one.
                server.insertHandler(new EagerContentHandler(new EagerContentHandler.RetainedContentLoaderFactory(
                        SlackEventsHandler.MAX_BODY_BYTES + 1, -1, true)));
                server.insertHandler(new SlowBodyGuard(MIN_READ_RATE, BODY_TIME_LIMIT));
                server.insertHandler(new SizeLimitHandler(SlackEventsHandler.MAX_BODY_BYTES, -1));
            });
            if (slackEvents != null) {
                config.routes.post("/slack/events", slackEvents);
            }
            config.routes.get("/healthz", healthz);
            config.routes.exception(Exception.class, (e, ctx) ->
                    ctx.status(500).contentType("application/json").result("{\"error\":\"something went wrong on our side\"}"));
            extra.accept(config);
        });
    }

    WebServer start(int port) {
        javalin.start(port);
        return this;
    }

    int port() {
        return javalin.port();
    }

    void stop() {
        javalin.stop();
    }
}
