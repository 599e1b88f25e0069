package io.attest.app;

import static io.attest.app.FeedbackAndGapsTest.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.attest.local.LocalSlack;
import io.attest.local.LocalSlack.Call;
import io.attest.local.SlackRequests;
import io.attest.slack.BlockKitLimits;
import io.attest.testing.SignedClient;
import io.attest.testing.SlackPayloads;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** App Home (app_home_opened → views.publish) and the message shortcut "Ask Attest about this". */
class HomeAndShortcutTest {

    private static final String OWNER = FeedbackAndGapsTest.OWNER;
    private static final ObjectMapper JSON = new ObjectMapper();

    private LocalSlack slack;
    private Service server;
    private SignedClient client;

    @BeforeEach
    void start() throws Exception {
        slack = LocalSlack.start();
        server = Wiring.start(TestConfigs.forSlack(slack, "ATTEST_OWNERS", OWNER), false);
        client = new SignedClient(server.port(), TestConfigs.SECRET);
    }

    @AfterEach
    void stop() {
        server.shutdown();
        slack.close();
    }

    @Test
    void theHomeTabShowsWhatAttestCoversStartTriageAndThePersonsRecentQuestions() throws Exception {
        client.post(SlackPayloads.slashCommand("is soc 2 a certification?", "C1", "U1", slack.responseUrl("a")));
        JsonNode view = homeOnce("U1", "D0U1", "answered: Is SOC 2 a certification?");
        String text = view.toString();
        assertEquals("home", view.path("type").asText());
        assertTrue(text.contains("What I cover"), text);
        assertTrue(text.contains("is soc 2 a certification?") && text.contains("answered: Is SOC 2 a certification?"), text);
        assertEquals("D0U1", value(view, "home_start_triage"), "a triage from Home runs in the person's DM with Attest");
        assertFalse(text.contains("For content owners"), "the owners' part is for owners only");
        assertEquals(java.util.List.of(), BlockKitLimits.violations(view.path("blocks")));
    }

    @Test
    void anOwnerAlsoSeesTheTopGapsAndThisWeeksRates() throws Exception {
        client.post(SlackPayloads.slashCommand("is soc 2 a certification?", "C1", "U1", slack.responseUrl("a")));
        client.post(SlackPayloads.slashCommand("how much does a soc 2 audit cost in euros", "C1", "U1", slack.responseUrl("b")));
        // A decline becomes a gap just after its question is written: wait for the gap, not the count.
        String text = homeOnce(OWNER, "D0OWNER", "how much does a soc 2 audit cost in euros").toString();
        assertTrue(text.contains("For content owners"), text);
        assertTrue(text.contains("how much does a soc 2 audit cost in euros"), "the top gaps: " + text);
        assertTrue(text.contains("2 questions — 50% answered, 0% “Did you mean”, 50% declined"), text);
        assertTrue(text.contains("Is SOC 2 a certification? — 1"), "the week's top questions: " + text);
    }

    @Test
    void startTriageOnTheHomeTabStartsItInTheDm() throws Exception {
        JsonNode view = openHome("U1", "D0U1");
        client.post(SlackPayloads.blockAction("home_start_triage", value(view, "home_start_triage"), "D0U1", "U1",
                null, false, null, null));
        Call root = slack.await("chat.postMessage", 1).get(0);
        assertEquals("D0U1", root.param("channel"));
        assertTrue(root.allText().contains("SOC report triage"));
    }

    @Test
    void theShortcutAnswersPrivatelyAboutTheMessagesTextWithShareAndFeedback() throws Exception {
        String email = "Hi team, before we sign we need to know: is your SOC 2 a certification? Thanks, Dana";
        client.post(SlackRequests.messageShortcut("ask_attest_about_message", "C1", "U1", "1700000000.000100", "U9",
                email, slack.responseUrl("shortcut"), "1.2.3"));
        Call answer = slack.await("response_url", 1).get(0);
        assertEquals("ephemeral", answer.json().path("response_type").asText());
        assertFalse(answer.json().path("replace_original").asBoolean());
        assertTrue(answer.allText().contains("attestation, not a certification"), answer.allText());
        assertTrue(answer.allText().contains("share_answer") && answer.allText().contains("feedback_helpful"));
        assertTrue(value(answer.json(), "feedback_helpful").contains("|shortcut|"), "recorded as asked through the shortcut");
    }

    @Test
    void theShortcutOnAMessageWithoutTextSaysSo() throws Exception {
        client.post(SlackRequests.messageShortcut("ask_attest_about_message", "C1", "U1", "1700000000.000200", "U9",
                "", slack.responseUrl("empty"), "1.2.3"));
        assertTrue(slack.await("response_url", 1).get(0).allText().contains("no text I can read"));
    }

    private JsonNode openHome(String user, String dm) throws Exception {
        int before = slack.calls("views.publish").size();
        client.post(SlackRequests.event(SlackPayloads.nextEventId(), SlackRequests.appHomeOpened(user, dm)));
        Call published = slack.await("views.publish", before + 1).get(before);
        assertEquals(user, published.param("user_id"));
        return JSON.readTree(published.param("view"));
    }

    /** Questions are recorded after the ack, on a queue of their own: opens Home until it shows {@code expected}. */
    private JsonNode homeOnce(String user, String dm, String expected) throws Exception {
        JsonNode view = null;
        for (int i = 0; i < 100 && (view == null || !view.toString().contains(expected)); i++) {
            Thread.sleep(i == 0 ? 0 : 50);
            view = openHome(user, dm);
        }
        return view;
    }
}
