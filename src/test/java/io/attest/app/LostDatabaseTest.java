package io.attest.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.attest.local.LocalSlack;
import io.attest.store.TestDatabases;
import io.attest.testing.LogCapture;
import io.attest.testing.SignedClient;
import io.attest.testing.SlackPayloads;
import io.attest.testing.TcpProxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The database goes away while Attest runs (PostgreSQL behind a proxy the test cuts): questions are still answered on
 * every surface, what could not be recorded is logged and counted, and /healthz says so while staying 200.
 */
class LostDatabaseTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private LocalSlack slack;
    private TcpProxy proxy;
    private Service server;
    private SignedClient client;
    private LogCapture logs;

    @BeforeEach
    void start() throws Exception {
        URI database = URI.create(TestDatabases.postgresUrl());
        proxy = new TcpProxy(database.getPort());
        String throughProxy = database.toString().replace(":" + database.getPort() + "/", ":" + proxy.port() + "/");
        slack = LocalSlack.start();
        server = Wiring.start(TestConfigs.forSlack(slack, "DATABASE_URL", throughProxy), false);
        client = new SignedClient(server.port(), TestConfigs.SECRET);
        logs = new LogCapture();
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            logs.close();
            server.shutdown();
            slack.close();
            proxy.close();
        }
    }

    @Test
    void questionsAreStillAnsweredAndWhatCouldNotBeRecordedIsLoggedAndCounted() throws Exception {
        proxy.cut();
        HttpResponse<String> slash = client.post(SlackPayloads.slashCommand("is soc 2 a certification?", "C1", "U1",
                slack.responseUrl("a")));
        assertEquals(200, slash.statusCode());
        assertTrue(slash.body().contains("attestation, not a certification"), slash.body());

        client.post(SlackPayloads.appMention(SlackPayloads.nextEventId(), "C1", "U1", "<@UBOT> what is soc 1?",
                "1700000100.000100", null));
        assertTrue(slack.await("chat.postMessage", 1).get(0).allText().contains("financial reporting"));

        JsonNode health = health();
        for (int i = 0; i < 200 && health.path("store").path("unrecorded").asInt() < 1; i++) {
            Thread.sleep(25);
            health = health();
        }
        assertEquals("ok", health.path("status").asText(), "answering is healthy: " + health);
        assertFalse(health.path("store").path("reachable").asBoolean());
        assertTrue(health.path("store").path("unrecorded").asInt() >= 1, health.toString());
        assertFalse(logs.problems("Not recorded: recording a question").isEmpty());
        assertEquals(1, logs.problems("The database stopped answering").size());
    }

    private JsonNode health() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/healthz")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        return JSON.readTree(r.body());
    }
}
