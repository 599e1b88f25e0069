package io.attest.app;

import io.attest.slack.SlackEventsHandler;
import io.javalin.Javalin;
import io.javalin.http.Handler;
import java.util.function.Consumer;

/**
 * The HTTP server: {@code POST /slack/events} for everything Slack sends, {@code GET /healthz} once the
 * knowledge base is loaded. Dependencies come in through the constructor, so tests build it with fakes.
 */
final class AttestServer {

    private final Javalin javalin;

    /**
     * @param host  the interface to bind ("127.0.0.1" in local mode, null for all)
     * @param extra further routes (the local console), or a no-op
     */
    AttestServer(SlackEventsHandler slackEvents, String healthJson, String host, Consumer<io.javalin.config.JavalinConfig> extra) {
        Handler health = ctx -> ctx.contentType("application/json").result(healthJson);
        this.javalin = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.maxRequestSize = SlackEventsHandler.MAX_BODY_BYTES;
            if (host != null) {
                config.jetty.host = host;
            }
            config.routes.post("/slack/events", slackEvents);
            config.routes.get("/healthz", health);
            config.routes.exception(Exception.class, (e, ctx) ->
                    ctx.status(500).contentType("application/json").result("{\"error\":\"something went wrong on our side\"}"));
            extra.accept(config);
        });
    }

    AttestServer start(int port) {
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
