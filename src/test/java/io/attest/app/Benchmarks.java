package io.attest.app;

import io.attest.knowledge.KnowledgeBase;
import io.attest.slack.SlackSignatureVerifier;
import io.attest.testing.FakeSlackApi;
import io.attest.testing.SlackPayloads;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Speed figures for docs/quality.md and the README, printed as a table. Run with {@code bench/run}.
 * Not a test: nothing here asserts a time, because the machines are shared and noisy.
 *
 * <ul>
 *   <li>knowledge base load time (cold, in a fresh JVM this is the first load) and matching throughput</li>
 *   <li>/soc ack latency through the whole stack (Javalin → our adapter → Bolt → listener → matcher), next to a
 *       bare Javalin handler that verifies the same signature and returns a fixed body</li>
 * </ul>
 */
public final class Benchmarks {

    private static final String SECRET = "bench-signing-secret";

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        System.out.printf("machine: %d cores, %s %s, Java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"));
        knowledgeBase();
        acks(requests);
        System.exit(0);
    }

    private static void knowledgeBase() throws Exception {
        long t0 = System.nanoTime();
        KnowledgeBase kb = KnowledgeBase.load(Path.of("intents"));
        long loadMs = (System.nanoTime() - t0) / 1_000_000;
        List<String> questions = new ArrayList<>();
        for (String file : List.of("src/test/resources/regression/questions.jsonl", "../shared/dev/questions.jsonl")) {
            Path p = Path.of(file);
            if (Files.exists(p)) {
                for (String line : Files.readAllLines(p)) {
                    int start = line.indexOf("\"q\": \"");
                    if (start >= 0) {
                        questions.add(line.substring(start + 6, line.indexOf('"', start + 6)));
                    }
                }
            }
        }
        for (int i = 0; i < 20_000; i++) {
            kb.ask(questions.get(i % questions.size()));
        }
        int n = 50_000;
        long t1 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            kb.ask(questions.get(i % questions.size()));
        }
        double seconds = (System.nanoTime() - t1) / 1e9;
        Runtime rt = Runtime.getRuntime();
        System.gc();
        System.out.printf("knowledge base: %d intents loaded in %d ms (first load in this JVM)%n", kb.intents().size(), loadMs);
        System.out.printf("matching: %,.0f questions/s on one thread (%d distinct questions, %,d asks after 20,000 warm-up)%n",
                n / seconds, questions.size(), n);
        System.out.printf("heap in use after load and matching: %d MiB%n", (rt.totalMemory() - rt.freeMemory()) >> 20);
    }

    private static void acks(int requests) throws Exception {
        try (FakeSlackApi slack = new FakeSlackApi()) {
            Server server = Server.start(new Config(SECRET, "xoxb-bench", 0, slack.apiUrl(), "intents"), false);
            int attestPort = server.port();
            String body = SlackPayloads.slashCommand("is soc 2 a certification?", "C1", "U1", slack.responseUrl("b"));
            // The baseline returns the very reply Attest gives, so both write the same bytes.
            Javalin bare = bareJavalin(firstReply(attestPort, body));
            // Measured twice, alternating, so neither side gets the other's warm-up.
            for (int round = 1; round <= 2; round++) {
                report("bare Javalin: verify signature, same reply", bare.port(), body, requests);
                report("Attest /soc (full stack, answer in the ack)", attestPort, body, requests);
            }
            bare.stop();
            server.stop();
        }
    }

    /** The baseline: what any Slack endpoint must do at least (verify the signature) and nothing more. */
    private static Javalin bareJavalin(String reply) {
        SlackSignatureVerifier verifier = new SlackSignatureVerifier(SECRET, Clock.systemUTC());
        return Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.routes.post("/slack/events", ctx -> {
                byte[] b = ctx.bodyAsBytes();
                if (verifier.verify(ctx.header(SlackSignatureVerifier.TIMESTAMP_HEADER),
                        ctx.header(SlackSignatureVerifier.SIGNATURE_HEADER), b) != SlackSignatureVerifier.Verdict.VALID) {
                    ctx.status(401);
                    return;
                }
                ctx.contentType("application/json").result(reply);
            });
        }).start("127.0.0.1", 0);
    }

    private static String firstReply(int port, String body) throws Exception {
        String ts = Long.toString(System.currentTimeMillis() / 1000);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slack/events"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header(SlackSignatureVerifier.TIMESTAMP_HEADER, ts)
                .header(SlackSignatureVerifier.SIGNATURE_HEADER, new SlackSignatureVerifier(SECRET, Clock.systemUTC()).sign(ts, bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static void report(String name, int port, String body, int requests) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI uri = URI.create("http://127.0.0.1:" + port + "/slack/events");
        SlackSignatureVerifier signer = new SlackSignatureVerifier(SECRET, Clock.systemUTC());
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 3000; i++) {
            send(http, uri, signer, bytes);
        }
        long[] micros = new long[requests];
        for (int i = 0; i < requests; i++) {
            long t = System.nanoTime();
            send(http, uri, signer, bytes);
            micros[i] = (System.nanoTime() - t) / 1000;
        }
        Arrays.sort(micros);
        int concurrency = 4;
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long t0 = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < concurrency; c++) {
            done.add(pool.submit(() -> {
                for (int i = 0; i < requests / concurrency; i++) {
                    send(http, uri, signer, bytes);
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        double rps = requests / ((System.nanoTime() - t0) / 1e9);
        pool.shutdown();
        System.out.printf("%-48s p50 %5d µs  p90 %5d µs  p99 %5d µs  max %6d µs  | %,6.0f req/s with %d clients%n",
                name, micros[requests / 2], micros[requests * 9 / 10], micros[requests * 99 / 100], micros[requests - 1],
                rps, concurrency);
    }

    private static void send(HttpClient http, URI uri, SlackSignatureVerifier signer, byte[] body) throws Exception {
        String ts = Long.toString(System.currentTimeMillis() / 1000);
        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header(SlackSignatureVerifier.TIMESTAMP_HEADER, ts)
                .header(SlackSignatureVerifier.SIGNATURE_HEADER, signer.sign(ts, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("status " + r.statusCode());
        }
    }
}
