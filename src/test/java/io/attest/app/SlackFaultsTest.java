package io.attest.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.attest.local.LocalSlack;
import io.attest.local.LocalSlack.Call;
import io.attest.local.LocalSlack.Fault;
import io.attest.local.LocalWorkspace;
import io.attest.testing.LogCapture;
import io.attest.testing.SignedClient;
import io.attest.testing.SlackPayloads;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Slack surface against a Web API that fails the way Slack fails: what Slack did not do, or may not have done,
 * is delivered once; what Slack refuses for good is told to the person and logged once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlackFaultsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger IDS = new AtomicInteger();
    private LocalSlack slack;
    private Service service;
    private SignedClient client;
    private LogCapture logs;

    @BeforeAll
    void start() throws Exception {
        slack = LocalSlack.start();
        // One attempt may take a second: an answer that comes later is a timeout.
        service = Wiring.start(TestConfigs.forSlack(slack, "ATTEST_SLACK_TIMEOUT", "1s"), false);
        client = new SignedClient(service.port(), TestConfigs.SECRET);
    }

    @AfterAll
    void stop() {
        service.shutdown();
        slack.close();
    }

    @org.junit.jupiter.api.BeforeEach
    void capture() {
        logs = new LogCapture();
    }

    @AfterEach
    void release() {
        slack.heal();
        logs.close();
    }

    /** Where a person asks, what Attest posts in return, and how it tells them when it cannot. */
    enum Surface {
        MENTION("chat.postMessage"),
        DIRECT_MESSAGE("chat.postMessage"),
        SOC_TRIAGE("chat.postMessage"),
        SHARE("chat.postMessage"),
        RELATED_TOPIC_IN_A_THREAD("chat.postMessage"),
        RELATED_TOPIC_IN_A_PRIVATE_REPLY("response_url"),
        TRIAGE_CLICK("chat.update");

        final String method;

        Surface(String method) {
            this.method = method;
        }
    }

    static Stream<Arguments> transientFaults() {
        List<Fault> faults = List.of(Fault.rateLimited(1), Fault.status(500), Fault.status(503), Fault.drop(),
                Fault.dropAfterDoingIt(), Fault.lateAnswer(Duration.ofSeconds(2)));
        return Stream.of(Surface.values()).flatMap(s -> faults.stream().map(f -> Arguments.of(s, f)));
    }

    @ParameterizedTest(name = "{0} after {1}")
    @MethodSource("transientFaults")
    void aTransientFaultIsRiddenOutAndTheAnswerArrivesOnce(Surface surface, Fault fault) throws Exception {
        String channel = channelFor(surface);
        Asked asked = prepare(surface, channel);
        slack.fail(surface.method, fault);
        ask(surface, asked);
        assertDeliveredOnce(surface, asked);
    }

    static Stream<Surface> surfacesThatPost() {
        return Stream.of(Surface.MENTION, Surface.DIRECT_MESSAGE, Surface.SOC_TRIAGE, Surface.SHARE,
                Surface.RELATED_TOPIC_IN_A_THREAD, Surface.TRIAGE_CLICK);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("surfacesThatPost")
    void aPermanentRefusalIsToldToThePersonAndLoggedOnce(Surface surface) throws Exception {
        String channel = channelFor(surface);
        Asked asked = prepare(surface, channel);
        slack.fail(surface.method, Fault.notOk("is_archived"));
        ask(surface, asked);
        Call told = slack.await(c -> c.done() && (c.method().equals("chat.postEphemeral") && channel.equals(c.param("channel"))
                || c.method().equals("response_url") && c.responseUrlId().endsWith("-" + channel)), 1).get(0);
        assertTrue(told.allText().contains("the channel is archived"), told.allText());
        awaitIdle();
        assertEquals(1, logs.problems(surface.method + " failed: is_archived").size(), "logged once");
        assertTrue(logs.problems(surface.method + " failed: is_archived").get(0).getFormattedMessage().matches(".*\\[[A-Za-z0-9-]+\\]$"),
                "with the job's correlation id");
        assertEquals(0, listed(channel).stream().filter(m -> !asked.before().contains(m.ts())).count(), "nothing posted");
    }

    @Test
    void aMentionsCorrelationIdIsSlacksEventId() throws Exception {
        slack.fail("chat.postMessage", Fault.notOk("msg_too_long"));
        String eventId = "Ev-corr-" + IDS.incrementAndGet();
        client.post(SlackPayloads.appMention(eventId, "CCORR", "U1", "<@U0ATTEST> what is soc 1?", "1700003000.000100", null));
        slack.await("chat.postEphemeral", 1);
        assertEquals(1, logs.problems("chat.postMessage failed: msg_too_long", "[" + eventId + "]").size());
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class WhenSlackRefusesTheTokenAtRunTime {

        @Test
        void itIsLoggedLoudlyAndHealthzTurnsUnhealthyWithTheReason() throws Exception {
            LocalSlack revoked = LocalSlack.start();
            Service other = Wiring.start(TestConfigs.forSlack(revoked), false);
            try (LogCapture errors = new LogCapture()) {
                assertEquals(200, health(other).statusCode());
                revoked.rejectTokensWith("token_revoked");
                new SignedClient(other.port(), TestConfigs.SECRET).post(SlackPayloads.appMention("Ev-revoked", "CREV", "U1",
                        "<@U0ATTEST> what is soc 1?", "1700004000.000100", null));
                revoked.await(c -> c.method().equals("chat.postMessage"), 1);
                HttpResponse<String> health = awaitUnhealthy(other);
                assertEquals(503, health.statusCode());
                JsonNode body = JSON.readTree(health.body());
                assertEquals("unhealthy", body.path("status").asText());
                assertTrue(body.path("reason").asText().contains("token_revoked"), health.body());
                assertEquals(1, errors.problems("chat.postMessage failed: token_revoked", "SLACK_BOT_TOKEN").size());
                assertEquals(0, revoked.calls("chat.postEphemeral").size(), "no point trying another way without a token");

                // A click has a response_url, which needs no token: the clicker is told what is wrong.
                new SignedClient(other.port(), TestConfigs.SECRET).post(SlackPayloads.blockAction("share_answer", "soc1_what",
                        "CREV", "U1", revoked.responseUrl("revoked-share"), true, null, null));
                Call told = revoked.await(c -> c.method().equals("response_url") && "revoked-share".equals(c.responseUrlId()), 1).get(0);
                assertTrue(told.allText().contains("an admin needs to reinstall Attest"), told.allText());
            } finally {
                other.shutdown();
                revoked.close();
            }
        }
    }

    /** What a test asked: where, and what was there before (a triage thread started for a click). */
    record Asked(String channel, String eventId, String rootTs, Call question, List<String> before) {
    }

    private Asked prepare(Surface surface, String channel) throws Exception {
        if (surface != Surface.TRIAGE_CLICK) {
            return new Asked(channel, "Ev-f" + IDS.incrementAndGet(), null, null, List.of());
        }
        client.post(SlackPayloads.slashCommand("triage Acme", channel, "U1", slack.responseUrl("start")));
        List<Call> posts = slack.await(c -> c.method().equals("chat.postMessage") && channel.equals(c.param("channel")) && c.done(), 2);
        return new Asked(channel, null, posts.get(0).ts(), posts.get(1), listed(channel).stream().map(LocalWorkspace.Message::ts).toList());
    }

    private void ask(Surface surface, Asked a) throws Exception {
        String ch = a.channel();
        String body = switch (surface) {
            case MENTION -> SlackPayloads.appMention(a.eventId(), ch, "U1", "<@U0ATTEST> what is soc 1?", "1700002000.000100", null);
            case DIRECT_MESSAGE -> SlackPayloads.directMessage(a.eventId(), ch, "U1", "what is soc 1?", "1700002000.000200");
            case SOC_TRIAGE -> SlackPayloads.slashCommand("triage Acme", ch, "U1", slack.responseUrl("triage-" + ch));
            case SHARE -> SlackPayloads.blockAction("share_answer", "soc1_what", ch, "U1", slack.responseUrl("share-" + ch),
                    true, null, null);
            case RELATED_TOPIC_IN_A_THREAD -> SlackPayloads.blockAction("show_answer:1", "soc1_what", ch, "U2",
                    slack.responseUrl("rel-" + ch), false, "1700002000.000400", "1700002000.000300");
            case RELATED_TOPIC_IN_A_PRIVATE_REPLY -> SlackPayloads.blockAction("show_answer:0", "soc1_what", ch, "U2",
                    slack.responseUrl("prv-" + ch), true, null, null);
            case TRIAGE_CLICK -> SlackPayloads.click(a.question().blocks(), a.question().ts(), a.rootTs(),
                    "triage_answer:financial_impact:yes", ch, "U2", slack.responseUrl("click-" + ch));
        };
        assertEquals(200, client.post(body).statusCode());
    }

    private void assertDeliveredOnce(Surface surface, Asked a) throws Exception {
        String ch = a.channel();
        switch (surface) {
            case MENTION, DIRECT_MESSAGE, RELATED_TOPIC_IN_A_THREAD -> {
                awaitListed(ch, 1);
                assertEquals(1, listed(ch).size(), "one answer: " + listed(ch));
                assertTrue(listed(ch).get(0).text().contains("financial reporting"));
            }
            case SOC_TRIAGE -> {
                awaitListed(ch, 2);
                assertEquals(2, listed(ch).size(), "one root and one first question: " + listed(ch));
            }
            case SHARE -> {
                awaitListed(ch, 1);
                assertEquals(1, listed(ch).size());
                assertTrue(listed(ch).get(0).blocks().toString().contains("Shared by <@U1>"));
                slack.await(c -> c.method().equals("response_url") && c.done() && c.responseUrlId().equals("share-" + ch)
                        && c.json().path("delete_original").asBoolean(), 1);
            }
            case RELATED_TOPIC_IN_A_PRIVATE_REPLY -> {
                Call replaced = slack.await(c -> c.method().equals("response_url") && c.done()
                        && c.responseUrlId().equals("prv-" + ch), 1).get(0);
                assertTrue(replaced.allText().contains("financial reporting"));
                assertTrue(replaced.json().path("replace_original").asBoolean(), "a replacement: sent twice, shown once");
            }
            case TRIAGE_CLICK -> {
                awaitListed(ch, 3);
                awaitIdle();
                List<LocalWorkspace.Message> thread = listed(ch);
                assertEquals(3, thread.size(), "root, answered question, next question: " + thread);
                assertTrue(thread.get(1).blocks().toString().contains("answered by <@U2>"));
                assertEquals(1, thread.stream().filter(m -> m.blocks().toString().contains("triage_q:customer_data")).count());
            }
            default -> throw new IllegalStateException();
        }
        awaitIdle();
        if (surface != Surface.TRIAGE_CLICK && surface != Surface.SOC_TRIAGE && surface != Surface.RELATED_TOPIC_IN_A_PRIVATE_REPLY) {
            assertEquals(1, listed(ch).size(), "still one, once everything settled");
        }
    }

    /** Waits until the service has no work waiting or running: whatever it was going to post, it has posted. */
    private void awaitIdle() throws Exception {
        long limit = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < limit) {
            JsonNode work = JSON.readTree(health(service).body()).path("work");
            if (work.path("running").asInt() == 0 && work.path("waiting").asInt() == 0) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the service never became idle");
    }

    private List<LocalWorkspace.Message> listed(String channel) {
        return slack.workspace().messages(channel).stream().filter(m -> m.visibleTo() == null).toList();
    }

    private void awaitListed(String channel, int count) {
        slack.await(c -> listed(channel).size() >= count, 1);
    }

    private static String channelFor(Surface surface) {
        return (surface == Surface.DIRECT_MESSAGE ? "D" : "C") + "F" + IDS.incrementAndGet();
    }

    private static HttpResponse<String> health(Service s) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + "/healthz"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> awaitUnhealthy(Service s) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        HttpResponse<String> r = health(s);
        while (r.statusCode() == 200 && System.nanoTime() < deadline) {
            Thread.sleep(20);
            r = health(s);
        }
        return r;
    }
}
