package io.attest.app;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.AppConfig;
import io.attest.knowledge.KnowledgeBase;
import io.attest.slack.SlackEventsHandler;
import io.attest.slack.SlackSignatureVerifier;
import io.attest.slack.SlackSurfaces;
import io.attest.slack.SlackWebApi;
import io.attest.slack.TriageThreads;
import io.attest.slack.Work;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires a running Attest: content, Bolt app, listeners, HTTP server. Everything is built once, here. */
final class Server {

    private static final Logger LOG = LoggerFactory.getLogger(Server.class);
    static final String LOCAL_TOKEN = "xoxb-local-mode";

    private final AttestServer http;
    private final SlackSurfaces surfaces;
    private final Work work;

    private Server(AttestServer http, SlackSurfaces surfaces, Work work) {
        this.http = http;
        this.surfaces = surfaces;
        this.work = work;
    }

    /** Starts Attest and returns once it is listening. */
    static Server start(Config config, boolean forceLocal) throws Exception {
        long started = System.nanoTime();
        boolean local = forceLocal || config.localMode();
        Content content = Content.load(ContentLocation.intentsFolder(config));
        String secret = local ? randomSecret() : config.signingSecret();
        String token = local ? LOCAL_TOKEN : config.botToken();

        SlackConfig slackConfig = new SlackConfig();
        config.apiUrl().ifPresent(slackConfig::setMethodsEndpointUrlPrefix);
        Slack slack = Slack.getInstance(slackConfig);
        AppConfig appConfig = AppConfig.builder()
                .signingSecret(secret)
                // In local mode there is no workspace to authorise against.
                .singleTeamBotToken(local ? null : token)
                .slack(slack)
                // The HTTP edge verifies signatures more strictly than Bolt (both-sided timestamp window).
                .requestVerificationEnabled(false)
                // Listeners skip bot messages themselves; Bolt's check would call bots.info on the ack path.
                .ignoringSelfEventsEnabled(false)
                // Keep the auth.test answer from start-up for good, so no request ever waits for one.
                .authTestCacheEnabled(true)
                .authTestCacheExpirationMillis(-1L)
                .build();
        Work work = new Work(4);
        SlackWebApi api = new SlackWebApi(slack, token);
        Clock clock = Clock.systemUTC();
        SlackSurfaces surfaces = new SlackSurfaces(appConfig, new SlackSurfaces.Dependencies(
                content.kb(), api, work, clock, new TriageThreads(content.triage(), api, work, clock)));
        if (!local) {
            try {
                surfaces.app().start();
            } catch (IllegalArgumentException e) {
                throw new StartupException("Slack rejected SLACK_BOT_TOKEN: " + e.getMessage()
                        + ". Check the bot token of your Slack app and try again.");
            }
        }
        SlackEventsHandler events = new SlackEventsHandler(surfaces.app(), new SlackSignatureVerifier(secret, clock));
        String health = "{\"status\":\"ok\",\"intents\":" + content.kb().intents().size() + "}";
        AttestServer http = new AttestServer(events, health, local ? "127.0.0.1" : null, cfg -> { })
                .start(config.port());
        Server server = new Server(http, surfaces, work);
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "attest-shutdown"));
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        if (local) {
            LOG.info("Attest is running in local mode (no Slack credentials) on http://127.0.0.1:{}/ — started in {} ms",
                    http.port(), ms);
        } else {
            LOG.info("Attest is listening on port {} for Slack at /slack/events — started in {} ms", http.port(), ms);
        }
        return server;
    }

    int port() {
        return http.port();
    }

    void stop() {
        http.stop();
        surfaces.app().stop();
        try {
            work.drain(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String randomSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
