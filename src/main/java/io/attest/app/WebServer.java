package io.attest.app;

import io.attest.slack.SlackEventsHandler;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Handler;
import java.util.function.Consumer;

/**
 * The HTTP server: {@code POST /slack/events} for everything Slack sends, {@code GET /healthz} for the platform.
 * Dependencies come in through the constructor, so tests build it with fakes.
 */
final class WebServer {

    private final Javalin javalin;

    /**
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
            if (host != null) {
                config.jetty.host = host;
            }
            config.routes.post("/slack/events", slackEvents);
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
