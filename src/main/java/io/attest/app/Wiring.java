package io.attest.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageEvent;
import io.attest.knowledge.KnowledgeBase;
import io.attest.local.LocalConsole;
import io.attest.local.LocalSlack;
import io.attest.slack.AfterAck;
import io.attest.slack.EventDeduplicator;
import io.attest.slack.RepeatAndBotEventFilter;
import io.attest.slack.SlackEventsHandler;
import io.attest.slack.SlackRoutes;
import io.attest.slack.SlackSignatureVerifier;
import io.attest.slack.SlackWebApi;
import io.attest.slack.SocketModeConnection;
import io.attest.slack.SocketModeEnvelopes;
import io.attest.slack.Telemetry;
import io.attest.slack.Texts;
import io.attest.slack.WorkQueue;
import io.attest.slack.answers.ActionIds;
import io.attest.slack.answers.AnswerButtonsListener;
import io.attest.slack.answers.DirectMessageListener;
import io.attest.slack.answers.MentionListener;
import io.attest.slack.answers.MessageRenderer;
import io.attest.slack.answers.Replies;
import io.attest.slack.answers.ShortcutListener;
import io.attest.slack.answers.SocCommandListener;
import io.attest.slack.answers.TriageStarter;
import io.attest.slack.feedback.Experts;
import io.attest.slack.feedback.FeedbackActions;
import io.attest.slack.feedback.FeedbackListener;
import io.attest.slack.feedback.FeedbackMessages;
import io.attest.slack.feedback.GapsListener;
import io.attest.slack.feedback.Owners;
import io.attest.slack.feedback.Recorder;
import io.attest.slack.home.HomeTab;
import io.attest.slack.triage.TriageActions;
import io.attest.slack.triage.TriageThreads;
import io.attest.store.Claims;
import io.attest.store.Drafts;
import io.attest.store.Escalations;
import io.attest.store.GapQueue;
import io.attest.store.Questions;
import io.attest.store.Retention;
import io.attest.store.Similarity;
import io.attest.store.Store;
import io.attest.store.StoreException;
import io.attest.store.Votes;
import io.attest.triage.TriageEngine;
import io.javalin.config.JavalinConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one composition root: every part of a running Attest is built here, once, and handed to what needs it
 * through constructors. Slack mode and local mode differ only in where content, credentials and the Web API
 * come from.
 */
final class Wiring {

    private static final Logger LOG = LoggerFactory.getLogger(Wiring.class);
    static final String LOCAL_TOKEN = "xoxb-local-mode";
    /** Events remembered for retries, in this instance and in the store: Slack retries three times within minutes. */
    private static final Duration EVENT_MEMORY = Duration.ofMinutes(30);
    private static final int EVENT_CAPACITY = 10_000;
    /** Notices that work was refused are one quick call each, on a queue of their own so they still get through. */
    private static final int NOTICE_CAPACITY = 100;
    private static final Duration NOTICE_DEADLINE = Duration.ofSeconds(15);
    /**
     * Records (questions, votes, gap counts) are written after the ack on a queue of their own, so answering never
     * waits for the database; when it is full, a record is dropped, logged and counted.
     */
    private static final int RECORD_THREADS = 2;
    private static final int RECORD_CAPACITY = 2_000;
    /** How long start-up, on one core, lets a first question go before what it still has to do (see firstAnswerFirst). */
    private static final Duration FIRST_ANSWER_WAIT = Duration.ofMillis(500);
    /** How long start-up waits for Slack's hello on the first Socket Mode connection before carrying on without it. */
    private static final Duration FIRST_HELLO = Duration.ofSeconds(15);

    private Wiring() {
    }

    /** Starts Attest and returns once it is listening. */
    static Service start(Config config, boolean forceLocal) throws Exception {
        long started = System.nanoTime();
        return forceLocal || config.localMode() ? startLocal(config, started) : startForSlack(config, started);
    }

