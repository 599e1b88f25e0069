package io.attest.app;

import io.attest.knowledge.KnowledgeBase;
import io.attest.slack.SlackSignatureVerifier;
import io.attest.local.LocalSlack;
import io.attest.testing.SlackPayloads;
import io.javalin.Javalin;
import java.io.IOException;
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
 *   <li>knowledge base load time (the first load in a fresh JVM) and matching throughput on one thread</li>
 *   <li>/soc ack latency and throughput of the real jar in its own JVM (Slack's Web API faked on 127.0.0.1), next to
 *       baselines that verify the same signed request and return the very same bytes: a bare Javalin handler (in
 *       this JVM), Bolt for Java on its own Jetty server and Bolt for JavaScript (their own processes, built by
 *       bench/run; skipped when not built)</li>
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
        try (LocalSlack slack = LocalSlack.start()) {
            // Attest runs as its real jar in its own JVM, like the Bolt baselines; Slack's Web API is faked.
            List<Process> started = new ArrayList<>();
            java.util.Map<String, Integer> targets = new java.util.LinkedHashMap<>();
            startBaseline(started, targets, "Attest jar /soc (full stack, answer in the ack)", 3100, Path.of("target/attest.jar"),
                    attestCommand(),
                    java.util.Map.of("SLACK_BOT_TOKEN", "xoxb-bench", "PORT", "3100", "SLACK_API_URL", slack.apiUrl()));
            int attestPort = targets.get("Attest jar /soc (full stack, answer in the ack)");
            // The same with /metrics on: what counting costs on the ack path.
            startBaseline(started, targets, "Attest jar /soc, metrics on (METRICS_TOKEN)", 3103, Path.of("target/attest.jar"),
                    attestCommand(), java.util.Map.of("SLACK_BOT_TOKEN", "xoxb-bench", "PORT", "3103", "SLACK_API_URL", slack.apiUrl(),
                            "METRICS_TOKEN", "bench-metrics-token-0123456789"));
            String body = SlackPayloads.slashCommand("is soc 2 a certification?", "C1", "U1", slack.responseUrl("b"));
            // The baselines return the very reply Attest gives, so all of them write the same bytes.
            String reply = firstReply(attestPort, body);
            Javalin bare = bareJavalin(reply);
            Path replyFile = Files.writeString(Path.of("target/bench-reply.json"), reply);
            targets.put("bare Javalin in the harness JVM: verify, same reply", bare.port());
            startBaseline(started, targets, "Bolt for Java 1.45.3 on its Jetty server", 3101,
                    Path.of("bench/bolt-jetty/target/bolt-jetty-soc.jar"), List.of("java", "-cp",
                            "bench/bolt-jetty/target/bolt-jetty-soc.jar:" + readOrEmpty("bench/bolt-jetty/target/classpath.txt"),
                            "BoltJettySoc", "3101", replyFile.toString()), java.util.Map.of());
            startBaseline(started, targets, "Bolt for JavaScript 5.1.0 (Node " + nodeVersion() + ")", 3102,
                    Path.of("bench/bolt-js/node_modules/@slack/bolt"), List.of("node", "bench/bolt-js/soc.js", "3102", replyFile.toString()), java.util.Map.of());
            // Measured twice, alternating, so none gets another's warm-up.
            for (int round = 1; round <= 2; round++) {
                System.out.println("round " + round);
                for (var target : targets.entrySet()) {
                    report(target.getKey(), target.getValue(), body, requests);
                }
            }
            started.forEach(Process::destroy);
            bare.stop();
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

    /** Starts an external baseline if it has been built (bench/run builds them), and waits for its port. */
    private static void startBaseline(List<Process> started, java.util.Map<String, Integer> targets, String name, int port,
                                      Path builtMarker, List<String> command, java.util.Map<String, String> env)
            throws Exception {
        if (!Files.exists(builtMarker)) {
            System.out.println("(skipped " + name + ": not built)");
            return;
        }
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("SLACK_SIGNING_SECRET", SECRET);
        pb.environment().putAll(env);
        Process p = pb.start();
        started.add(p);
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
                targets.put(name, port);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        p.destroy();
        System.out.println("(skipped " + name + ": did not start)");
    }

    /** {@code -Dbench.attestJvm="-XX:..."} passes options to Attest's JVM (for profiling it under this load). */
    private static List<String> attestCommand() {
        List<String> command = new ArrayList<>(List.of("java"));
        String extra = System.getProperty("bench.attestJvm", "");
        if (!extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.addAll(List.of("-jar", "target/attest.jar", "serve"));
        return command;
    }

    private static String readOrEmpty(String file) throws IOException {
        Path p = Path.of(file);
        return Files.exists(p) ? Files.readString(p).strip() : "";
    }

    private static String nodeVersion() {
        try {
            Process p = new ProcessBuilder("node", "--version").start();
            return new String(p.getInputStream().readAllBytes()).strip();
        } catch (IOException e) {
            return "?";
        }
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
