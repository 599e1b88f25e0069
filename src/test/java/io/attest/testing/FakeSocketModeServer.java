package io.attest.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * Slack's end of Socket Mode, on 127.0.0.1: says hello to each connection, delivers envelopes on the newest one,
 * records every ack (on whichever connection it arrives, as Slack accepts), and fails as Slack's connections fail: a
 * connection dropped without a close frame, and a {@code disconnect} message asking for a new connection. Its URL is
 * what {@link io.attest.local.LocalSlack} answers apps.connections.open with.
 */
public final class FakeSocketModeServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration AWAIT_LIMIT = Duration.ofSeconds(30);

    /** One ack: the envelope it acknowledges, its payload (null for none), and the connection it came on (1, 2, …). */
    public record Ack(String envelopeId, JsonNode payload, int connection) {
    }

    private final Server server;
    private final CountDownLatch started = new CountDownLatch(1);
    private final List<WebSocket> connections = new CopyOnWriteArrayList<>();
    private final List<WebSocket> closed = new CopyOnWriteArrayList<>();
    private final List<Ack> acks = new CopyOnWriteArrayList<>();
    private final List<String> unreadable = new CopyOnWriteArrayList<>();
    private final AtomicInteger envelopes = new AtomicInteger();

    private FakeSocketModeServer() {
        server = new Server();
        server.setReuseAddr(true);
        server.setDaemon(true);
    }

    public static FakeSocketModeServer start() throws InterruptedException {
        FakeSocketModeServer fake = new FakeSocketModeServer();
        fake.server.start();
        if (!fake.started.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the fake Socket Mode server did not start");
        }
        return fake;
    }

    /** The URL apps.connections.open gives out. */
    public String url() {
        return "ws://127.0.0.1:" + server.getPort() + "/link/?ticket=fake";
    }

    /** Connections opened so far. */
    public int connectionsOpened() {
        return connections.size();
    }

    /** Waits until {@code count} connections have been opened, failing after a generous limit. */
    public void awaitConnections(int count) {
        await(() -> connections.size() >= count && connections.get(count - 1).isOpen(), "connection " + count);
    }

    /** True once Attest closed connection {@code n} (1-based) itself. */
    public boolean closedByAttest(int n) {
        return closed.contains(connections.get(n - 1));
    }

    /**
     * Delivers an envelope on the newest open connection.
     *
     * @param type events_api, slash_commands or interactive
     * @return its envelope_id
     */
    public String deliver(String type, JsonNode payload) {
        return deliver(type, payload, "env-" + envelopes.incrementAndGet(), 0);
    }

    /** Delivers an envelope on connection {@code n} (1-based), as Slack may on one it is retiring. */
    public String deliverOn(int n, String type, JsonNode payload) {
        String id = "env-" + envelopes.incrementAndGet();
        connections.get(n - 1).send(envelope(type, payload, id, 0));
        return id;
    }

    /** Delivers an envelope again, as Slack does when it saw no ack: same payload, a retry_attempt above 0. */
    public String deliver(String type, JsonNode payload, String envelopeId, int retryAttempt) {
        send(envelope(type, payload, envelopeId, retryAttempt));
        return envelopeId;
    }

    private static String envelope(String type, JsonNode payload, String envelopeId, int retryAttempt) {
        ObjectNode envelope = JSON.createObjectNode().put("envelope_id", envelopeId).put("type", type)
                .put("accepts_response_payload", !type.equals("events_api"));
        envelope.set("payload", payload);
        if (retryAttempt > 0) {
            envelope.put("retry_attempt", retryAttempt).put("retry_reason", "timeout");
        }
        return envelope.toString();
    }

    /** Sends any text on the newest open connection. */
    public void send(String message) {
        newest().send(message);
    }

    /** Waits for the ack of an envelope, failing after a generous limit. */
    public Ack awaitAck(String envelopeId) {
        await(() -> !acks(envelopeId).isEmpty(), "an ack of " + envelopeId);
        return acks(envelopeId).get(0);
    }

    public List<Ack> acks(String envelopeId) {
        return acks.stream().filter(a -> a.envelopeId().equals(envelopeId)).toList();
    }

    public List<Ack> acks() {
        return List.copyOf(acks);
    }

    /** Messages from Attest that were not acks. */
    public List<String> unreadable() {
        return List.copyOf(unreadable);
    }

    /** The newest connection is lost without a close frame, as when a network path dies. */
    public void dropConnection() {
        newest().closeConnection(1006, "dropped");
    }

    /** Asks for a new connection, as Slack does before it retires one; the old one stays open until Attest closes it. */
    public void askToReconnect() {
        send("{\"type\":\"disconnect\",\"reason\":\"refresh_requested\",\"debug_info\":{\"host\":\"fake\"}}");
    }

    private WebSocket newest() {
        for (int i = connections.size() - 1; i >= 0; i--) {
            if (connections.get(i).isOpen()) {
                return connections.get(i);
            }
        }
        throw new AssertionError("no open Socket Mode connection");
    }

    private static void await(java.util.function.BooleanSupplier done, String what) {
        long deadline = System.nanoTime() + AWAIT_LIMIT.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        server.stop(1000);
    }

    private final class Server extends WebSocketServer {

        Server() {
            super(new InetSocketAddress("127.0.0.1", 0));
        }

        @Override
        public void onStart() {
            started.countDown();
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            connections.add(conn);
            conn.send("{\"type\":\"hello\",\"num_connections\":" + connections.stream().filter(WebSocket::isOpen).count()
                    + ",\"debug_info\":{\"host\":\"fake\",\"approximate_connection_time\":3600},"
                    + "\"connection_info\":{\"app_id\":\"A0LOCAL\"}}");
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            try {
                JsonNode ack = JSON.readTree(message);
                if (ack.path("envelope_id").isTextual()) {
                    acks.add(new Ack(ack.path("envelope_id").asText(), ack.has("payload") ? ack.get("payload") : null,
                            connections.indexOf(conn) + 1));
                    return;
                }
            } catch (IOException e) {
                // not JSON: recorded below
            }
            unreadable.add(message);
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
            if (remote) {
                closed.add(conn);
            }
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
            // A dropped connection is the test's own doing.
        }
    }
}