    private static Service startForSlack(Config config, long started) throws Exception {
        if (config.socketMode()) {
            return startSocketMode(config, started);
        }
        Store store = store(config);
        Content content = loadOrClose(ContentLocation.intentsFolder(config), store);
        Parts parts = parts(config, () -> content, config.apiUrl().orElse(SlackWebApi.SLACK_API_URL), config.botToken(), store);
        WebServer web;
        MetricsEndpoint metrics = null;
        long answering;
        try {
            CompletableFuture<String> botUserId = new CompletableFuture<>();
            SlackRoutes routes = slackApp(parts, botUserId::join);
            SlackEventsHandler events = new SlackEventsHandler(routes.app(), new SlackSignatureVerifier(config.signingSecret(), parts.clock()),
                    parts.telemetry());
            metrics = metrics(config, parts, null);
            web = new WebServer(events, parts.health(), null, metricsRoutes(metrics)).start(config.port());
            answering = since(started);
            firstAnswerFirst(events);
            confirmToken(config, parts, botUserId, web);
            awaitStore(store, web);
            parts.maintenance().start();
        } catch (Exception | Error e) {
            closeQuietly(metrics);
            close(parts);
            throw e;
        }
        LOG.info("Attest is listening on port {} for Slack at /slack/events — answering {} ms after start, the database "
                + "ready at {} ms", web.port(), answering, since(started));
        LOG.info("Matching questions by {}", content.kb().matching());
        LOG.info("Answering about our own reports from {}", Content.profileSummary(content.kb()));
        return new Service(web, parts, config.shutdownGrace(), null, null, closeable(metrics));
    }

    /**
     * Socket Mode: Attest opens a WebSocket to Slack (no public URL needed) and serves the envelopes with the same Bolt
     * app; the port still serves /healthz (and /metrics) for the platform.
     */
    private static Service startSocketMode(Config config, long started) throws Exception {
        Store store = store(config);
        Content content = loadOrClose(ContentLocation.intentsFolder(config), store);
        Parts parts = parts(config, () -> content, config.apiUrl().orElse(SlackWebApi.SLACK_API_URL), config.botToken(), store);
        WebServer web;
        SocketModeConnection socket = null;
        MetricsEndpoint metrics = null;
        try {
            String botUserId = StartupCheck.confirmToken(parts.api(), config.startupTimeout(), parts.clock());
            String firstUrl = StartupCheck.openSocketMode(parts.api(), config.appToken(), config.startupTimeout(), parts.clock());
            if (config.signingSecret() != null) {
                LOG.info("SLACK_APP_TOKEN is set: Socket Mode; SLACK_SIGNING_SECRET is not needed and /slack/events is not served");
            }
            SlackRoutes routes = slackApp(parts, botUserId);
            socket = new SocketModeConnection(parts.api(), config.appToken(), firstUrl,
                    new SocketModeEnvelopes(routes.app(), parts.telemetry()), parts.telemetry(), parts.health()::appTokenRefused);
            parts.health().socketMode(socket::connected);
            metrics = metrics(config, parts, null);
            web = new WebServer(null, parts.health(), null, metricsRoutes(metrics)).start(config.port());
            awaitStore(store, web);
            parts.maintenance().start();
        } catch (Exception | Error e) {
            closeQuietly(socket);
            closeQuietly(metrics);
            close(parts);
            throw e;
        }
        if (!socket.awaitConnected(FIRST_HELLO)) {
            LOG.warn("Slack has not said hello on the Socket Mode connection within {} s; Attest keeps trying", FIRST_HELLO.toSeconds());
        }
        LOG.info("Attest is connected to Slack over Socket Mode; /healthz is on port {} — started in {} ms", web.port(), since(started));
        LOG.info("Matching questions by {}", content.kb().matching());
        LOG.info("Answering about our own reports from {}", Content.profileSummary(content.kb()));
        return new Service(web, parts, config.shutdownGrace(), null, null, socket, closeable(metrics));
    }

    /**
     * Local mode: no Slack. The console page sends signed Slack-shaped requests to this same server, and the bot's
     * Web API calls go to a local Slack workspace, so every answer takes the path it takes in Slack.
     */
    private static Service startLocal(Config given, long started) throws Exception {
        // The person at the console is a content owner, and #compliance stands in for the compliance team's channel.
        Config config = given.withOwner(LocalSlack.PERSON).withExpertsIfNone(LocalSlack.EXPERTS_CHANNEL);
        Path dir = ContentLocation.checkoutOrConfigured(config);
        Store store = store(config);
        ContentWatcher watcher = new ContentWatcher(dir, loadOrClose(dir, store));
        int port = config.port() == 0 ? freePort() : config.port();
        String base = "http://127.0.0.1:" + port;
        String secret = randomSecret();
        LocalSlack localSlack = LocalSlack.start();
        LocalConsole console = new LocalConsole(base, localSlack, secret, watcher::problems);
        Parts parts = parts(config, watcher::current, localSlack.apiUrl(), LOCAL_TOKEN, store);
        WebServer web;
        MetricsEndpoint metrics = null;
        try {
            SlackRoutes routes = slackApp(parts, StartupCheck.confirmToken(parts.api(), config.startupTimeout(), parts.clock()));
            SlackEventsHandler events = new SlackEventsHandler(routes.app(), new SlackSignatureVerifier(secret, parts.clock()),
                    parts.telemetry());
            metrics = metrics(config, parts, "127.0.0.1");
            Consumer<JavalinConfig> routesToo = metricsRoutes(metrics);
            web = new WebServer(events, parts.health(), "127.0.0.1", cfg -> {
                console.routes(cfg);
                routesToo.accept(cfg);
            }).start(port);
            awaitStore(store, web);
            parts.maintenance().start();
        } catch (Exception | Error e) {
            closeQuietly(metrics);
            close(parts);
            localSlack.close();
            throw e;
        }
        watcher.start();
        LOG.info("Attest is running in local mode (no Slack credentials): open {}/ — started in {} ms", base, since(started));
        LOG.info("Matching questions by {}", watcher.current().kb().matching());
        LOG.info("Answering about our own reports from {}", Content.profileSummary(watcher.current().kb()));
        return new Service(web, parts, config.shutdownGrace(), watcher, localSlack, closeable(metrics));
    }

