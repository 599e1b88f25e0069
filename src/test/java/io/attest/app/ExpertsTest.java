package io.attest.app;

import static io.attest.app.FeedbackAndGapsTest.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.attest.local.LocalSlack;
import io.attest.local.LocalSlack.Call;
import io.attest.local.LocalSlack.Fault;
import io.attest.local.SlackRequests;
import io.attest.testing.SignedClient;
import io.attest.testing.SlackPayloads;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * "Ask the compliance team": the question goes to the experts' channel, the first reply in its thread comes back to
 * the asker where they asked, and an owner turns the exchange into a draft intent that `drafts` prints.
 */
class ExpertsTest {

    private static final String EXPERTS = "C0EXPERTS";
    private static final String OWNER = FeedbackAndGapsTest.OWNER;
    private static final ObjectMapper JSON = new ObjectMapper();

    private LocalSlack slack;
    private Service server;
    private SignedClient client;
    private String data;

    @BeforeEach
    void start() throws Exception {
        slack = LocalSlack.start();
        data = TestConfigs.dataFolder();
        server = Wiring.start(TestConfigs.forSlack(slack, "ATTEST_DATA", data, "ATTEST_OWNERS", OWNER,
                "ATTEST_EXPERTS_CHANNEL", EXPERTS), false);
        client = new SignedClient(server.port(), TestConfigs.SECRET);
    }

    @AfterEach
    void stop() {
        server.shutdown();
        slack.close();
    }

    @Test
    void aDeclinedQuestionGoesToTheExpertsAndTheFirstReplyComesBackToTheAskerOnly() throws Exception {
        Call post = escalate("how much does a soc 2 audit cost in euros", "U1");
        assertTrue(post.allText().contains("Question from <@U1>"), post.allText());
        assertTrue(post.allText().contains("how much does a soc 2 audit cost in euros"));
        assertTrue(post.allText().contains("Attest could not answer it"));
        assertTrue(slack.await("response_url", 1).get(0).allText().contains("I've asked the compliance team"));

        reply(post.ts(), "U0EXPERT", "Between 20k and 60k EUR depending on scope; ask finance for our quote.");
        Call relayed = slack.await("chat.postEphemeral", 1).get(0);
        assertEquals("C1", relayed.param("channel"));
        assertEquals("U1", relayed.param("user"), "a /soc question's answer comes back privately");
        assertTrue(relayed.allText().contains("Between 20k and 60k EUR"), relayed.allText());
        Call sent = slack.await(c -> c.method().equals("chat.postMessage") && post.ts().equals(c.param("thread_ts")), 1).get(0);
        assertTrue(sent.allText().contains("Sent to <@U1>"));
        assertTrue(sent.allText().contains("make_draft"));

        reply(post.ts(), "U0OTHER", "A second opinion");
        slack.settle();
        assertEquals(1, slack.calls("chat.postEphemeral").size(), "only the first reply is relayed");
    }

    @Test
    void aQuestionAskedInAThreadGetsTheAnswerInThatThread() throws Exception {
        client.post(SlackPayloads.appMention(SlackPayloads.nextEventId(), "C1", "U1",
                "<@UBOT> how much does a soc 2 audit cost in euros", "1700000100.000100", null));
        Call answer = slack.await("chat.postMessage", 1).get(0);
        client.post(SlackPayloads.blockAction("ask_experts", value(answer.blocks(), "ask_experts"), "C1", "U1",
                slack.responseUrl("ask"), false, answer.ts(), "1700000100.000100"));
        Call post = slack.await(c -> c.method().equals("chat.postMessage") && EXPERTS.equals(c.param("channel")), 1).get(0);
        slack.await(c -> c.method().equals("response_url") && c.allText().contains("I've asked the compliance team"), 1);
        reply(post.ts(), "U0EXPERT", "It depends on scope.");
        Call relayed = slack.await(c -> c.method().equals("chat.postMessage") && "C1".equals(c.param("channel")), 2).get(1);
        assertEquals("1700000100.000100", relayed.param("thread_ts"));
        assertTrue(relayed.allText().contains("It depends on scope."));
    }

