package io.attest.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.attest.local.LocalSlack;
import io.attest.local.LocalSlack.Call;
import io.attest.local.SlackRequests;
import io.attest.store.StoreSettings;
import io.attest.store.TestDatabases;
import io.attest.testing.SignedClient;
import io.attest.testing.SlackPayloads;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Feedback to gap to resolution, end to end, through signed requests into a running Attest with its embedded
 * database: votes, the "What was missing?" modal, the gap queue an owner works through with /soc gaps, and a gap that
 * comes back after it was resolved.
 */
class FeedbackAndGapsTest {

    static final String OWNER = "U0OWNER";
    private static final ObjectMapper JSON = new ObjectMapper();

    private LocalSlack slack;
    private Service server;
    private SignedClient client;
    private StoreSettings database;

    @BeforeEach
    void start() throws Exception {
        slack = LocalSlack.start();
        String data = TestConfigs.dataFolder();
        database = StoreSettings.of(null, data);
        server = Wiring.start(TestConfigs.forSlack(slack, "ATTEST_DATA", data, "ATTEST_OWNERS", OWNER), false);
        client = new SignedClient(server.port(), TestConfigs.SECRET);
    }

    @AfterEach
    void stop() {
        server.shutdown();
        slack.close();
    }

    @Test
    void everyAnswerCarriesHelpfulAndNotHelpfulAndAVoteCountsOncePerPersonPerAnswer() throws Exception {
        JsonNode answer = ask("is soc 2 a certification?", "U1");
        String helpful = value(answer, "feedback_helpful");
        assertEquals(helpful, value(answer, "feedback_not_helpful"));

        client.post(click("feedback_helpful", helpful, "U1", "v1"));
        client.post(click("feedback_helpful", helpful, "U1", "v2"));
        client.post(click("feedback_helpful", helpful, "U2", "v3"));
        slack.await("response_url", 3);
        assertTrue(slack.calls("response_url").get(0).allText().contains("glad it helped"));
        awaitRows("select count(*) from votes", "2");
        assertEquals(List.of("soc2_attestation|slash|public|TRUE|is soc 2 a certification?"), TestDatabases.column(database,
                "select distinct intent_id || '|' || surface || '|' || channel_type || '|' || helpful || '|' || question from votes"));
    }

    @Test
    void notHelpfulOpensTheModalAndItsAnswerGoesWithTheVoteIntoTheGapQueue() throws Exception {
        JsonNode answer = ask("is soc 2 a certification?", "U1");
        client.post(click("feedback_not_helpful", value(answer, "feedback_not_helpful"), "U1", "n1"));
        JsonNode modal = JSON.readTree(slack.await("views.open", 1).get(0).param("view"));
        assertEquals("feedback_missing", modal.path("callback_id").asText());
        assertTrue(modal.toString().contains("What was missing?"));

        assertEquals(200, client.post(submit(modal, "U1", "missing", "missing_text", "whether a bridge letter covers the gap"))
                .statusCode());
        awaitRows("select comment from votes where helpful = false", "whether a bridge letter covers the gap");
        List<Call> gaps = showGaps();
        assertTrue(gaps.get(0).allText().contains("is soc 2 a certification?"), gaps.get(0).allText());
        assertTrue(gaps.get(0).allText().contains("1 not helpful"), gaps.get(0).allText());
    }

    @Test
    void aDeclinedQuestionThatLooksAnswerableIsAGapAndChitChatIsNot() throws Exception {
        ask("how much does a soc 2 audit cost in euros", "U1");
        ask("what is the weather today", "U1");
        awaitRows("select count(*) from questions", "2");
        awaitRows("select question from gaps", "how much does a soc 2 audit cost in euros");
    }

    @Test
    void anOwnerResolvesAGapItLeavesTheQueueAndWhenItComesBackItIsFlagged() throws Exception {
        ask("how much does a soc 2 audit cost in euros", "U1");
        awaitRows("select count(*) from gaps", "1");
        Call listed = showGaps().get(0);
        String gapId = value(listed.json(), "gap_resolve");

        client.post(SlackPayloads.blockAction("gap_resolve", gapId, "C1", OWNER, slack.responseUrl("resolve"), true, null, null));
        JsonNode modal = JSON.readTree(slack.await("views.open", 1).get(0).param("view"));
        assertEquals("gap_resolve_modal", modal.path("callback_id").asText());

        HttpResponse<String> refused = client.post(submit(modal, OWNER, "intent", "intent_id", "no_such_intent"));
        JsonNode errors = JSON.readTree(refused.body());
        assertEquals("errors", errors.path("response_action").asText(), "an unknown intent keeps the modal open");
        assertTrue(errors.path("errors").has("intent"));

        assertEquals(200, client.post(submit(modal, OWNER, "intent", "intent_id", "soc2_attestation")).statusCode());
        awaitRows("select status || ' ' || resolved_intent || ' ' || closed_by from gaps", "resolved soc2_attestation " + OWNER);
        Call refreshed = slack.await(c -> c.method().equals("response_url") && c.json().path("replace_original").asBoolean(), 1).get(0);
        assertTrue(refreshed.allText().contains("No open gaps"), refreshed.allText());

        ask("how much does a soc 2 audit cost in dollars", "U2");
        awaitRows("select status || ' ' || recurred from gaps", "open TRUE");
        Call back = showGaps().get(1);
        assertTrue(back.allText().contains("Came back after it was resolved as `soc2_attestation`"), back.allText());
    }

