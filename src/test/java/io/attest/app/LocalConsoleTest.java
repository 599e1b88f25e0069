package io.attest.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.attest.knowledge.Fixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Local mode without a browser: the console's JSON API drives the real listeners through signed requests. */
class LocalConsoleTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    @TempDir
    Path intents;
    private Service server;
    private String base;

    @BeforeEach
    void start() throws Exception {
        Fixtures.copyOfFixture(intents);
        server = Wiring.start(TestConfigs.local(intents), false);
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterEach
    void stop() {
        server.shutdown();
    }

    @Test
    void aSlashCommandIsAnsweredPrivatelyThroughTheSameListeners() throws Exception {
        send("{\"channel\":\"C0LOCAL\",\"text\":\"/soc is soc 2 a certification?\"}");
        JsonNode answer = awaitMessage(m -> m.path("user").asText().equals("U0ATTEST"));
        assertTrue(answer.path("ephemeral").asBoolean());
        assertTrue(answer.path("blocks").toString().contains("attestation"));
    }

    @Test
    void aMentionIsAnsweredInItsThreadAndARelatedTopicButtonWorks() throws Exception {
        send("{\"channel\":\"C0LOCAL\",\"text\":\"@attest is soc 2 a certification?\"}");
        JsonNode answer = awaitMessage(m -> m.path("user").asText().equals("U0ATTEST") && !m.path("thread_ts").isNull());
        assertFalse(answer.path("ephemeral").asBoolean());
        send("/local/click", "{\"channel\":\"C0LOCAL\",\"message_ts\":\"" + answer.path("ts").asText()
                + "\",\"action_id\":\"show_answer:0\",\"block_id\":\"answer_related\",\"value\":\"type1_vs_type2\"}");
        JsonNode related = awaitMessage(m -> m.path("blocks").toString().contains("point in time"));
        assertEquals(answer.path("thread_ts").asText(), related.path("thread_ts").asText());
    }

    @Test
    void editsToTheIntentsFolderArePickedUpAndABrokenFileIsReportedNotFatal() throws Exception {
        Path answers = intents.resolve("answers.yml");
        Files.writeString(answers, Files.readString(answers).replace("Type 1 is a point in time", "Type 1 is a single date"));
        // The folder is checked about once a second: ask until the new wording answers.
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        boolean reloaded = false;
        while (!reloaded && System.nanoTime() < deadline) {
            send("{\"channel\":\"D0LOCAL\",\"text\":\"type 1 vs type 2\"}");
            Thread.sleep(300);
            reloaded = state().path("messages").toString().contains("single date");
        }
        assertTrue(reloaded, "the edited answer was never used");

        Files.writeString(intents.resolve("broken.yml"), "intents:\n  - id: [unclosed\n");
        JsonNode state = await(s -> s.path("problems").size() > 0);
        assertTrue(state.path("problems").get(0).asText().startsWith("broken.yml"));
        send("{\"channel\":\"D0LOCAL\",\"text\":\"what is soc 1\"}");
        awaitMessage(m -> m.path("blocks").toString().contains("financial reporting"));
    }

    @Test
    void theReportProfileIsPickedUpLiveAndABrokenOneIsReportedWithFileAndField() throws Exception {
        Files.writeString(intents.resolve("ours.yml"), """
                intents:
                  - id: our_reports
                    title: Which SOC reports do we hold?
                    topic: basics
                    from_profile: reports
                    examples: [do we have a soc 2 report, which soc reports do we hold, have we got a soc 2,
                      do we hold any soc report, what soc reports do we have, is there a soc 2 for us,
                      have we completed a soc 2, what reports can we show customers]
                    answer: "• Each SOC report is an attestation by an independent CPA firm."
                    about: []
                    sources: [Fixture guide]
                """);
        askUntil("which soc reports do we hold", "has not been filled in yet");

        Files.copy(Path.of("intents", "company.example.yml"), intents.resolve("company.yml"));
        askUntil("which soc reports do we hold", "We hold a SOC 2 Type 2 report covering Security, Availability and Confidentiality");

        Files.writeString(intents.resolve("company.yml"), Files.readString(intents.resolve("company.yml"))
                .replace("period_end: 2026-09-30       #", "period_end: 2025-09-30       #"));
        JsonNode state = await(s -> s.path("problems").size() > 0);
        assertEquals("company.yml: reports[1].period_end: 2025-09-30 is not after period_start 2025-10-01",
                state.path("problems").get(0).asText());
        // The last good profile keeps answering.
        int before = answersHolding(state());
        send("{\"channel\":\"D0LOCAL\",\"text\":\"have we got a soc 2\"}");
        await(s -> answersHolding(s) == before + 1);
    }

    private static int answersHolding(JsonNode state) {
        int n = 0;
        for (JsonNode m : state.path("messages")) {
            n += m.path("blocks").toString().contains("We hold a SOC 2 Type 2 report") ? 1 : 0;
        }
        return n;
    }

    /** The folder is checked about once a second: asks in the DM until the answer says {@code expected}. */
    private void askUntil(String question, String expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            send("{\"channel\":\"D0LOCAL\",\"text\":\"" + question + "\"}");
            Thread.sleep(300);
            if (state().path("messages").toString().contains(expected)) {
                return;
            }
        }
        throw new AssertionError("never answered with '" + expected + "': " + state().path("messages"));
    }

    @Nested
    class OnlyTheConsolePageMayDriveIt {

        @Test
        void aRequestFromAnotherSiteIsRefused() throws Exception {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/local/send"))
                    .header("Content-Type", "application/json").header("Origin", "http://evil.example")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"channel\":\"C0LOCAL\",\"text\":\"hi\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(403, r.statusCode());
        }

        @Test
        void aNonJsonBodyIsRefused() throws Exception {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/local/send"))
                    .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(415, r.statusCode());
        }

        @Test
        void brokenJsonIsA400() throws Exception {
            assertEquals(400, send("{not json").statusCode());
        }
    }

    private HttpResponse<String> send(String json) throws Exception {
        return send("/local/send", json);
    }

    private HttpResponse<String> send(String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode awaitMessage(Predicate<JsonNode> which) throws Exception {
        JsonNode state = await(s -> {
            for (JsonNode m : s.path("messages")) {
                if (which.test(m)) {
                    return true;
                }
            }
            return false;
        });
        for (JsonNode m : state.path("messages")) {
            if (which.test(m)) {
                return m;
            }
        }
        throw new AssertionError();
    }

    private JsonNode state() throws Exception {
        return JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/local/state")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    private JsonNode await(Predicate<JsonNode> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonNode state = null;
        while (System.nanoTime() < deadline) {
            state = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/local/state")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            if (condition.test(state)) {
                return state;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("condition not met; last state: " + state);
    }
}
