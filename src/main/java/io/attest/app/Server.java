package io.attest.app;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.AppConfig;
import io.attest.local.LocalConsole;
import io.attest.slack.SlackEventsHandler;
import io.attest.slack.SlackSignatureVerifier;
import io.attest.slack.SlackSurfaces;
import io.attest.slack.SlackWebApi;
import io.attest.slack.TriageThreads;
import io.attest.slack.Work;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires a running Attest: content, Bolt app, listeners, HTTP server. Everything is built once, here. */
final class Server {

    private static final Logger LOG = LoggerFactory.getLogger(Server.class);
    static final String LOCAL_TOKEN = "xoxb-local-mode";

    private final AttestServer http;
    private final SlackSurfaces surfaces;
    private final Work work;
    private final AutoCloseable watcher;

    private Server(AttestServer http, SlackSurfaces surfaces, Work work, AutoCloseable watcher) {
        this.http = http;
        this.surfaces = surfaces;
        this.work = work;
        this.watcher = watcher;
    }

    /** Starts Attest and returns once it is listening. */
    static Server start(Config config, boolean forceLocal) throws Exception {
        long started = System.nanoTime();
        boolean local = forceLocal || config.localMode();
        return local ? startLocal(config, started) : startForSlack(config, started);
    }

    private static Server startForSlack(Config config, long started) throws Exception {
        Content content = Content.load(ContentLocation.intentsFolder(config));
        SlackConfig slackConfig = new SlackConfig();
        config.apiUrl().ifPresent(slackConfig::setMethodsEndpointUrlPrefix);
        Wiring w = wire(config.signingSecret(), config.botToken(), Slack.getInstance(slackConfig), () -> content, true);
        try {
            w.surfaces().app().start();
        } catch (IllegalArgumentException e) {
            w.work().close();
            throw new StartupException("Slack rejected SLACK_BOT_TOKEN: " + e.getMessage()
                    + ". Check the bot token of your Slack app and try again.");
        }
        AttestServer http = new AttestServer(w.events(), health(content), null, cfg -> { }).start(config.port());
        LOG.info("Attest is listening on port {} for Slack at /slack/events — started in {} ms", http.port(), since(started));
        return new Server(http, w.surfaces(), w.work(), () -> { }).withShutdownHook();
    }

    /**
     * Local mode: no Slack. The console page sends signed Slack-shaped requests to this same server, and the bot's
     * Web API calls go to the local Slack-compatible endpoint, so every answer takes the path it takes in Slack.
     */
    private static Server startLocal(Config config, long started) throws Exception {
        Path dir = ContentLocation.checkoutOrConfigured(config);
        ContentWatcher watcher = new ContentWatcher(dir, Content.load(dir));
        int port = config.port() == 0 ? freePort() : config.port();
        String base = "http://127.0.0.1:" + port;
        String secret = randomSecret();
        LocalConsole console = new LocalConsole(base, secret, watcher::problems);
        SlackConfig slackConfig = new SlackConfig();
        slackConfig.setMethodsEndpointUrlPrefix(console.apiUrl());
        Wiring w = wire(secret, LOCAL_TOKEN, Slack.getInstance(slackConfig), watcher::current, false);
        AttestServer http = new AttestServer(w.events(), health(watcher.current()), "127.0.0.1", console::routes).start(port);
        watcher.start();
        LOG.info("Attest is running in local mode (no Slack credentials): open {}/ — started in {} ms", base, since(started));
        return new Server(http, w.surfaces(), w.work(), watcher).withShutdownHook();
    }

    private record Wiring(SlackSurfaces surfaces, Work work, SlackEventsHandler events) {
    }

    private static Wiring wire(String secret, String token, Slack slack, Supplier<Content> content, boolean withWorkspace) {
        AppConfig appConfig = AppConfig.builder()
                .signingSecret(secret)
                // In local mode there is no workspace to authorise against.
                .singleTeamBotToken(withWorkspace ? token : null)
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
                () -> content.get().kb(), api, work, clock, new TriageThreads(() -> content.get().triage(), api, work, clock)));
        return new Wiring(surfaces, work, new SlackEventsHandler(surfaces.app(), new SlackSignatureVerifier(secret, clock)));
    }

    private static String health(Content content) {
        return "{\"status\":\"ok\",\"intents\":" + content.kb().intents().size() + "}";
    }

    int port() {
        return http.port();
    }

    void stop() {
        http.stop();
        surfaces.app().stop();
        try {
            watcher.close();
            work.drain(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("Stopping: {}", e.toString());
        }
    }

    private Server withShutdownHook() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "attest-shutdown"));
        return this;
    }

    private static long since(long started) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String randomSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
