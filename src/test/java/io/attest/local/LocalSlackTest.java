package io.attest.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.attest.local.LocalSlack.Fault;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The Slack stand-in fails the way Slack fails, and otherwise behaves as Slack's Web API does. */
class LocalSlackTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final LocalSlack slack = start();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @AfterEach
    void stop() {
        slack.close();
    }

    @Test
    void aPostLandsInTheWorkspaceWithItsMetadataListedOnlyWhenAskedFor() throws Exception {
        JsonNode posted = call("chat.postMessage", "channel=C1&text=hello&metadata="
                + enc("{\"event_type\":\"attest_reply\",\"event_payload\":{\"reply_id\":\"r1\"}}"));
        assertTrue(posted.path("ok").asBoolean());
        String ts = posted.path("ts").asText();
        JsonNode plain = call("conversations.history", "channel=C1");
        assertEquals(ts, plain.path("messages").get(0).path("ts").asText());
        assertTrue(plain.path("messages").get(0).path("metadata").isMissingNode());
        JsonNode withMetadata = call("conversations.history", "channel=C1&include_all_metadata=true");
        assertEquals("r1", withMetadata.path("messages").get(0).path("metadata").path("event_payload").path("reply_id").asText());
    }

    @Test
    void repliesListTheThreadAndHistoryListsOnlyTheChannel() throws Exception {
        String root = call("chat.postMessage", "channel=C1&text=root").path("ts").asText();
        call("chat.postMessage", "channel=C1&text=reply&thread_ts=" + root);
        assertEquals(2, call("conversations.replies", "channel=C1&ts=" + root).path("messages").size());
        assertEquals(1, call("conversations.history", "channel=C1").path("messages").size());
        assertEquals(1, call("conversations.replies", "channel=C1&ts=" + root + "&oldest=" + root).path("messages").size(),
                "oldest is exclusive unless inclusive is set");
    }

    @Test
    void aCallWithoutATokenIsNotAuthed() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(slack.apiUrl() + "auth.test"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("not_authed", JSON.readTree(r.body()).path("error").asText());
    }

    @Nested
    class Faults {

        @Test
        void aRateLimitAnswers429WithRetryAfterAndDoesNothing() throws Exception {
            slack.fail("chat.postMessage", Fault.rateLimited(7));
            HttpResponse<String> r = post("chat.postMessage", "channel=C1&text=hi");
            assertEquals(429, r.statusCode());
            assertEquals("7", r.headers().firstValue("Retry-After").orElseThrow());
            assertTrue(slack.workspace().messages("C1").isEmpty());
            assertEquals(200, post("chat.postMessage", "channel=C1&text=hi").statusCode(), "one fault, one call");
        }

        @Test
        void anErrorStatusOrOkFalseDoesNothing() throws Exception {
            slack.fail("chat.postMessage", Fault.status(503));
            slack.fail("chat.postMessage", Fault.notOk("is_archived"));
            assertEquals(503, post("chat.postMessage", "channel=C1&text=hi").statusCode());
            assertEquals("is_archived", call("chat.postMessage", "channel=C1&text=hi").path("error").asText());
            assertTrue(slack.workspace().messages("C1").isEmpty());
        }

        @Test
        void aDroppedConnectionGivesNoAnswerAndDoesNothing() {
            slack.fail("chat.postMessage", Fault.drop());
            assertThrows(IOException.class, () -> post("chat.postMessage", "channel=C1&text=hi"));
            assertTrue(slack.workspace().messages("C1").isEmpty());
        }

        @Test
        void aConnectionDroppedAfterTheWorkGivesNoAnswerButThePostIsThere() {
            slack.fail("chat.postMessage", Fault.dropAfterDoingIt());
            assertThrows(IOException.class, () -> post("chat.postMessage", "channel=C1&text=hi"));
            assertEquals(1, slack.workspace().messages("C1").size());
        }

        @Test
        void aLateAnswerDoesTheWorkFirst() throws Exception {
            slack.fail("chat.postMessage", Fault.lateAnswer(Duration.ofSeconds(5)));
            HttpRequest request = HttpRequest.newBuilder(URI.create(slack.apiUrl() + "chat.postMessage"))
                    .timeout(Duration.ofMillis(300)).header("Authorization", "Bearer xoxb-test")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("channel=C1&text=hi")).build();
            assertThrows(HttpTimeoutException.class, () -> http.send(request, HttpResponse.BodyHandlers.ofString()));
            slack.await(c -> c.method().equals("chat.postMessage") && c.done(), 1);
            assertEquals(1, slack.workspace().messages("C1").size());
        }

        @Test
        void aRevokedTokenFailsEveryMethod() throws Exception {
            slack.rejectTokensWith("token_revoked");
            assertEquals("token_revoked", call("auth.test", "").path("error").asText());
            assertEquals("token_revoked", call("chat.postMessage", "channel=C1&text=hi").path("error").asText());
        }
    }

    @Test
    void aBrowserCannotCallTheApi() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(slack.apiUrl() + "chat.postMessage"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", "http://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString("channel=C0LOCAL&text=pwned")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, r.statusCode());
        assertFalse(slack.workspace().messages("C0LOCAL").stream().anyMatch(m -> m.text().equals("pwned")));
    }

    private JsonNode call(String method, String form) throws Exception {
        return JSON.readTree(post(method, form).body());
    }

    private HttpResponse<String> post(String method, String form) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(slack.apiUrl() + method))
                .header("Authorization", "Bearer xoxb-test").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static LocalSlack start() {
        try {
            return LocalSlack.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