    /** /metrics as configured: on a listener of its own, or behind a token on the main port, or not at all (null). */
    private static MetricsEndpoint metrics(Config config, Parts parts, String host) throws IOException {
        if (!(parts.telemetry() instanceof MicrometerTelemetry micrometer)) {
            return null;
        }
        MetricsEndpoint endpoint = new MetricsEndpoint(micrometer, config.metricsToken());
        if (config.metricsPort() != null) {
            int port = endpoint.listen(host, config.metricsPort());
            LOG.info("Metrics: GET /metrics on port {}{}", port, config.metricsToken() != null ? ", with METRICS_TOKEN" : "");
        } else {
            LOG.info("Metrics: GET /metrics on the main port, with METRICS_TOKEN");
        }
        return endpoint;
    }

    private static Consumer<JavalinConfig> metricsRoutes(MetricsEndpoint metrics) {
        return metrics != null && metrics.onMainPort() ? metrics::routes : cfg -> { };
    }

    private static AutoCloseable closeable(MetricsEndpoint metrics) {
        return metrics != null ? metrics : () -> { };
    }

    /** When start-up stops halfway: whatever was opened is let go of, and the start-up's own failure is reported. */
    private static void closeQuietly(AutoCloseable opened) {
        if (opened == null) {
            return;
        }
        try {
            opened.close();
        } catch (Exception e) {
            LOG.debug("Closing {} after a failed start-up: {}", opened.getClass().getSimpleName(), e.toString());
        }
    }

    /** What the Slack listeners share, and what the running service needs to stop them; built once at start-up. */
    record Parts(Supplier<Content> content, SlackWebApi api, WorkQueue work, WorkQueue notices, WorkQueue records,
                 Health health, Clock clock, Store store, Claims claims, GapQueue gaps, Owners owners, String experts,
                 Maintenance maintenance, Telemetry telemetry) {
    }

    /**
     * The store, not yet open (see {@link Store#deferred}). With a core to spare it opens beside the knowledge base;
     * on one core it opens once Attest is listening, so an instance woken by a question answers it first. A database
     * still starting (a platform may start both together) gets as long as Slack does.
     */
    private static Store store(Config config) {
        Store store = Store.deferred(config.store(), config.startupTimeout(), Clock.systemUTC());
        if (!oneCore()) {
            store.openInBackground();
        }
        return store;
    }

    /**
     * On one core (as a small container or the benchmark gives), work started beside the first answer only slows it;
     * with more, it runs alongside for free. The one rule both start-up deferrals follow.
     */
    private static boolean oneCore() {
        return Runtime.getRuntime().availableProcessors() <= 1;
    }

    private static Content loadOrClose(Path dir, Store store) throws Exception {
        try {
            return Content.load(dir);
        } catch (Exception | Error e) {
            store.close();
            throw e;
        }
    }

