package io.attest.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.attest.local.LocalSlack;
import io.attest.testing.LogCapture;
import io.attest.testing.SignedClient;
import io.attest.testing.SlackPayloads;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The HTTP edge: slow and broken clients, and signed input of every shape, never get the better of it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpEdgeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private LocalSlack slack;
    private Service service;
    private SignedClient client;

    @BeforeAll
    void start() throws Exception {
        slack = LocalSlack.start();
        service = Wiring.start(TestConfigs.forSlack(slack), false);
        client = new SignedClient(service.port(), TestConfigs.SECRET);
    }

    @AfterAll
    void stop() {
        service.shutdown();
        slack.close();
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class SlowAndBrokenClients {

        @Test
        void hundredsOfUploadsTricklingAByteASecondDoNotBlockOtherRequests() throws Exception {
            // Some ordinary traffic first: a limit that counted the whole server's bytes instead of each request's
            // (as Jetty 12.1's MinimumDataRateHandler does) would stop cutting trickles off after it.
            for (int i = 0; i < 100; i++) {
                client.post(SlackPayloads.slashCommand("what is soc 1? " + "x".repeat(i * 50), "CE", "U1", slack.responseUrl("w")));
            }
            List<Socket> trickles = new ArrayList<>();
            try (LogCapture logs = new LogCapture()) {
                // More than the server has threads: none of them may be held by a client that is slow to send.
                for (int i = 0; i < 300; i++) {
                    Socket s = new Socket("127.0.0.1", service.port());
                    s.getOutputStream().write(("POST /slack/events HTTP/1.1\r\nHost: attest\r\nContent-Type: application/json\r\n"
                            + "Content-Length: 500\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
                    trickles.add(s);
                }
                Thread trickler = new Thread(() -> trickle(trickles));
                trickler.setDaemon(true);
                trickler.start();

                HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + service.port() + "/healthz")).timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, health.statusCode());
                HttpResponse<String> answer = client.post(SlackPayloads.slashCommand("is soc 2 a certification?", "CE", "U1",
                        slack.responseUrl("slow")));
                assertEquals(200, answer.statusCode());
                assertTrue(answer.body().contains("attestation"));

                assertEquals(300, trickles.stream().filter(HttpEdgeTest::cutOff).count(), "every trickle is cut off, not served");
                assertEquals(List.of(), logs.at(Level.ERROR), "a slow client is not an error of ours");
            } finally {
                for (Socket s : trickles) {
                    s.close();
                }
            }
        }

        @Test
        void anUploadAbandonedHalfwayIsNotAnErrorAndTheServerCarriesOn() throws Exception {
            try (LogCapture logs = new LogCapture()) {
                for (int i = 0; i < 20; i++) {
                    try (Socket s = new Socket("127.0.0.1", service.port())) {
                        s.getOutputStream().write(("POST /slack/events HTTP/1.1\r\nHost: attest\r\nContent-Type: application/json\r\n"
                                + "Content-Length: 1000\r\n\r\n{\"type\":\"event_callback\"").getBytes(StandardCharsets.US_ASCII));
                        s.getOutputStream().flush();
                    }
                }
                assertEquals(200, client.post(SlackPayloads.slashCommand("help", "CE", "U1", slack.responseUrl("h"))).statusCode());
                assertEquals(List.of(), logs.events().stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN)).toList());
            }
        }

        @Test
        void aBodyDeclaredTooLargeIsRefusedBeforeItIsRead() throws Exception {
            try (Socket s = new Socket("127.0.0.1", service.port())) {
                s.setSoTimeout(20_000);
                s.getOutputStream().write(("POST /slack/events HTTP/1.1\r\nHost: attest\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 5000000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                String status = new String(s.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
                assertEquals("HTTP/1.1 413", status);
            }
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class SignedInputOfEveryShape {

        @Test
        void aTruncatedSignedEventIsA400NotA500() throws Exception {
            String event = SlackPayloads.appMention("Ev-trunc", "CT", "U1", "<@U0ATTEST> what is soc 1?", "1700007000.000100", null);
            int typeAt = event.indexOf("\"type\":\"app_") + "\"type\":\"app_".length();
            HttpResponse<String> r = client.post(event.substring(0, typeAt));
            assertEquals(400, r.statusCode(), r.body());
        }

        @Test
        void noTruncationMutationOrDeletionOfAValidPayloadGivesA5xxOrAnError() throws Exception {
            List<String> bodies = new ArrayList<>();
            for (String valid : validBodies()) {
                for (int end = 0; end < valid.length(); end += valid.length() > 400 ? 5 : 1) {
                    bodies.add(valid.substring(0, end));
                }
                bodies.addAll(mutations(valid));
            }
            try (LogCapture logs = new LogCapture()) {
                List<String> failures = new ArrayList<>();
                for (String body : bodies) {
                    int status = client.post(body).statusCode();
                    // 404: a command or button Attest has no listener for (the fuzz renamed it).
                    if (status != 200 && status != 400 && status != 404) {
                        failures.add(status + " for " + body);
                    }
                }
                slack.settle();
                assertEquals(List.of(), failures);
                assertEquals(List.of(), logs.at(Level.ERROR).stream().map(e -> e.getFormattedMessage()).toList(),
                        "no listener or job failed on any of " + bodies.size() + " bodies");
            }
        }

        /** One body of every kind Slack sends Attest, as Slack sends it. */
        private List<String> validBodies() {
            String url = slack.responseUrl("fuzz");
            List<String> bodies = new ArrayList<>(List.of(
                    SlackPayloads.slashCommand("is soc 2 a certification?", "CZ", "U1", url),
                    SlackPayloads.slashCommand("triage Acme", "CZ", "U1", url),
                    SlackPayloads.appMention("Ev-fz1", "CZ", "U1", "<@U0ATTEST> what is soc 1?", "1700007100.000100", null),
                    SlackPayloads.directMessage("Ev-fz2", "DZ", "U1", "triage Acme", "1700007100.000200"),
                    SlackPayloads.urlVerification("challenge")));
            for (String action : List.of("share_answer", "show_answer:0", "show_topics", "start_triage", "triage_restart")) {
                bodies.add(SlackPayloads.blockAction(action, "soc1_what", "CZ", "U1", url, false, "1700007100.000300", null));
            }
            ArrayNode blocks = JSON.createArrayNode();
            ObjectNode actions = blocks.addObject().put("type", "actions").put("block_id", "triage_q:financial_impact");
            actions.putArray("elements").addObject().put("type", "button").put("action_id", "triage_answer:financial_impact:yes")
                    .put("value", "{\"f\":\"Acme\",\"s\":\"U1\",\"r\":\"1700007100.000400\",\"n\":0,\"a\":{}}");
            bodies.add(SlackPayloads.click(blocks, "1700007100.000500", "1700007100.000400", "triage_answer:financial_impact:yes",
                    "CZ", "U2", url));
            return bodies;
        }
    }

    /**
     * Every field of the body's JSON (the event, or the form's payload) taken away, or given another type, one at a
     * time; and for a form, every parameter taken away.
     */
    private static List<String> mutations(String body) throws IOException {
        List<String> out = new ArrayList<>();
        if (body.startsWith("{")) {
            JsonNode root = JSON.readTree(body);
            eachVariant(root, variant -> out.add(variant.toString()));
            return out;
        }
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            form.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        for (String key : form.keySet()) {
            Map<String, String> without = new LinkedHashMap<>(form);
            without.remove(key);
            out.add(encode(without));
        }
        if (form.containsKey("payload")) {
            eachVariant(JSON.readTree(form.get("payload")), variant -> {
                Map<String, String> changed = new LinkedHashMap<>(form);
                changed.put("payload", variant.toString());
                out.add(encode(changed));
            });
        }
        return out;
    }

    private static void eachVariant(JsonNode root, Consumer<JsonNode> sink) {
        List<JsonNode> replacements = List.of(JsonNodeFactory.instance.objectNode(), JsonNodeFactory.instance.arrayNode(),
                JsonNodeFactory.instance.numberNode(42), JsonNodeFactory.instance.nullNode(), JsonNodeFactory.instance.textNode(""));
        List<List<Object>> paths = new ArrayList<>();
        collectPaths(root, new ArrayList<>(), paths);
        for (List<Object> path : paths) {
            JsonNode copy = root.deepCopy();
            remove(copy, path);
            sink.accept(copy);
            for (JsonNode replacement : replacements) {
                JsonNode changed = root.deepCopy();
                replace(changed, path, replacement);
                sink.accept(changed);
            }
        }
    }

    private static void collectPaths(JsonNode node, List<Object> at, List<List<Object>> paths) {
        if (node.isObject()) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                List<Object> path = new ArrayList<>(at);
                path.add(name);
                paths.add(path);
                collectPaths(node.get(name), path, paths);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                List<Object> path = new ArrayList<>(at);
                path.add(i);
                paths.add(path);
                collectPaths(node.get(i), path, paths);
            }
        }
    }

    private static JsonNode parent(JsonNode root, List<Object> path) {
        JsonNode node = root;
        for (Object step : path.subList(0, path.size() - 1)) {
            node = step instanceof Integer i ? node.get(i) : node.get((String) step);
        }
        return node;
    }

    private static void remove(JsonNode root, List<Object> path) {
        JsonNode parent = parent(root, path);
        Object last = path.get(path.size() - 1);
        if (parent instanceof ObjectNode o) {
            o.remove((String) last);
        } else if (parent instanceof ArrayNode a) {
            a.remove((Integer) last);
        }
    }

    private static void replace(JsonNode root, List<Object> path, JsonNode value) {
        JsonNode parent = parent(root, path);
        Object last = path.get(path.size() - 1);
        if (parent instanceof ObjectNode o) {
            o.set((String) last, value);
        } else if (parent instanceof ArrayNode a) {
            a.set((Integer) last, value);
        }
    }

    private static String encode(Map<String, String> form) {
        List<String> pairs = new ArrayList<>();
        form.forEach((k, v) -> pairs.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return String.join("&", pairs);
    }

    /** One byte a second to every connection still open, for up to a minute. */
    private static void trickle(List<Socket> sockets) {
        for (int second = 0; second < 60; second++) {
            for (Socket s : sockets) {
                try {
                    OutputStream out = s.getOutputStream();
                    out.write(' ');
                    out.flush();
                } catch (IOException e) {
                    // cut off by the server: what is expected
                }
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** True once the server answered the trickling connection (a 408) or closed it. */
    private static boolean cutOff(Socket s) {
        try {
            s.setSoTimeout(30_000);
            return s.getInputStream().read() != -2;
        } catch (IOException e) {
            return true;
        }
    }
}
