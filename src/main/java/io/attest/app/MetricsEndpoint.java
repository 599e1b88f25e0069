package io.attest.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.javalin.config.JavalinConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code GET /metrics} in the Prometheus text format. Never open by default: it is served on a listener of its own
 * ({@code METRICS_PORT}, meant for a private network), or on the public port only with {@code Authorization: Bearer
 * METRICS_TOKEN}; with both, the token is asked for on the metrics port too. Without either, there is no /metrics.
 */
final class MetricsEndpoint implements AutoCloseable {

    static final String PATH = "/metrics";
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private record Answer(int status, String contentType, String body) {
    }

    private final MicrometerTelemetry telemetry;
    private final byte[] token;
    private HttpServer server;
    private ExecutorService threads;

    /** @param token the bearer token to require; null for none (only on a port of its own) */
    MetricsEndpoint(MicrometerTelemetry telemetry, String token) {
        this.telemetry = telemetry;
        this.token = token == null ? null : ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    }

    /** True when /metrics is served on the main port (behind the token), not on a port of its own. */
    boolean onMainPort() {
        return server == null;
    }

    /** Adds /metrics to the main port's routes; Wiring does so only when a token protects it. */
    void routes(JavalinConfig config) {
        config.routes.get(PATH, ctx -> {
            Answer a = answer(ctx.header("Authorization"));
            if (a.status() == 401) {
                ctx.header("WWW-Authenticate", "Bearer");
            }
            ctx.status(a.status()).contentType(a.contentType()).result(a.body());
        });
    }

    /**
     * Serves /metrics on a listener of its own (the JDK's small HTTP server, one thread: a scrape every few seconds).
     *
     * @param host the interface to bind (127.0.0.1 in local mode), or null for all
     * @return the port it listens on
     */
    int listen(String host, int port) throws IOException {
        InetSocketAddress address = host == null ? new InetSocketAddress(port) : new InetSocketAddress(InetAddress.getByName(host), port);
        server = HttpServer.create(address, 0);
        threads = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "attest-metrics");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        server.createContext("/", this::serve);
        server.start();
        return server.getAddress().getPort();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            Answer a = !PATH.equals(exchange.getRequestURI().getPath()) ? new Answer(404, "text/plain; charset=utf-8", "not found\n")
                    : !"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())
                    ? new Answer(405, "text/plain; charset=utf-8", "GET only\n")
                    : answer(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", a.contentType());
            if (a.status() == 401) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
            }
            boolean head = "HEAD".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(a.status(), head ? -1 : body.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    private Answer answer(String authorization) {
        if (token != null && (authorization == null
                || !MessageDigest.isEqual(token, authorization.trim().getBytes(StandardCharsets.UTF_8)))) {
            return new Answer(401, "text/plain; charset=utf-8", "a bearer token is required\n");
        }
        return new Answer(200, CONTENT_TYPE, telemetry.scrape());
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
            threads.shutdownNow();
        }
        telemetry.close();
    }
}
