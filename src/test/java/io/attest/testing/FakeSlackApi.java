package io.attest.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A stand-in for Slack's Web API and response_url endpoints on 127.0.0.1 that records every call.
 * Point {@code SLACK_API_URL} at {@link #apiUrl()} and give payloads {@link #responseUrl(String)}.
 */
public final class FakeSlackApi implements AutoCloseable {

    public static final String BOT_USER_ID = "UBOT";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One recorded call: the Web API method (or "response_url"), its parameters, and JSON fields if any. */
    public record Call(String method, Map<String, String> params, JsonNode json, String path, String ts) {
        public String param(String name) {
            return params.get(name);
        }

        /** The message blocks, parsed from the form parameter or the JSON body. */
        public JsonNode blocks() {
            try {
                if (json != null) {
                    return json.path("blocks");
                }
                String blocks = params.get("blocks");
                return blocks == null ? JSON.createArrayNode() : JSON.readTree(blocks);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        /** All text in the message, for assertions about what was said. */
        public String allText() {
            return (params.getOrDefault("text", "") + " " + blocks() + " " + (json == null ? "" : json.path("text").asText()));
        }
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Set<String> channelsWithoutBot = new HashSet<>();
    private final AtomicInteger ts = new AtomicInteger(1000);
    private volatile String tokenRejected;

    public FakeSlackApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/", this::api);
        server.createContext("/response/", this::responseUrl);
        server.start();
    }

    public String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    public String responseUrl(String id) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/response/" + id;
    }

    /** chat.postMessage into this channel fails with not_in_channel. */
    public void botIsNotIn(String channel) {
        channelsWithoutBot.add(channel);
    }

    /** auth.test fails with this error, as for a revoked token. */
    public void rejectTokensWith(String error) {
        tokenRejected = error;
    }

    public List<Call> calls() {
        return new ArrayList<>(calls);
    }

    public List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    /** Waits until {@code count} calls match, failing after a generous limit (not a latency assertion). */
    public List<Call> await(String method, int count) {
        return await(c -> c.method().equals(method), count);
    }

    public List<Call> await(Predicate<Call> which, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            List<Call> matching = calls.stream().filter(which).toList();
            if (matching.size() >= count) {
                return matching;
            }
            sleep(10);
        }
        throw new AssertionError("expected " + count + " matching call(s); recorded: " + calls);
    }

    /** Gives work after an ack time to (wrongly) happen, then returns what was recorded. */
    public List<Call> settle() {
        int last = -1;
        while (last != calls.size()) {
            last = calls.size();
            sleep(300);
        }
        return calls();
    }

    private void api(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestURI().getPath().substring("/api/".length());
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> params = form(body);
        String ts = method.equals("chat.update") ? params.get("ts") : nextTs();
        String response = switch (method) {
            case "auth.test" -> tokenRejected != null
                    ? "{\"ok\":false,\"error\":\"" + tokenRejected + "\"}"
                    : "{\"ok\":true,\"url\":\"https://test.slack.com/\",\"team\":\"Test\",\"user\":\"attest\","
                    + "\"team_id\":\"T1\",\"user_id\":\"" + BOT_USER_ID + "\",\"bot_id\":\"BBOT\"}";
            case "chat.postMessage" -> channelsWithoutBot.contains(params.get("channel"))
                    ? "{\"ok\":false,\"error\":\"not_in_channel\"}"
                    : "{\"ok\":true,\"channel\":\"" + params.get("channel") + "\",\"ts\":\"" + ts + "\"}";
            case "chat.update" -> "{\"ok\":true,\"channel\":\"" + params.get("channel") + "\",\"ts\":\"" + params.get("ts") + "\"}";
            case "chat.postEphemeral" -> "{\"ok\":true,\"message_ts\":\"" + ts + "\"}";
            default -> "{\"ok\":false,\"error\":\"unknown_method\"}";
        };
        calls.add(new Call(method, params, null, exchange.getRequestURI().getPath(), ts));
        send(exchange, response);
    }

    private void responseUrl(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        calls.add(new Call("response_url", Map.of(), JSON.readTree(body), exchange.getRequestURI().getPath(), null));
        send(exchange, "ok");
    }

    private String nextTs() {
        return "1700000000." + String.format("%06d", ts.incrementAndGet());
    }

    private static void send(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
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

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