    @Test
    void aDismissedGapLeavesTheQueueForGood() throws Exception {
        ask("how much does a soc 2 audit cost in euros", "U1");
        awaitRows("select count(*) from gaps", "1");
        String gapId = value(showGaps().get(0).json(), "gap_dismiss");
        client.post(SlackPayloads.blockAction("gap_dismiss", gapId, "C1", OWNER, slack.responseUrl("dismiss"), true, null, null));
        awaitRows("select status from gaps", "dismissed");
        ask("how much does a soc 2 audit cost in dollars", "U2");
        awaitRows("select status || ' ' || declined from gaps", "dismissed 2");
    }

    @Nested
    class OnlyOwners {

        @Test
        void seeTheGapQueue() throws Exception {
            JsonNode ack = JSON.readTree(client.post(SlackPayloads.slashCommand("gaps", "C1", "U1", slack.responseUrl("g"))).body());
            assertTrue(ack.toString().contains("Only Attest's content owners"), ack.toString());
            assertTrue(slack.settle().stream().noneMatch(c -> c.method().equals("response_url")));
        }

        @Test
        void resolveOrDismissGaps() throws Exception {
            ask("how much does a soc 2 audit cost in euros", "U1");
            awaitRows("select count(*) from gaps", "1");
            String gapId = TestDatabases.column(database, "select id from gaps").get(0);
            client.post(SlackPayloads.blockAction("gap_dismiss", gapId, "C1", "U1", slack.responseUrl("d"), true, null, null));
            assertTrue(slack.await("response_url", 1).get(0).allText().contains("Only Attest's content owners"));
            assertEquals(List.of("open"), TestDatabases.column(database, "select status from gaps"));
        }
    }

    /** The /soc reply's body. */
    private JsonNode ask(String question, String user) throws Exception {
        HttpResponse<String> response = client.post(SlackPayloads.slashCommand(question, "C1", user, slack.responseUrl("ask")));
        assertEquals(200, response.statusCode());
        return JSON.readTree(response.body());
    }

    /** /soc gaps as the owner; every gap list posted so far. */
    private List<Call> showGaps() throws Exception {
        int before = gapLists().size();
        HttpResponse<String> ack = client.post(SlackPayloads.slashCommand("gaps", "C1", OWNER, slack.responseUrl("gaps")));
        assertEquals("", ack.body(), "the ack says nothing; the list follows");
        return slack.await(FeedbackAndGapsTest::aNewGapList, before + 1);
    }

    private List<Call> gapLists() {
        return slack.calls().stream().filter(FeedbackAndGapsTest::aNewGapList).toList();
    }

    private static boolean aNewGapList(Call c) {
        return c.method().equals("response_url") && c.allText().contains("Gap queue") && !c.json().path("replace_original").asBoolean();
    }

    private String click(String actionId, String value, String user, String label) {
        return SlackPayloads.blockAction(actionId, value, "C1", user, slack.responseUrl(label), true, null, null);
    }

    private static String submit(JsonNode view, String user, String block, String action, String text) {
        ObjectNode values = JSON.createObjectNode();
        values.putObject(block).putObject(action).put("type", "plain_text_input").put("value", text);
        return SlackRequests.viewSubmission(user, "V1", view, values);
    }

    static String value(JsonNode message, String actionId) {
        for (JsonNode button : message.findParents("action_id")) {
            if (actionId.equals(button.path("action_id").asText())) {
                return button.path("value").asText();
            }
        }
        throw new AssertionError("no " + actionId + " in " + message);
    }

    /** Waits (within a generous limit) until the query's first column holds exactly this one value. */
    private void awaitRows(String sql, String expected) throws Exception {
        List<String> got = List.of();
        for (int i = 0; i < 300; i++) {
            got = TestDatabases.column(database, sql);
            if (got.equals(List.of(expected))) {
                return;
            }
            Thread.sleep(20);
        }
        assertEquals(List.of(expected), got, sql);
    }
}
