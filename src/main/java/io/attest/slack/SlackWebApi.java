package io.attest.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Web API calls Attest makes, all after the ack, made to survive Slack's bad moments within each job's deadline:
 * <ul>
 *   <li>429 waits as long as {@code Retry-After} says, and holds back every call of that method meanwhile;</li>
 *   <li>503, {@code ratelimited}, {@code service_unavailable} and a connection never made are retried with
 *       exponential backoff and jitter: Slack did nothing;</li>
 *   <li>other 5xx, timeouts and dropped connections leave it unclear whether Slack did the work. Updates and
 *       replacements are simply sent again (twice is the same as once). A post carries a reply id in its message
 *       metadata; before sending it again, Attest looks for that id in the channel or thread, so a post Slack had
 *       made is not made twice. What cannot be looked for (an ephemeral message, a new message through a
 *       response_url) is not sent again;</li>
 *   <li>any other error is final ({@code not_in_channel}, {@code is_archived}, {@code msg_too_long}…), and so is a
 *       refused token, which is also reported to {@code onTokenRefused}.</li>
 * </ul>
 * Every call that does not go through is logged once, at WARN (ERROR for a refused token), with the method, the
 * error and the job with its correlation id. The token is never logged, nor any URL or body.
 */
public final class SlackWebApi {

    public static final String SLACK_API_URL = "https://slack.com/api/";
    /** Errors meaning Slack no longer accepts the token at all. */
    public static final Set<String> TOKEN_REFUSED =
            Set.of("invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired");
    /** ok:false errors meaning Slack did nothing, and may do it later. */
    private static final Set<String> NOT_DONE = Set.of("ratelimited", "service_unavailable", "request_timeout");
    /** ok:false errors after which Slack may have done part of the work. */
    private static final Set<String> MAYBE_DONE = Set.of("internal_error", "fatal_error");
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
    /** How far back to look for a post that may have arrived: Slack's clock and ours may differ a little. */
    private static final Duration LOOKBACK = Duration.ofSeconds(30);
    private static final int LOOKUP_PAGES = 5;
    private static final String REPLY_EVENT = "attest_reply";
    private static final MediaType JSON_BODY = MediaType.get("application/json; charset=utf-8");
    private static final Logger LOG = LoggerFactory.getLogger(SlackWebApi.class);

    /** Whether a call may be sent again after a failure that leaves unclear whether Slack did it. */
    private enum Resend { ALWAYS, AFTER_LOOKING, NEVER }

    /** What one HTTP attempt came to. */
    private enum Result { OK, NOT_DONE, UNCLEAR, REJECTED }

    private record Attempt(Result result, JsonNode body, String error, Duration retryAfter) {
    }

    /** Looks for a post that may have arrived: its ts, "" when it is certainly not there, null when Slack would not say. */
    @FunctionalInterface
    private interface Lookup {
        String find() throws InterruptedException;
    }

    /** What auth.test said at start-up. */
    public record AuthCheck(Verdict verdict, String userId, String error, Duration retryAfter) {
        public enum Verdict {
            CONFIRMED,
            /** A definite no: the token is wrong, revoked or its workspace gone. */
            REFUSED,
            /** Slack could not say now (429, 5xx, timeout, any other error): ask again later. */
            TRY_AGAIN
        }
    }

    /** What apps.connections.open said: a WebSocket URL for Socket Mode, or why there is none. */
    public record ConnectionUrl(AuthCheck.Verdict verdict, String url, String error, Duration retryAfter) {
    }

    /** Errors meaning Slack will not open Socket Mode connections for this app token. */
    public static final Set<String> APP_TOKEN_REFUSED = Set.of("invalid_auth", "not_authed", "account_inactive",
            "token_revoked", "token_expired", "not_allowed_token_type", "missing_scope", "no_permission");

    /** Set on each request, so a failure can tell whether anything was sent. */
    private static final class Sent {
        volatile boolean headers;
    }

    /** Built at the first call: building it sets up TLS (the trust store), which start-up need not wait for. */
    private volatile OkHttpClient http;
    private final Duration attemptTimeout;
    private final String baseUrl;
    private final String token;
    private final Consumer<String> onTokenRefused;
    private final Telemetry telemetry;
    private final Clock clock;
    private final Map<String, Instant> heldUntil = new ConcurrentHashMap<>();
    /** Set by {@link #cancelAll()}; OkHttp also cancels a call whose time is up, which is only a timeout. */
    private volatile boolean cancelledForShutdown;

