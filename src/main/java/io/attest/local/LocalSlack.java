package io.attest.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A Slack workspace with its Web API and response_url endpoints, on 127.0.0.1. Local mode points the bot at it
 * ({@code SLACK_API_URL}), so the console exercises the same listeners and calls as Slack does; tests point the bot
 * at it too, and make it fail the way Slack fails: an HTTP status with {@code Retry-After}, {@code ok:false}, a slow
 * or late answer, a connection dropped before or after Slack did the work. It records every call it receives.
 */
public final class LocalSlack implements AutoCloseable {

    public static final String BOT_USER_ID = LocalWorkspace.BOT;
    /** The person at the console. */
    public static final String PERSON = LocalWorkspace.USER;
    /** The console's stand-in for the compliance team's channel (#compliance). */
    public static final String EXPERTS_CHANNEL = LocalWorkspace.EXPERTS;
    static final String API_PATH = "/api/";
    static final String RESPONSE_PATH = "/response/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration AWAIT_LIMIT = Duration.ofSeconds(30);
    private static final Duration QUIET = Duration.ofMillis(400);

    /**
     * One call received: the Web API method (or "response_url" with the id its URL ends in), its form parameters or
     * JSON body, and what came of it.
     */
    public record Call(String method, String responseUrlId, Map<String, String> params, JsonNode json, String ts,
                       String outcome) {

        public String param(String name) {
            return params.get(name);
        }

        /** The message blocks, from the form parameter or the JSON body. */
        public JsonNode blocks() {
            if (json != null) {
                return json.path("blocks");
            }
            JsonNode blocks = parse(params.get("blocks"));
            return blocks == null ? JSON.createArrayNode() : blocks;
        }

        /** All text in the message, for assertions about what was said. */
        public String allText() {
            return params.getOrDefault("text", "") + " " + blocks() + " " + (json == null ? "" : json.path("text").asText());
        }

        /** True when Slack did what was asked (whatever reached the caller afterwards). */
        public boolean done() {
            return outcome.equals("ok") || outcome.equals("dropped after doing it") || outcome.equals("answered late");
        }
    }

    /** A way Slack fails, applied to one call of a method. */
    public record Fault(Kind kind, int status, int retryAfterSeconds, String error, Duration delay) {

        public enum Kind {
            /** An HTTP error status; nothing done. */
            STATUS,
            /** HTTP 200 with {@code ok:false} and an error code; nothing done. */
            NOT_OK,
            /** Waits, then does the work and answers. */
            DELAY,
            /** Waits until {@link LocalSlack#releaseHangs()} (a minute at most), then does the work and answers. */
            HANG,
            /** Does the work, then answers only after a while (the caller may have timed out). */
            LATE_ANSWER,
            /** Closes the connection without doing anything. */
            DROP,
            /** Does the work, then closes the connection without answering. */
            DROP_AFTER_DOING_IT
        }

        public static Fault status(int status) {
            return new Fault(Kind.STATUS, status, 0, null, Duration.ZERO);
        }

        /** HTTP 429 with {@code Retry-After}. */
        public static Fault rateLimited(int retryAfterSeconds) {
            return new Fault(Kind.STATUS, 429, retryAfterSeconds, null, Duration.ZERO);
        }

        public static Fault notOk(String error) {
            return new Fault(Kind.NOT_OK, 200, 0, error, Duration.ZERO);
        }

        public static Fault delay(Duration delay) {
            return new Fault(Kind.DELAY, 200, 0, null, delay);
        }

        public static Fault hang() {
            return new Fault(Kind.HANG, 200, 0, null, Duration.ofMinutes(1));
        }

        public static Fault lateAnswer(Duration delay) {
            return new Fault(Kind.LATE_ANSWER, 200, 0, null, delay);
        }

        public static Fault drop() {
            return new Fault(Kind.DROP, 0, 0, null, Duration.ZERO);
        }

        public static Fault dropAfterDoingIt() {
            return new Fault(Kind.DROP_AFTER_DOING_IT, 0, 0, null, Duration.ZERO);
        }
    }

    /** What a response_url refers to: where the interaction happened and, for a button, on which message. */
    public record ResponseTarget(String channel, String user, String messageTs, boolean ephemeral, String threadTs) {
    }

    private final HttpServer server;
    private final ExecutorService threads;
    private final LocalWorkspace workspace = new LocalWorkspace();
    private final Map<String, Deque<Fault>> faults = new ConcurrentHashMap<>();
    private final Set<String> channelsWithoutBot = ConcurrentHashMap.newKeySet();
    private final Map<String, ResponseTarget> responseTargets = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile String tokenRejected;
    private volatile String socketModeUrl;
    private final CountDownLatch hanging = new CountDownLatch(1);

