package io.attest.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.attest.local.LocalSlack;
import io.attest.local.LocalSlack.Call;
import io.attest.local.LocalSlack.Fault;
import io.attest.testing.SignedClient;
import io.attest.testing.SlackPayloads;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A whole guided triage thread, driven only by signed button clicks, against a fake Slack Web API. */
class TriageThreadTest {

    private static final String CHANNEL = "CDEALS";
    private LocalSlack slack;
    private Service server;
    private SignedClient client;
    private String rootTs;

    @BeforeEach
    void start() throws Exception {
        slack = LocalSlack.start();
        boot();
    }

    @AfterEach
    void stop() {
        server.shutdown();
        slack.close();
    }

    @Test
    void aThreadRunsFromTheCommandToTheRecommendationCardThroughItsButtonsAlone() throws Exception {
        startTriage("Acme Corp");
        Call root = slack.calls("chat.postMessage").get(0);
        assertNull(root.param("thread_ts"), "the root message is in the channel");
        assertTrue(root.allText().contains("SOC report triage for Acme Corp"));
        assertTrue(root.allText().contains("started by <@U1>"));

        answer("financial_impact", "no", "U1");
        answer("customer_data", "yes", "U1");
        answer("requester", "security", "U1");
        answer("first_audit_soon", "yes", "U1");
        answer("availability", "yes", "U1");
        answer("processing_integrity", "no", "U1");
        answer("confidentiality", "no", "U1");
        answer("privacy", "yes", "U1");

        assertRecommendation("SOC 2", "Security, Availability and Privacy");
    }