    /**
     * @param baseUrl        the Web API base ({@code SLACK_API_URL}), ending in "/"
     * @param attemptTimeout how long one HTTP attempt may take, from connecting to the last byte of the answer
     * @param onTokenRefused told the error when Slack stops accepting the token
     * @param telemetry      told of every attempt, retry and final outcome
     */
    public SlackWebApi(String baseUrl, String token, Duration attemptTimeout, Consumer<String> onTokenRefused,
                       Telemetry telemetry) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
        this.token = token;
        this.onTokenRefused = onTokenRefused;
        this.telemetry = telemetry;
        this.clock = Clock.systemUTC();
        this.attemptTimeout = attemptTimeout;
    }

    private OkHttpClient http() {
        OkHttpClient client = http;
        if (client != null) {
            return client;
        }
        synchronized (this) {
            if (http == null) {
                http = newClient(attemptTimeout);
            }
            return http;
        }
    }

    private static OkHttpClient newClient(Duration attemptTimeout) {
        return new OkHttpClient.Builder()
                // OkHttp sends a request again by itself when a connection fails; for a post Slack may already
                // have made, that is how one answer became two or three. What is safe to send again is decided here.
                .retryOnConnectionFailure(false)
                .connectTimeout(attemptTimeout.compareTo(Duration.ofSeconds(5)) < 0 ? attemptTimeout : Duration.ofSeconds(5))
                .readTimeout(attemptTimeout)
                .writeTimeout(attemptTimeout)
                .callTimeout(attemptTimeout)
                .eventListenerFactory(call -> new EventListener() {
                    @Override
                    public void requestHeadersStart(Call c) {
                        Sent sent = c.request().tag(Sent.class);
                        if (sent != null) {
                            sent.headers = true;
                        }
                    }
                })
                .build();
    }

    /** Posts a message (in a thread when {@code threadTs} is set); the message carries a reply id to look for. */
    public Delivery postMessage(Job job, String channel, String threadTs, SlackMessage message) throws InterruptedException {
        String replyId = UUID.randomUUID().toString();
        FormBody.Builder form = new FormBody.Builder().add("channel", orEmpty(channel)).add("text", message.text())
                .add("blocks", message.blocksJson()).add("unfurl_links", "false").add("unfurl_media", "false")
                .add("metadata", metadata(replyId));
        if (threadTs != null) {
            form.add("thread_ts", threadTs);
        }
        Instant since = clock.instant().minus(LOOKBACK);
        return call(job, "chat.postMessage", method("chat.postMessage", form.build()), Resend.AFTER_LOOKING,
                () -> findPost(job, channel, threadTs, replyId, since));
    }

    /** A message only {@code user} sees; Slack lists ephemeral messages nowhere, so it is never sent twice. */
    public Delivery postEphemeral(Job job, String channel, String user, String threadTs, SlackMessage message)
            throws InterruptedException {
        FormBody.Builder form = new FormBody.Builder().add("channel", orEmpty(channel)).add("user", orEmpty(user))
                .add("text", message.text())
                .add("blocks", message.blocksJson());
        if (threadTs != null) {
            form.add("thread_ts", threadTs);
        }
        return call(job, "chat.postEphemeral", method("chat.postEphemeral", form.build()), Resend.NEVER, null);
    }

    /** Replaces a message; sending the same update twice changes nothing, so it is always safe to send again. */
    public Delivery update(Job job, String channel, String ts, SlackMessage message) throws InterruptedException {
        FormBody form = new FormBody.Builder().add("channel", orEmpty(channel)).add("ts", orEmpty(ts)).add("text", message.text())
                .add("blocks", message.blocksJson()).build();
        return call(job, "chat.update", method("chat.update", form), Resend.ALWAYS, null);
    }

    /**
     * Posts to an interaction's response_url: replace or delete the message clicked (safe to send again), or add a
     * message (not sent again when unclear). A response_url needs no token, and is never logged: it is a credential.
     */
    public Delivery respond(Job job, String responseUrl, ObjectNode payload) throws InterruptedException {
        boolean sameTwice = payload.path("replace_original").asBoolean(false) || payload.path("delete_original").asBoolean(false);
        HttpUrl url = responseUrl == null ? null : HttpUrl.parse(responseUrl);
        if (url == null) {
            LOG.warn("response_url failed: the interaction's response_url is not a URL — {}", job);
            return Delivery.rejected("invalid_response_url");
        }
        Request.Builder request = new Request.Builder().url(url).post(RequestBody.create(payload.toString(), JSON_BODY));
        return call(job, "response_url", request, sameTwice ? Resend.ALWAYS : Resend.NEVER, null);
    }

    /**
     * Opens a modal for the person who clicked. Its trigger_id is good for three seconds and for one modal, so a call
     * whose outcome is unclear is not sent again.
     */
    public Delivery openView(Job job, String triggerId, ObjectNode view) throws InterruptedException {
        FormBody form = new FormBody.Builder().add("trigger_id", orEmpty(triggerId)).add("view", view.toString()).build();
        return call(job, "views.open", method("views.open", form), Resend.NEVER, null);
    }

    /** Publishes a person's App Home tab; publishing the same view twice is the same as once. */
    public Delivery publishHome(Job job, String userId, ObjectNode view) throws InterruptedException {
        FormBody form = new FormBody.Builder().add("user_id", orEmpty(userId)).add("view", view.toString()).build();
        return call(job, "views.publish", method("views.publish", form), Resend.ALWAYS, null);
    }

    /** One auth.test, classified for start-up; start-up decides how often to ask. */
    public AuthCheck authTest() throws InterruptedException {
        Attempt a = attempt("auth.test", method("auth.test", new FormBody.Builder().build()));
        if (a.result() == Result.OK) {
            return new AuthCheck(AuthCheck.Verdict.CONFIRMED, a.body().path("user_id").asText(null), null, null);
        }
        boolean refused = a.result() == Result.REJECTED && TOKEN_REFUSED.contains(a.error());
        return new AuthCheck(refused ? AuthCheck.Verdict.REFUSED : AuthCheck.Verdict.TRY_AGAIN, null, a.error(), a.retryAfter());
    }

    /**
     * One apps.connections.open with the app-level token ({@code SLACK_APP_TOKEN}): the URL of a new Socket Mode
     * connection. Whoever asks decides how often to ask again; the token is never logged.
     */
    public ConnectionUrl openSocketModeConnection(String appToken) throws InterruptedException {
        String method = "apps.connections.open";
        Attempt a = attempt(method, new Request.Builder().url(baseUrl + method).header("Authorization", "Bearer " + appToken)
                .post(new FormBody.Builder().build()));
        String url = a.result() == Result.OK ? a.body().path("url").asText("") : "";
        if (a.result() == Result.OK && (url.startsWith("wss://") || url.startsWith("ws://"))) {
            return new ConnectionUrl(AuthCheck.Verdict.CONFIRMED, url, null, null);
        }
        if (a.result() == Result.OK) {
            return new ConnectionUrl(AuthCheck.Verdict.TRY_AGAIN, null, "no_url", null);
        }
        boolean refused = a.result() == Result.REJECTED && APP_TOKEN_REFUSED.contains(a.error());
        return new ConnectionUrl(refused ? AuthCheck.Verdict.REFUSED : AuthCheck.Verdict.TRY_AGAIN, null, a.error(), a.retryAfter());
    }

    /** Cuts every call in flight short; at the end of a shutdown's grace period. */
    public void cancelAll() {
        cancelledForShutdown = true;
        OkHttpClient client = http;
        if (client != null) {
            client.dispatcher().cancelAll();
        }
    }

    private Delivery call(Job job, String method, Request.Builder request, Resend resend, Lookup lookup)
            throws InterruptedException {
        Delivery delivery = retrying(job, method, request, resend, lookup);
        telemetry.delivery(method, delivery.status());
        return delivery;
    }

    private Delivery retrying(Job job, String method, Request.Builder request, Resend resend, Lookup lookup)
            throws InterruptedException {
        int attempts = 0;
        String lastError = null;
        boolean lookFirst = false;
        while (true) {
            if (lookFirst) {
                String found = lookup.find();
                if (found == null) {
                    LOG.warn("{} may not have arrived ({}) and Slack would not say; not sent again, so it cannot arrive twice — {}",
                            method, lastError, job);
                    return Delivery.uncertain(lastError);
                }
                if (!found.isEmpty()) {
                    LOG.info("{} had arrived after all ({} on attempt {}); not sent again — {}", method, lastError, attempts, job);
                    return Delivery.delivered(found);
                }
                lookFirst = false;
            }
            if (!waitForHold(job, method)) {
                return gaveUp(job, method, attempts, lastError == null ? "ratelimited" : lastError);
            }
            attempts++;
            if (attempts > 1) {
                telemetry.webApiRetry(method);
            }
            Attempt a = attempt(method, request);
            switch (a.result()) {
                case OK -> {
                    if (attempts > 1) {
                        LOG.info("{} went through on attempt {} after {} — {}", method, attempts, lastError, job);
                    }
                    return Delivery.delivered(a.body().path("ts").asText(a.body().path("message_ts").asText(null)));
                }
                case REJECTED -> {
                    if (TOKEN_REFUSED.contains(a.error())) {
                        LOG.error("{} failed: {} — Slack no longer accepts SLACK_BOT_TOKEN; nothing can be posted until it "
                                + "is replaced and Attest restarted — {}", method, a.error(), job);
                        onTokenRefused.accept(a.error());
                    } else {
                        LOG.warn("{} failed: {} — {}", method, a.error(), job);
                    }
                    return Delivery.rejected(a.error());
                }
                case UNCLEAR -> {
                    if (resend == Resend.NEVER) {
                        LOG.warn("{} may not have arrived ({}); not sent again, so it cannot arrive twice — {}",
                                method, a.error(), job);
                        return Delivery.uncertain(a.error());
                    }
                    lookFirst = resend == Resend.AFTER_LOOKING;
                }
                case NOT_DONE -> {
                    // Slack limits each Web API method as a whole, so one Retry-After holds back the method's other
                    // calls too; a response_url is limited on its own.
                    if (a.retryAfter() != null && !method.equals("response_url")) {
                        hold(method, a.retryAfter());
                    }
                }
                default -> throw new IllegalStateException(a.result().name());
            }
            lastError = a.error();
            Duration wait = a.retryAfter() != null ? a.retryAfter() : backoff(attempts);
            if (clock.instant().plus(wait).isAfter(job.deadline())) {
                return gaveUp(job, method, attempts, lastError);
            }
            Thread.sleep(wait.toMillis());
        }
    }

    private Delivery gaveUp(Job job, String method, int attempts, String error) {
        LOG.warn("{} gave up after {} attempt(s): {}{} — {}", method, attempts, error,
                job.cutShort() ? " (shutting down)" : "", job);
        return Delivery.unavailable(error);
    }

    /** One HTTP attempt, classified and counted; never throws for anything Slack or the network does. */
    private Attempt attempt(String method, Request.Builder builder) throws InterruptedException {
        long started = System.nanoTime();
        Attempt a = attemptUncounted(method, builder);
        telemetry.webApiAttempt(method, switch (a.result()) {
            case OK -> Telemetry.WebApiOutcome.OK;
            case REJECTED -> Telemetry.WebApiOutcome.ERROR;
            case UNCLEAR -> Telemetry.WebApiOutcome.UNCLEAR;
            case NOT_DONE -> "ratelimited".equals(a.error()) ? Telemetry.WebApiOutcome.RATE_LIMITED : Telemetry.WebApiOutcome.UNAVAILABLE;
        }, System.nanoTime() - started);
        return a;
    }

    private Attempt attemptUncounted(String method, Request.Builder builder) throws InterruptedException {
        Sent sent = new Sent();
        Call call = http().newCall(builder.tag(Sent.class, sent).build());
        try (Response response = call.execute()) {
            String body = response.body() == null ? "" : response.body().string();
            return classify(method, response.code(), retryAfter(response.header("Retry-After")), body);
        } catch (IOException e) {
            if (cancelledForShutdown || Thread.currentThread().isInterrupted()) {
                throw new InterruptedException(method + " was cut short by a shutdown");
            }
            return new Attempt(sent.headers ? Result.UNCLEAR : Result.NOT_DONE, null, describe(e), null);
        }
    }

    private static Attempt classify(String method, int status, Duration retryAfter, String body) {
        if (status == 429 || status == 503) {
            // Too many requests, or Slack not taking requests at all: nothing was done.
            return new Attempt(Result.NOT_DONE, null, status == 429 ? "ratelimited" : "http_503", retryAfter);
        }
        if (status >= 500) {
            return new Attempt(Result.UNCLEAR, null, "http_" + status, retryAfter);
        }
        JsonNode json = parse(body);
        if (status >= 400) {
            String error = json != null && json.path("error").isTextual() ? json.path("error").asText()
                    : body.matches("[a-z_]{1,40}") ? body : "http_" + status;
            return new Attempt(Result.REJECTED, null, error, null);
        }
        if ("response_url".equals(method) && (json == null || !json.has("ok"))) {
            return new Attempt(Result.OK, BlockKit.JSON.createObjectNode(), null, null);
        }
        if (json == null) {
            // A 200 that is not Slack's JSON (a proxy's error page): whatever happened is unclear.
            return new Attempt(Result.UNCLEAR, null, "unreadable_answer", null);
        }
        if (json.path("ok").asBoolean(false)) {
            return new Attempt(Result.OK, json, null, null);
        }
        String error = json.path("error").asText("unknown_error");
        Result result = NOT_DONE.contains(error) ? Result.NOT_DONE : MAYBE_DONE.contains(error) ? Result.UNCLEAR : Result.REJECTED;
        return new Attempt(result, json, error, retryAfter);
    }

    /**
     * Looks for a post by its reply id in the thread (conversations.replies) or the channel (conversations.history),
     * in what was posted since it was first sent. Reading is safe to repeat, so this retries until the deadline.
     */
    private String findPost(Job job, String channel, String threadTs, String replyId, Instant since) throws InterruptedException {
        String method = threadTs != null ? "conversations.replies" : "conversations.history";
        String cursor = null;
        int failures = 0;
        for (int page = 0; page < LOOKUP_PAGES; ) {
            FormBody.Builder form = new FormBody.Builder().add("channel", orEmpty(channel)).add("include_all_metadata", "true")
                    .add("oldest", slackTs(since)).add("inclusive", "true").add("limit", "200");
            if (threadTs != null) {
                form.add("ts", threadTs);
            }
            if (cursor != null) {
                form.add("cursor", cursor);
            }
            Attempt a = attempt(method, method(method, form.build()));
            if (a.result() == Result.OK) {
                for (JsonNode message : a.body().path("messages")) {
                    JsonNode metadata = message.path("metadata");
                    if (REPLY_EVENT.equals(metadata.path("event_type").asText())
                            && replyId.equals(metadata.path("event_payload").path("reply_id").asText())) {
                        return message.path("ts").asText();
                    }
                }
                cursor = a.body().path("response_metadata").path("next_cursor").asText("");
                if (!a.body().path("has_more").asBoolean(false) || cursor.isEmpty()) {
                    return "";
                }
                page++;
                continue;
            }
            if (a.result() == Result.REJECTED) {
                // missing_scope (an install from before the history scopes), not_in_channel, thread_not_found…
                LOG.warn("{} to check a post failed: {} — {}", method, a.error(), job);
                return null;
            }
            Duration wait = a.retryAfter() != null ? a.retryAfter() : backoff(++failures);
            if (clock.instant().plus(wait).isAfter(job.deadline())) {
                return null;
            }
            Thread.sleep(wait.toMillis());
        }
        return "";
    }

    /** Waits out a Retry-After another call of this method was given; false if it runs past the job's deadline. */
    private boolean waitForHold(Job job, String method) throws InterruptedException {
        Instant until = heldUntil.get(method);
        Instant now = clock.instant();
        if (until == null || !until.isAfter(now)) {
            return true;
        }
        if (until.isAfter(job.deadline())) {
            return false;
        }
        Thread.sleep(Duration.between(now, until).toMillis());
        return true;
    }

    private void hold(String method, Duration retryAfter) {
        Instant until = clock.instant().plus(retryAfter);
        heldUntil.merge(method, until, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** Exponential, with jitter so that jobs failing together do not come back together. */
    private static Duration backoff(int attempts) {
        long ceiling = Math.min(MAX_BACKOFF.toMillis(), FIRST_BACKOFF.toMillis() << Math.min(attempts - 1, 10));
        return Duration.ofMillis(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
    }

    private Request.Builder method(String method, RequestBody body) {
        return new Request.Builder().url(baseUrl + method).header("Authorization", "Bearer " + token).post(body);
    }

    /** An id a signed payload left out goes to Slack as empty, and comes back as Slack's own error. */
    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String metadata(String replyId) {
        ObjectNode metadata = BlockKit.JSON.createObjectNode().put("event_type", REPLY_EVENT);
        metadata.putObject("event_payload").put("reply_id", replyId);
        return metadata.toString();
    }

    private static String slackTs(Instant instant) {
        return instant.getEpochSecond() + "." + String.format("%06d", instant.getNano() / 1000);
    }

    private static Duration retryAfter(String header) {
        if (header == null) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String describe(IOException e) {
        if (e instanceof ConnectException) {
            return "connection_refused";
        }
        if (e instanceof UnknownHostException) {
            return "unknown_host";
        }
        if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
            return "timeout";
        }
        return "connection_dropped";
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode node = BlockKit.JSON.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }
}