    /**
     * On one core, what start-up still has to do (confirm the token, open the database) would share it with the
     * question that woke the instance and slow its answer; so it waits until the first answer is out, or
     * {@link #FIRST_ANSWER_WAIT} at most when no question comes.
     */
    private static void firstAnswerFirst(SlackEventsHandler events) throws InterruptedException {
        if (!oneCore()) {
            return;
        }
        try {
            events.firstAnswered().get(FIRST_ANSWER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // No question yet: carry on.
        }
    }

    /**
     * Slack confirms the bot token once Attest is listening: the round trip to Slack, and setting up TLS for it, no
     * longer come before the first answer (a /soc needs neither). Start-up still fails with the check's one line when
     * Slack refuses the token; an event that needs the bot's own id before then waits for it.
     */
    private static void confirmToken(Config config, Parts parts, CompletableFuture<String> botUserId, WebServer web)
            throws StartupException, InterruptedException {
        try {
            botUserId.complete(StartupCheck.confirmToken(parts.api(), config.startupTimeout(), parts.clock()));
        } catch (StartupException | InterruptedException | RuntimeException e) {
            botUserId.completeExceptionally(e);
            web.stop();
            throw e;
        }
    }

    /**
     * Start-up still fails, with the store's one line, when the database cannot be reached or migrated; questions asked
     * meanwhile were answered, and their records are logged as lost.
     */
    private static void awaitStore(Store store, WebServer web) throws StoreException {
        store.openInBackground();
        try {
            store.awaitOpen();
        } catch (StoreException e) {
            web.stop();
            throw e;
        }
    }

    /** Parts over a store opened now: a database that cannot be reached or migrated stops this at once. */
    static Parts parts(Config config, Supplier<Content> content, String apiUrl, String token) throws StoreException {
        Store store = Store.open(config.store(), config.startupTimeout(), Clock.systemUTC());
        return parts(config, content, apiUrl, token, store);
    }

    static Parts parts(Config config, Supplier<Content> content, String apiUrl, String token, Store store) {
        Clock clock = Clock.systemUTC();
        // Nothing is counted unless /metrics is served: it is off by default.
        Telemetry telemetry = config.metricsEnabled() ? new MicrometerTelemetry() : Telemetry.NONE;
        WorkQueue work = new WorkQueue("work", config.workThreads(), config.workQueue(), config.slackDeadline(), clock, telemetry);
        Health health = new Health(() -> content.get().kb().intents().size(), work, store::status);
        Claims claims = new Claims(store);
        // Gaps are grouped by the matcher's own measure of how alike two questions are.
        GapQueue gaps = new GapQueue(store, new Similarity() {
            @Override
            public double of(String a, String b) {
                return content.get().kb().similarity(a, b);
            }

            @Override
            public double sameAt() {
                return content.get().kb().sameQuestionAt();
            }
        });
        Maintenance maintenance = new Maintenance(gaps, new Questions(store),
                new Retention(store, claims, config.retentionDays()), clock);
        return new Parts(content, new SlackWebApi(apiUrl, token, config.slackTimeout(), health::tokenRefused, telemetry), work,
                new WorkQueue("notices", 1, NOTICE_CAPACITY, NOTICE_DEADLINE, clock, telemetry),
                new WorkQueue("records", RECORD_THREADS, RECORD_CAPACITY, config.slackDeadline(), clock, telemetry), health, clock,
                store, claims, gaps, new Owners(config.owners()), config.experts().orElse(null), maintenance, telemetry);
    }

    /** Lets go of what {@link #parts} opened, when start-up stops halfway. */
    static void close(Parts parts) {
        parts.maintenance().close();
        parts.work().close();
        parts.notices().close();
        parts.records().close();
        parts.store().close();
    }

    static SlackRoutes slackApp(Parts parts, String botUserId) {
        return slackApp(parts, () -> botUserId);
    }

    /** The Bolt app with every Slack surface Attest answers on, each listener given what it needs. */
    static SlackRoutes slackApp(Parts parts, Supplier<String> botUserId) {
        Supplier<KnowledgeBase> kb = () -> parts.content().get().kb();
        Supplier<TriageEngine> triageEngine = () -> parts.content().get().triage();
        Texts texts = new Texts(() -> kb.get().language());
        Store store = parts.store();
        Questions questions = new Questions(store);
        Votes votes = new Votes(store);
        Escalations escalations = new Escalations(store);
        Drafts drafts = new Drafts(store);
        AfterAck afterAck = new AfterAck(parts.work(), parts.notices(), parts.api(), texts,
                eventId -> parts.claims().once("event:" + eventId, EVENT_MEMORY));
        FeedbackMessages feedbackMessages = new FeedbackMessages(texts);
        Experts experts = parts.experts() == null ? null : new Experts(parts.experts(), questions, votes, parts.gaps(),
                escalations, drafts, parts.claims(), parts.owners(), parts.api(), afterAck, feedbackMessages, texts, kb,
                parts.clock());

        // Bolt's default middleware is left out on purpose: the HTTP edge verifies signatures more strictly, the
        // token is checked once at start-up (Bolt would call auth.test itself), and one middleware of ours skips
        // repeats, bots and channel messages nobody acts on, without calling bots.info on the ack path.
        App app = new App(AppConfig.builder().build(), new ArrayList<>());
        app.use(new RepeatAndBotEventFilter(new EventDeduplicator(EVENT_CAPACITY, EVENT_MEMORY, parts.clock()), botUserId,
                experts == null ? Wiring::aChannelMessage : experts::ofNoInterest));
        SlackRoutes routes = new SlackRoutes(app);

        TriageThreads triage = new TriageThreads(triageEngine, texts, parts.api(), afterAck, parts.claims(), parts.clock(),
                rec -> kb.get().whatWeHold(rec), parts.telemetry());
        TriageStarter starter = triage::start;
        MessageRenderer renderer = new MessageRenderer(kb, texts, List.of(triage.startButton()), feedbackMessages,
                experts != null);
        Recorder recorder = new Recorder(parts.records(), store, questions, parts.gaps(), kb, parts.clock());
        Replies replies = new Replies(kb, renderer, recorder, parts.telemetry());
        GapsListener gaps = new GapsListener(parts.gaps(), escalations, parts.owners(), parts.api(), afterAck,
                feedbackMessages, texts, kb, parts.clock());

        routes.command(SocCommandListener.COMMAND, new SocCommandListener(replies, starter, afterAck, gaps, texts));
        routes.event("app_mention", AppMentionEvent.class, new MentionListener(replies, parts.api(), afterAck, starter));
        routes.messages("message.im", "im", new DirectMessageListener(replies, parts.api(), afterAck, starter));
        // Channel messages are wanted for one thing: the compliance team's replies in their threads.
        BoltEventHandler<MessageEvent> channelMessages = experts != null ? experts : (payload, ctx) -> ctx.ack();
        routes.messages("message.channels", "channel", channelMessages);
        routes.messages("message.groups", "group", channelMessages);
        HomeTab home = new HomeTab(kb, questions, parts.gaps(), parts.owners(), parts.api(), afterAck, texts, starter,
                parts.clock());
        routes.event("app_home_opened", AppHomeOpenedEvent.class, home);
        routes.messageShortcut(ActionIds.ASK_ABOUT_MESSAGE, new ShortcutListener(replies, parts.api(), afterAck, texts));

        AnswerButtonsListener buttons = new AnswerButtonsListener(kb, renderer, parts.api(), afterAck, texts, recorder,
                parts.telemetry());
        routes.action(ActionIds.SHARE_ANSWER, buttons::share);
        routes.action(ActionIds.SHOW_ANSWER, buttons::showAnswer);
        routes.action(ActionIds.SHOW_TOPICS, buttons::showTopics);

        FeedbackListener feedback = new FeedbackListener(votes, questions, parts.gaps(), store, parts.api(), afterAck,
                feedbackMessages, texts, experts, parts.clock());
        routes.action(FeedbackActions.HELPFUL, feedback::helpful);
        routes.action(FeedbackActions.NOT_HELPFUL, feedback::notHelpful);
        routes.viewSubmission(FeedbackActions.MISSING_MODAL, feedback::missingSubmitted);
        // A button rendered while a compliance team was set up may be clicked after it no longer is.
        routes.action(FeedbackActions.ASK_EXPERTS, (req, ctx) -> experts == null ? ctx.ack() : experts.askClicked(req, ctx));
        routes.action(FeedbackActions.MAKE_DRAFT, (req, ctx) -> experts == null ? ctx.ack() : experts.makeDraft(req, ctx));
        routes.action(FeedbackActions.SHOW_DRAFT, (req, ctx) -> experts == null ? ctx.ack() : experts.showDraft(req, ctx));
        routes.action(FeedbackActions.RESOLVE_GAP, gaps::resolveClicked);
        routes.action(FeedbackActions.DISMISS_GAP, gaps::dismissClicked);
        routes.viewSubmission(FeedbackActions.RESOLVE_MODAL, gaps::resolveSubmitted);
        routes.action(HomeTab.START_TRIAGE, home::onStartTriage);

        routes.action(TriageActions.START, triage::onStart);
        routes.action(TriageActions.ANSWER, triage::onAnswer);
        routes.action(TriageActions.CHANGE, triage::onChange);
        routes.action(TriageActions.RESTART, triage::onRestart);
        return routes;
    }

    /** Without a compliance team, no message in a channel concerns Attest (mentions come as app_mention). */
    private static boolean aChannelMessage(JsonNode event) {
        String type = event.path("channel_type").asText("");
        return "message".equals(event.path("type").asText()) && (type.equals("channel") || type.equals("group"));
    }

    private static long since(long started) {
        return Duration.ofNanos(System.nanoTime() - started).toMillis();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static String randomSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
