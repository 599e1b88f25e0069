package io.attest.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.attest.local.LocalSlack;
import io.attest.slack.BlockKit;
import io.attest.slack.SlackSignatureVerifier;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code attest check}: starts the whole service as it runs for Slack, on a free port of 127.0.0.1 with a throw-away
 * database and a local stand-in for Slack's Web API, asks it one signed {@code /soc} question over HTTP, and exits 0
 * only if the answer came back. After a deploy it proves the jar, the content and the model load and answer; the build
 * runs it to record the classes Attest loads, so that start-up can map them from an archive (see Procfile).
 */
final class CheckCommand {

    static final String QUESTION = "is soc 2 a certification?";

    private CheckCommand() {
    }

    static int run(Map<String, String> environment, PrintStream out, PrintStream err) throws Exception {
        long started = System.nanoTime();
        Path data = Files.createTempDirectory("attest-check");
        String secret = Wiring.randomSecret();
        try (LocalSlack slack = LocalSlack.start()) {
            Map<String, String> env = new HashMap<>(environment);
            // The service this checks may be running beside it: its database, its Socket Mode connection and its
            // metrics port are its own. The check answers over HTTP, on a port of its own.
            env.keySet().removeIf(name -> name.equals("DATABASE_URL") || name.equals("SLACK_APP_TOKEN")
                    || name.equals("METRICS_PORT"));
            env.put("SLACK_SIGNING_SECRET", secret);
            env.put("SLACK_BOT_TOKEN", Wiring.LOCAL_TOKEN);
            env.put("SLACK_API_URL", slack.apiUrl());
            env.put("ATTEST_DATA", data.toString());
            env.put("PORT", "0");
            Service service = Wiring.start(Config.fromEnvironment(env), false);
            try {
                long asked = System.nanoTime();
                HttpResponse<String> response = ask(service.port(), secret, slack.apiUrl());
                long answered = System.nanoTime();
                JsonNode ack = response.statusCode() == 200 ? BlockKit.JSON.readTree(response.body()) : null;
                String text = ack == null ? "" : ack.path("text").asText("");
                if (text.isBlank()) {
                    err.println("attest check: /soc was answered " + response.statusCode() + " without an answer");
                    return 1;
                }
                out.printf("attest check: answered a signed /soc in %d ms, %d ms after launch: %s%n",
                        (answered - asked) / 1_000_000, (answered - started) / 1_000_000, firstLine(text));
                return 0;
            } finally {
                service.shutdown();
            }
        } finally {
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** The request Slack sends for {@code /soc is soc 2 a certification?}, signed with the service's secret. */
    private static HttpResponse<String> ask(int port, String secret, String apiUrl) throws IOException, InterruptedException {
        String body = form("command", "/soc", "text", QUESTION, "team_id", "T0CHECK", "team_domain", "check",
                "channel_id", "C0CHECK", "channel_name", "check", "user_id", "U0CHECK", "user_name", "check",
                "api_app_id", "A0CHECK", "response_url", apiUrl + "/commands/T0CHECK/1/check", "trigger_id", "1.2.check");
        String timestamp = Long.toString(Clock.systemUTC().instant().getEpochSecond());
        String signature = new SlackSignatureVerifier(secret, Clock.systemUTC())
                .sign(timestamp, body.getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slack/events"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header(SlackSignatureVerifier.TIMESTAMP_HEADER, timestamp)
                .header(SlackSignatureVerifier.SIGNATURE_HEADER, signature)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String form(String... namesAndValues) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            out.append(i == 0 ? "" : "&").append(namesAndValues[i]).append('=')
                    .append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    private static String firstLine(String text) {
        String line = text.lines().findFirst().orElse("");
        return line.length() > 100 ? line.substring(0, 99) + "…" : line;
    }
}