    private LocalSlack() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        // A thread per call, so one slow or hanging call never holds up another, as on Slack.
        threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "local-slack");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        server.createContext(API_PATH, this::api);
        server.createContext(RESPONSE_PATH, this::respond);
        server.start();
    }

    /** Starts a workspace and its Web API on a free port of 127.0.0.1. */
    public static LocalSlack start() throws IOException {
        return new LocalSlack();
    }

    /** The base URL for {@code SLACK_API_URL}. */
    public String apiUrl() {
        return base() + API_PATH;
    }

    /** A fresh response_url for one interaction, which posts into the workspace as Slack would. */
    public String responseUrl(ResponseTarget target) {
        String id = UUID.randomUUID().toString();
        responseTargets.put(id, target);
        return base() + RESPONSE_PATH + id;
    }

    /** A response_url that only records what is sent to it. */
    public String responseUrl(String label) {
        return base() + RESPONSE_PATH + label;
    }

    public LocalWorkspace workspace() {
        return workspace;
    }

    /** The next call of {@code method} ("response_url" for response URLs) fails with {@code fault}. */
    public void fail(String method, Fault fault) {
        fail(method, fault, 1);
    }

    /** The next {@code times} calls of {@code method} fail with {@code fault}, after any faults already queued. */
    public void fail(String method, Fault fault, int times) {
        Deque<Fault> queue = faults.computeIfAbsent(method, m -> new ArrayDeque<>());
        synchronized (queue) {
            for (int i = 0; i < times; i++) {
                queue.add(fault);
            }
        }
    }

    /** Lets every call held by {@link Fault#hang()} go on, and every later one pass without waiting. */
    public void releaseHangs() {
        hanging.countDown();
    }

    /** Forgets every fault not yet applied. */
    public void heal() {
        faults.clear();
    }

    /** Posting into this channel fails with not_in_channel. */
    public void botIsNotIn(String channel) {
        channelsWithoutBot.add(channel);
    }

    /** Every method fails with this error, as for a revoked token; null to accept the token again. */
    public void rejectTokensWith(String error) {
        tokenRejected = error;
    }

    /** apps.connections.open answers with this WebSocket URL (a Socket Mode server the test runs), for app tokens. */
    public void socketModeUrl(String url) {
        socketModeUrl = url;
    }

    public List<Call> calls() {
        return new ArrayList<>(calls);
    }

    public List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    /** Waits until {@code count} calls of {@code method} were done, failing after a generous limit. */
    public List<Call> await(String method, int count) {
        return await(c -> c.method().equals(method) && c.done(), count);
    }

    /** Waits until {@code count} calls match, failing after a generous limit (not a latency assertion). */
    public List<Call> await(Predicate<Call> which, int count) {
        long deadline = System.nanoTime() + AWAIT_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            List<Call> matching = calls.stream().filter(which).toList();
            if (matching.size() >= count) {
                return matching;
            }
            pause(10);
        }
        throw new AssertionError("expected " + count + " matching call(s); received: " + calls);
    }

    /** Waits until no call has come in for a while, giving work after an ack time to (wrongly) happen. */
    public List<Call> settle() {
        int last = calls.size();
        long quietSince = System.nanoTime();
        while (System.nanoTime() - quietSince < QUIET.toNanos()) {
            pause(25);
            if (calls.size() != last) {
                last = calls.size();
                quietSince = System.nanoTime();
            }
        }
        return calls();
    }

    private void api(HttpExchange exchange) throws IOException {
        if (fromABrowser(exchange)) {
            return;
        }
        String method = exchange.getRequestURI().getPath().substring(API_PATH.length());
        Map<String, String> params = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String token = exchange.getRequestHeaders().getFirst("Authorization");
        answer(exchange, method, null, params, null, () -> {
            if (token == null || !token.startsWith("Bearer ")) {
                return notOk("not_authed");
            }
            if (tokenRejected != null) {
                return notOk(tokenRejected);
            }
            // Slack tells tokens apart by their prefix: only an app-level token opens Socket Mode, only it cannot post.
            boolean appToken = token.startsWith("Bearer xapp-");
            if (appToken != method.equals("apps.connections.open")) {
                return notOk("not_allowed_token_type");
            }
            return method(method, params);
        });
    }

    private void respond(HttpExchange exchange) throws IOException {
        if (fromABrowser(exchange)) {
            return;
        }
        JsonNode body = parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String id = exchange.getRequestURI().getPath().substring(RESPONSE_PATH.length());
        ResponseTarget target = responseTargets.get(id);
        answer(exchange, "response_url", id, Map.of(), body, () -> {
            if (body == null || !body.isObject()) {
                return notOk("invalid_payload");
            }
            if (target != null) {
                respond(target, body);
            }
            return JSON.createObjectNode().put("ok", true);
        });
    }

    /** Applies the next fault for the method, if any, around doing the work. */
    private void answer(HttpExchange exchange, String method, String id, Map<String, String> params, JsonNode json,
                        java.util.function.Supplier<ObjectNode> work) throws IOException {
        Fault fault = nextFault(method);
        if (fault == null) {
            ObjectNode result = work.get();
            record(method, id, params, json, result, result.path("ok").asBoolean() ? "ok" : result.path("error").asText());
            send(exchange, 200, result, 0);
            return;
        }
        switch (fault.kind()) {
            case STATUS -> {
                record(method, id, params, json, null, "http " + fault.status());
                send(exchange, fault.status(), null, fault.retryAfterSeconds());
            }
            case NOT_OK -> {
                record(method, id, params, json, null, fault.error());
                send(exchange, 200, notOk(fault.error()), 0);
            }
            case DELAY -> {
                pause(fault.delay().toMillis());
                ObjectNode result = work.get();
                record(method, id, params, json, result, "ok");
                send(exchange, 200, result, 0);
            }
            case HANG -> {
                try {
                    hanging.await(fault.delay().toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                ObjectNode result = work.get();
                record(method, id, params, json, result, "ok");
                send(exchange, 200, result, 0);
            }
            case LATE_ANSWER -> {
                ObjectNode result = work.get();
                record(method, id, params, json, result, "answered late");
                pause(fault.delay().toMillis());
                send(exchange, 200, result, 0);
            }
            case DROP -> {
                record(method, id, params, json, null, "dropped");
                drop();
            }
            case DROP_AFTER_DOING_IT -> {
                ObjectNode result = work.get();
                record(method, id, params, json, result, "dropped after doing it");
                drop();
            }
            default -> throw new IllegalStateException(fault.kind().name());
        }
    }

    private Fault nextFault(String method) {
        Deque<Fault> queue = faults.get(method);
        if (queue == null) {
            return null;
        }
        synchronized (queue) {
            return queue.poll();
        }
    }

    /** The JDK's server closes the connection, without an answer, when a handler throws. */
    private static void drop() throws IOException {
        throw new IOException("connection dropped on purpose");
    }

    private void record(String method, String id, Map<String, String> params, JsonNode json, ObjectNode result,
                        String outcome) {
        String ts = result == null ? null : result.has("ts") ? result.path("ts").asText()
                : result.has("message_ts") ? result.path("message_ts").asText() : null;
        calls.add(new Call(method, id, params, json, ts, outcome));
    }

    private ObjectNode method(String method, Map<String, String> p) {
        String channel = p.get("channel");
        return switch (method) {
            case "apps.connections.open" -> socketModeUrl == null ? notOk("socket_mode_not_enabled")
                    : JSON.createObjectNode().put("ok", true).put("url", socketModeUrl);
            case "auth.test" -> JSON.createObjectNode().put("ok", true).put("url", "https://local.slack.invalid/")
                    .put("team", "Local").put("user", "attest").put("team_id", "T0LOCAL")
                    .put("user_id", BOT_USER_ID).put("bot_id", "B0ATTEST");
            case "chat.postMessage" -> {
                if (channel == null || channel.isBlank()) {
                    yield notOk("channel_not_found");
                }
                if (channelsWithoutBot.contains(channel)) {
                    yield notOk("not_in_channel");
                }
                String ts = workspace.post(channel, p.get("thread_ts"), BOT_USER_ID, p.get("text"), parse(p.get("blocks")),
                        null, parse(p.get("metadata")));
                yield JSON.createObjectNode().put("ok", true).put("channel", channel).put("ts", ts);
            }
            case "chat.postEphemeral" -> {
                if (channelsWithoutBot.contains(channel)) {
                    yield notOk("not_in_channel");
                }
                yield JSON.createObjectNode().put("ok", true).put("message_ts", workspace.post(channel, p.get("thread_ts"),
                        BOT_USER_ID, p.get("text"), parse(p.get("blocks")), p.get("user")));
            }
            case "chat.update" -> workspace.update(channel, p.get("ts"), p.get("text"), parse(p.get("blocks")))
                    ? JSON.createObjectNode().put("ok", true).put("channel", channel).put("ts", p.get("ts"))
                    : notOk("message_not_found");
            case "chat.delete" -> workspace.delete(channel, p.get("ts"))
                    ? JSON.createObjectNode().put("ok", true) : notOk("message_not_found");
            case "views.open" -> {
                JsonNode view = parse(p.get("view"));
                if (p.get("trigger_id") == null || p.get("trigger_id").isBlank()) {
                    yield notOk("invalid_trigger_id");
                }
                if (view == null || !"modal".equals(view.path("type").asText())) {
                    yield notOk("invalid_arguments");
                }
                // The console has one person; a trigger it did not issue (a test's) opens the modal for them too.
                String id = workspace.openView(LocalWorkspace.USER, view);
                ObjectNode ok = JSON.createObjectNode().put("ok", true);
                ok.set("view", ((ObjectNode) view.deepCopy()).put("id", id));
                yield ok;
            }
            case "views.publish" -> {
                JsonNode view = parse(p.get("view"));
                if (p.get("user_id") == null || p.get("user_id").isBlank()) {
                    yield notOk("user_not_found");
                }
                if (view == null || !"home".equals(view.path("type").asText())) {
                    yield notOk("invalid_arguments");
                }
                workspace.publishHome(p.get("user_id"), view);
                ObjectNode ok = JSON.createObjectNode().put("ok", true);
                ok.set("view", view);
                yield ok;
            }
            case "conversations.history" -> listing(workspace.history(channel), p);
            // People's own messages are only here when the console put them here, so a thread whose parent is
            // missing is taken to be one of theirs rather than answered with thread_not_found.
            case "conversations.replies" -> listing(workspace.thread(channel, Objects.requireNonNullElse(p.get("ts"), "")), p);
            default -> notOk("unknown_method");
        };
    }

    /** A page of conversations.history or .replies: within oldest/latest, metadata only when asked for. */
    private static ObjectNode listing(List<LocalWorkspace.Message> messages, Map<String, String> p) {
        boolean inclusive = "true".equals(p.get("inclusive")) || "1".equals(p.get("inclusive"));
        String oldest = p.get("oldest");
        String latest = p.get("latest");
        boolean metadata = "true".equals(p.get("include_all_metadata"));
        int limit = p.get("limit") == null ? 100 : Integer.parseInt(p.get("limit"));
        int start = p.get("cursor") == null ? 0 : Integer.parseInt(p.get("cursor"));
        List<LocalWorkspace.Message> within = messages.stream()
                .filter(m -> oldest == null || compareTs(m.ts(), oldest) > 0 || inclusive && compareTs(m.ts(), oldest) == 0)
                .filter(m -> latest == null || compareTs(m.ts(), latest) < 0 || inclusive && compareTs(m.ts(), latest) == 0)
                .toList();
        ObjectNode out = JSON.createObjectNode().put("ok", true);
        ArrayNode list = out.putArray("messages");
        int end = Math.min(within.size(), start + limit);
        within.subList(Math.min(start, end), end).forEach(m -> list.add(m.toJson(metadata)));
        out.put("has_more", end < within.size());
        out.putObject("response_metadata").put("next_cursor", end < within.size() ? Integer.toString(end) : "");
        return out;
    }

    private static int compareTs(String a, String b) {
        return new java.math.BigDecimal(a).compareTo(new java.math.BigDecimal(b));
    }

    /** What a response_url does in Slack: replace or delete the message clicked, or add a message. */
    private void respond(ResponseTarget target, JsonNode body) {
        String text = body.path("text").asText("");
        JsonNode blocks = body.has("blocks") ? body.get("blocks") : null;
        if (body.path("delete_original").asBoolean(false) && target.messageTs() != null) {
            workspace.delete(target.channel(), target.messageTs());
        } else if (body.path("replace_original").asBoolean(false) && target.messageTs() != null) {
            workspace.update(target.channel(), target.messageTs(), text, blocks);
        } else if (blocks != null || !text.isEmpty()) {
            boolean inChannel = "in_channel".equals(body.path("response_type").asText());
            workspace.post(target.channel(), target.threadTs(), BOT_USER_ID, text, blocks, inChannel ? null : target.user());
        }
    }

    /** Only the bot's own HTTP client calls this API; a browser (any page, any site) never does. */
    private static boolean fromABrowser(HttpExchange exchange) throws IOException {
        if (exchange.getRequestHeaders().getFirst("Origin") != null
                || exchange.getRequestHeaders().getFirst("Sec-Fetch-Site") != null) {
            exchange.getRequestBody().readAllBytes();
            send(exchange, 403, notOk("not_allowed"), 0);
            return true;
        }
        return false;
    }

    private static ObjectNode notOk(String error) {
        return JSON.createObjectNode().put("ok", false).put("error", error);
    }

    private static void send(HttpExchange exchange, int status, ObjectNode body, int retryAfterSeconds) throws IOException {
        byte[] bytes = body == null ? "Slack is having trouble".getBytes(StandardCharsets.UTF_8)
                : body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", body == null ? "text/plain" : "application/json; charset=utf-8");
        if (retryAfterSeconds > 0) {
            exchange.getResponseHeaders().add("Retry-After", Integer.toString(retryAfterSeconds));
        }
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    static JsonNode parse(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            return null;
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> params = new LinkedHashMap<>();
        if (body.isBlank() || body.startsWith("{")) {
            return params;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(key, value);
        }
        return params;
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        releaseHangs();
        server.stop(0);
        threads.shutdownNow();
    }
}
