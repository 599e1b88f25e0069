package io.attest.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.attest.knowledge.Fixtures;
import io.attest.local.LocalSlack;
import io.attest.local.LocalSlack.Call;
import io.attest.testing.SignedClient;
import io.attest.testing.SlackPayloads;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our report profile on Slack, end to end over signed requests: the real intents with the shipped example filled in as
 * ours. Runs on today's date, so it asserts what does not change with it; the dated behaviour is tested with a fixed
 * clock in the core and in {@code RepliesTest}.
 */
class OurReportsSlackTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHANNEL = "CDEALS";

    @TempDir
    Path dir;
    private LocalSlack slack;
    private Service server;
    private SignedClient client;

    @BeforeEach
    void start() throws Exception {
        slack = LocalSlack.start();
        server = Wiring.start(TestConfigs.forSlack(slack, "ATTEST_INTENTS",
                Fixtures.realIntentsWithExampleProfile(dir).toString()), false);
        client = new SignedClient(server.port(), TestConfigs.SECRET);
    }

    @AfterEach
    void stop() {
        server.shutdown();
        slack.close();
    }

    @Test
    void aGeneralAnswerShowsTheForUsLineAndItsShareButtonKeepsWhatWasAsked() throws Exception {
        JsonNode body = JSON.readTree(client.post(SlackPayloads.slashCommand("are we soc 2 certified?", CHANNEL, "U1",
                slack.responseUrl("q"))).body());
        assertTrue(body.path("blocks").get(0).path("text").path("text").asText().contains("attestation, not a certification"));
        assertTrue(body.path("blocks").get(1).path("text").path("text").asText()
                .startsWith("*For us:* We hold a SOC 2 Type 2 report covering Security, Availability and Confidentiality"), body.toString());
        assertTrue(body.toString().contains("\"value\":\"soc2_is_attestation|soc2\""), body.toString());
    }

    @Test
    void aSharedCopyKeepsTheForUsLineAndLeavesOutWhatIsForTheRep() throws Exception {
        client.post(SlackPayloads.blockAction("share_answer", "our_report_sharing|soc2", CHANNEL, "U1",
                slack.responseUrl("s"), true, null, null));
        Call post = slack.await("chat.postMessage", 1).get(0);
        assertTrue(post.allText().contains("Our SOC 2 Type 2 report can go to customers and prospects once they accept an NDA"),
                post.allText());
        assertTrue(post.allText().contains("Shared by <@U1>"));
        assertFalse(post.allText().contains("only you see this"), "no rep notes in a shared copy: " + post.allText());
        assertFalse(post.allText().contains("the Head of Security"), "who approves is for the rep: " + post.allText());

        client.post(SlackPayloads.blockAction("share_answer", "soc2_is_attestation|soc2", CHANNEL, "U1",
                slack.responseUrl("s2"), true, null, null));
        Call shared = slack.await("chat.postMessage", 2).get(1);
        assertTrue(shared.allText().contains("*For us:* We hold a SOC 2 Type 2 report"), shared.allText());
    }

    @Test
    void aProfileAnswerInAThreadHasNoRepNotes() throws Exception {
        client.post(SlackPayloads.appMention(SlackPayloads.nextEventId(), CHANNEL, "U2", "<@UBOT> can I send our SOC 2 to a prospect?",
                "1700000100.000100", null));
        Call answer = slack.await("chat.postMessage", 1).get(0);
        assertTrue(answer.allText().contains("request it via https://trust.northwind.example/soc2"), answer.allText());
        assertFalse(answer.allText().contains("the Head of Security"), answer.allText());
    }

    @Test
    void thePrivateAnswerTellsTheRepWhoApprovesSendingIt() throws Exception {
        String body = client.post(SlackPayloads.slashCommand("can I send our SOC 2 to a prospect?", CHANNEL, "U1",
                slack.responseUrl("p"))).body();
        assertTrue(body.contains("*Our reports* (only you see this): Sending our SOC 2 Type 2 report needs approval from "
                + "the Head of Security."), body);
    }

    @Nested
    class Triage {

        private String rootTs;

        @Test
        void theCardSaysWhatWeAlreadyHold() throws Exception {
            assertEquals(200, client.post(SlackPayloads.slashCommand("triage Acme", CHANNEL, "U1", slack.responseUrl("t")))
                    .statusCode());
            List<Call> posts = slack.await("chat.postMessage", 2);
            rootTs = posts.get(0).ts();
            for (String[] a : List.of(new String[] {"financial_impact", "no"}, new String[] {"customer_data", "yes"},
                    new String[] {"requester", "security"}, new String[] {"first_audit_soon", "no"},
                    new String[] {"availability", "yes"}, new String[] {"processing_integrity", "no"},
                    new String[] {"confidentiality", "no"}, new String[] {"privacy", "yes"})) {
                answer(a[0], a[1]);
            }
            Call card = slack.await(c -> c.method().equals("chat.postMessage") && c.allText().contains("What to tell the buyer"), 1)
                    .get(0);
            assertTrue(card.allText().contains("*What we already hold*"), card.allText());
            assertTrue(card.allText().contains("SOC 2: partly met by our SOC 2 Type 2 report covering Security, Availability and "
                    + "Confidentiality"), card.allText());
            assertTrue(card.allText().contains("Privacy not in scope"), card.allText());
        }

        private void answer(String key, String value) throws Exception {
            List<Call> posts = slack.calls("chat.postMessage");
            Call question = posts.get(posts.size() - 1);
            assertTrue(question.blocks().toString().contains("triage_q:" + key), question.blocks().toString());
            client.post(SlackPayloads.click(question.blocks(), question.ts(), rootTs, "triage_answer:" + key + ":" + value,
                    CHANNEL, "U1", slack.responseUrl("a")));
            slack.await("chat.postMessage", posts.size() + 1);
        }
    }
}