    @Test
    void metricsCountAThreadStartedAndCompletedWithTheReportsItRecommended() throws Exception {
        String token = "triage-metrics-token-0123456789";
        server.shutdown();
        boot("METRICS_TOKEN", token);
        startTriage("Acme Corp");
        // Counted once Attest has Slack's answer to the first question's post, a moment after Slack made it.
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (io.attest.testing.PrometheusText.scrape(server.port(), token).value("attest_triage_started_total") < 1
                && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(1.0, io.attest.testing.PrometheusText.scrape(server.port(), token).value("attest_triage_started_total"));
        answer("financial_impact", "yes", "U1");
        answer("customer_data", "no", "U1");
        answer("requester", "auditor", "U1");
        answer("first_audit_soon", "no", "U1");
        assertRecommendation("SOC 1", null);
        slack.await(c -> c.method().equals("chat.update") && rootTs.equals(c.ts()), 1);
        io.attest.testing.PrometheusText metrics = io.attest.testing.PrometheusText.scrape(server.port(), token);
        assertEquals(1.0, metrics.value("attest_triage_completed_total", "reports", "soc1"));
        assertEquals(1.0, metrics.sum("attest_triage_completed_total"));
    }

    @Test
    void aRestartBetweenTwoClicksLosesNothing() throws Exception {
        startTriage("Acme");
        answer("financial_impact", "yes", "U1");
        answer("customer_data", "no", "U1");
        server.shutdown();
        boot();
        answer("requester", "auditor", "U1");
        answer("first_audit_soon", "no", "U1");
        assertRecommendation("SOC 1", null);
    }

    @Test
    void anyoneInTheChannelCanAnswerAndEachAnswerShowsWhoGaveIt() throws Exception {
        startTriage("Acme");
        answer("financial_impact", "yes", "U1");
        Call updated = answer("customer_data", "yes", "U2");
        assertTrue(updated.allText().contains("answered by <@U2>"), updated.allText());
        answer("requester", "both", "U3");
        answer("first_audit_soon", "no", "U2");
        for (String category : List.of("availability", "processing_integrity", "confidentiality", "privacy")) {
            answer(category, "no", "U1");
        }
        assertRecommendation("SOC 1 and SOC 2", "Security");
    }

    @Test
    void aDoubleClickNeverPostsTheNextQuestionTwice() throws Exception {
        startTriage("Acme");
        Call q1 = latestQuestion();
        String click = SlackPayloads.click(q1.blocks(), q1.ts(), rootTs, "triage_answer:financial_impact:yes",
                CHANNEL, "U1", slack.responseUrl("dbl"));
        client.post(click);
        client.post(click);
        slack.await(questionFor("customer_data"), 1);
        assertEquals(1, slack.settle().stream().filter(questionFor("customer_data")::test).count());
    }

    @Test
    void aClickOnAnAlreadyAnsweredQuestionChangesNothing() throws Exception {
        startTriage("Acme");
        Call q1 = latestQuestion();
        answer("financial_impact", "yes", "U1");
        int before = slack.settle().size();
        // The same button on the question as it was first posted, arriving late.
        client.post(SlackPayloads.click(q1.blocks(), q1.ts(), rootTs, "triage_answer:financial_impact:no",
                CHANNEL, "U2", slack.responseUrl("late")));
        Call answered = current(q1.ts());
        client.post(SlackPayloads.click(answered.blocks(), q1.ts(), rootTs, "triage_change", CHANNEL, "U2",
                slack.responseUrl("x")).replace("triage_change", "triage_answer%3Afinancial_impact%3Ano"));
        assertEquals(before, slack.settle().size());
    }

    @Test
    void changeReopensAnAnsweredQuestion() throws Exception {
        startTriage("Acme");
        Call q1 = latestQuestion();
        answer("financial_impact", "yes", "U1");
        Call answered = current(q1.ts());
        client.post(SlackPayloads.click(answered.blocks(), q1.ts(), rootTs, "triage_change", CHANNEL, "U2",
                slack.responseUrl("chg")));
        Call reopened = slack.await(c -> c.method().equals("chat.update") && q1.ts().equals(c.ts())
                && c.allText().contains("triage_answer:financial_impact:no"), 1).get(0);
        assertTrue(reopened.allText().contains("Not sure"));
    }

    @Test
    void whereTheBotCannotPostThePersonIsToldPrivatelyHowToInviteIt() throws Exception {
        slack.botIsNotIn("CSECRET");
        client.post(SlackPayloads.slashCommand("triage Acme", "CSECRET", "U1", slack.responseUrl("invite")));
        Call told = slack.await("response_url", 1).get(0);
        assertEquals("ephemeral", told.json().path("response_type").asText());
        assertTrue(told.allText().contains("/invite @Attest"));
        assertTrue(told.allText().contains("/soc triage Acme"), "the command to run again is given back");
    }

    @Test
    void everyTriageMessageKeepsBlockKitLimits() throws Exception {
        startTriage("A".repeat(500));
        answer("financial_impact", "unsure", "U1");
        answer("customer_data", "unsure", "U1");
        answer("requester", "unknown", "U1");
        answer("first_audit_soon", "yes", "U1");
        slack.await(c -> c.method().equals("chat.update") && rootTs.equals(c.ts()), 1);
        for (Call c : slack.settle()) {
            if (c.method().startsWith("chat.")) {
                assertEquals(List.of(), io.attest.slack.BlockKitLimits.violations(c.blocks()), c.toString());
            }
        }
    }

    @Nested
    class WhenAClickFails {

        @Test
        void aClickWhoseUpdateSlackRefusedIsToldAndCanBeClickedAgain() throws Exception {
            startTriage("Acme");
            Call q1 = latestQuestion();
            slack.fail("chat.update", Fault.notOk("cant_update_message"));
            client.post(SlackPayloads.click(q1.blocks(), q1.ts(), rootTs, "triage_answer:financial_impact:yes", CHANNEL, "U2",
                    slack.responseUrl("first")));
            Call told = slack.await(c -> c.method().equals("response_url") && "first".equals(c.responseUrlId()), 1).get(0);
            assertTrue(told.allText().contains("didn't go through"), told.allText());
            assertEquals(0, slack.settle().stream().filter(questionFor("customer_data")::test).count(), "nothing went ahead");

            answer("financial_impact", "yes", "U2");
            slack.settle();
            assertEquals(1, slack.calls().stream().filter(questionFor("customer_data")::test).count());
        }

        @Test
        void aClickWhoseUpdateKeptFailingUntilTheDeadlineCanBeClickedAgainLater() throws Exception {
            server.shutdown();
            boot("ATTEST_SLACK_DEADLINE", "2s");
            startTriage("Acme");
            Call q1 = latestQuestion();
            slack.fail("chat.update", Fault.status(503), 1000);
            client.post(SlackPayloads.click(q1.blocks(), q1.ts(), rootTs, "triage_answer:financial_impact:no", CHANNEL, "U2",
                    slack.responseUrl("outage")));
            Call told = slack.await(c -> c.method().equals("response_url") && "outage".equals(c.responseUrlId()), 1).get(0);
            assertTrue(told.allText().contains("Slack isn't answering right now"), told.allText());

            slack.heal();
            answer("financial_impact", "no", "U2");
            assertEquals(1, slack.settle().stream().filter(questionFor("customer_data")::test).count());
        }

        @Test
        void aSecondClickWhileTheFirstIsStillBeingPostedDoesNothing() throws Exception {
            startTriage("Acme");
            Call q1 = latestQuestion();
            slack.fail("chat.update", Fault.delay(java.time.Duration.ofMillis(500)));
            String click = SlackPayloads.click(q1.blocks(), q1.ts(), rootTs, "triage_answer:financial_impact:yes", CHANNEL,
                    "U2", slack.responseUrl("d"));
            client.post(click);
            client.post(click);
            slack.await(questionFor("customer_data"), 1);
            assertEquals(1, slack.settle().stream().filter(questionFor("customer_data")::test).count());
        }
    }

    private void boot(String... env) throws Exception {
        Config config = TestConfigs.forSlack(slack, env);
        server = Wiring.start(config, false);
        client = new SignedClient(server.port(), TestConfigs.SECRET);
    }

    private void startTriage(String forWhom) throws Exception {
        assertEquals(200, client.post(SlackPayloads.slashCommand("triage " + forWhom, CHANNEL, "U1",
                slack.responseUrl("start"))).statusCode());
        List<Call> posts = slack.await("chat.postMessage", 2);
        rootTs = posts.get(0).ts();
        assertEquals(rootTs, posts.get(1).param("thread_ts"), "questions go in the root's thread");
    }

    /** Clicks an answer on the newest question, and returns the question as updated to show the answer. */
    private Call answer(String key, String value, String user) throws Exception {
        Call question = latestQuestion();
        assertTrue(question.blocks().toString().contains("triage_q:" + key), "expected the " + key + " question, got " + question.blocks());
        int postsBefore = slack.calls("chat.postMessage").size();
        assertEquals(200, client.post(SlackPayloads.click(question.blocks(), question.ts(), rootTs,
                "triage_answer:" + key + ":" + value, CHANNEL, user, slack.responseUrl("a"))).statusCode());
        Call updated = slack.await(c -> c.method().equals("chat.update") && question.ts().equals(c.ts())
                && c.allText().contains("answered by"), 1).get(0);
        slack.await("chat.postMessage", postsBefore + 1);
        return updated;
    }

    private Call latestQuestion() {
        List<Call> posts = slack.calls("chat.postMessage");
        return posts.get(posts.size() - 1);
    }

    private Call current(String ts) {
        List<Call> versions = slack.calls().stream()
                .filter(c -> ts.equals(c.ts()) && (c.method().equals("chat.update") || c.method().equals("chat.postMessage")))
                .toList();
        return versions.get(versions.size() - 1);
    }

    private java.util.function.Predicate<Call> questionFor(String key) {
        return c -> c.method().equals("chat.postMessage") && c.blocks().toString().contains("triage_q:" + key);
    }

    private void assertRecommendation(String reports, String categories) {
        Call card = slack.await(c -> c.method().equals("chat.postMessage") && c.allText().contains("What to tell the buyer"), 1).get(0);
        assertEquals(rootTs, card.param("thread_ts"));
        assertTrue(card.allText().contains(reports), card.allText());
        if (categories != null) {
            assertTrue(card.allText().contains(categories), card.allText());
        }
        assertTrue(card.allText().contains("triage_restart"), "the card offers Start over");
        JsonNode rootUpdate = slack.await(c -> c.method().equals("chat.update") && rootTs.equals(c.ts()), 1).get(0).blocks();
        assertTrue(rootUpdate.toString().contains(reports), "the root shows the outcome: " + rootUpdate);
    }
}