    @Test
    void anOwnerTurnsTheExchangeIntoADraftThatTheDraftsCommandPrints() throws Exception {
        Call post = escalate("how much does a soc 2 audit cost in euros", "U1");
        reply(post.ts(), "U0EXPERT", "Between 20k and 60k EUR depending on scope.");
        Call sent = slack.await(c -> c.method().equals("chat.postMessage") && post.ts().equals(c.param("thread_ts")), 1).get(0);
        String escalation = value(sent.blocks(), "make_draft");

        client.post(SlackPayloads.blockAction("make_draft", escalation, EXPERTS, "U0EXPERT", slack.responseUrl("not-owner"),
                false, sent.ts(), post.ts()));
        assertTrue(slack.await(c -> "not-owner".equals(c.responseUrlId()), 1).get(0).allText().contains("Only Attest's content owners"));

        client.post(SlackPayloads.blockAction("make_draft", escalation, EXPERTS, OWNER, slack.responseUrl("draft"),
                false, sent.ts(), post.ts()));
        Call shown = slack.await(c -> "draft".equals(c.responseUrlId()), 1).get(0);
        assertTrue(shown.allText().contains("id: draft_how_much_does_a_soc_2"), shown.allText());
        assertTrue(shown.allText().contains("Between 20k and 60k EUR"));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = DraftsCommand.run(Config.fromEnvironment(java.util.Map.of("ATTEST_DATA", data)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
        assertEquals(0, code);
        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("intents:") && printed.contains("title: how much does a soc 2 audit cost in euros"), printed);
        JsonNode yaml = new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(
                printed.substring(printed.indexOf("intents:")));
        assertEquals("Between 20k and 60k EUR depending on scope.\n", yaml.path("intents").get(0).path("answer").asText());
    }

    @Nested
    class WhenItCannotBeDone {

        @Test
        void theAskerIsToldWhenTheExpertsChannelRefusesThePost() throws Exception {
            slack.botIsNotIn(EXPERTS);
            JsonNode decline = ask("how much does a soc 2 audit cost in euros", "U1");
            client.post(SlackPayloads.blockAction("ask_experts", value(decline, "ask_experts"), "C1", "U1",
                    slack.responseUrl("ask"), true, null, null));
            Call told = slack.await("response_url", 1).get(0);
            assertTrue(told.allText().contains("couldn't reach the compliance team"), told.allText());
        }

        @Test
        void aDoubleClickAsksOnce() throws Exception {
            JsonNode decline = ask("how much does a soc 2 audit cost in euros", "U1");
            slack.fail("chat.postMessage", Fault.delay(java.time.Duration.ofMillis(300)));
            String click = SlackPayloads.blockAction("ask_experts", value(decline, "ask_experts"), "C1", "U1",
                    slack.responseUrl("ask"), true, null, null);
            client.post(click);
            client.post(click);
            slack.await("chat.postMessage", 1);
            assertEquals(1, slack.settle().stream().filter(c -> c.method().equals("chat.postMessage")).count());
        }
    }

    private JsonNode ask(String question, String user) throws Exception {
        return JSON.readTree(client.post(SlackPayloads.slashCommand(question, "C1", user, slack.responseUrl("q"))).body());
    }

    /** Asks privately, then "Ask the compliance team": the post in the experts' channel. */
    private Call escalate(String question, String user) throws Exception {
        JsonNode decline = ask(question, user);
        assertFalse(decline.toString().contains("feedback_helpful"), "a decline is not an answer to vote on");
        client.post(SlackPayloads.blockAction("ask_experts", value(decline, "ask_experts"), "C1", user,
                slack.responseUrl("ask"), true, null, null));
        Call post = slack.await(c -> c.method().equals("chat.postMessage") && EXPERTS.equals(c.param("channel")), 1).get(0);
        assertEquals(null, post.param("thread_ts"));
        // Told once the post is recorded with its ts, so a reply from here on is matched to it.
        slack.await(c -> c.method().equals("response_url") && c.allText().contains("I've asked the compliance team"), 1);
        return post;
    }

    private void reply(String threadTs, String expert, String text) throws Exception {
        assertEquals(200, client.post(SlackRequests.event(SlackPayloads.nextEventId(),
                SlackRequests.channelMessage(EXPERTS, expert, text, "1800000000." + System.nanoTime() % 1_000_000, threadTs)))
                .statusCode());
    }
}
