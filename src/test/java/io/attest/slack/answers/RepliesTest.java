package io.attest.slack.answers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.attest.knowledge.Fixtures;
import io.attest.knowledge.KnowledgeBase;
import io.attest.slack.BlockKit;
import io.attest.slack.Telemetry;
import io.attest.slack.Texts;
import io.attest.slack.WorkQueue;
import io.attest.slack.feedback.AnswerRef;
import io.attest.slack.feedback.Asked;
import io.attest.slack.feedback.FeedbackMessages;
import io.attest.slack.feedback.Recorder;
import io.attest.store.ChannelType;
import io.attest.store.GapQueue;
import io.attest.store.Questions;
import io.attest.store.Similarity;
import io.attest.store.Store;
import io.attest.store.StoreSettings;
import io.attest.store.Surface;
import io.attest.store.TestDatabases;
import java.time.Duration;
import io.attest.testing.MovableClock;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The /soc ack: rendered once per answer, yet never serving yesterday's dates from our report profile. */
class RepliesTest {

    static final MovableClock CLOCK = new MovableClock(LocalDate.of(2026, 11, 15));
    static final Asked ASKED = new Asked("U1", Surface.SLASH, ChannelType.PUBLIC, "C1", null);
    static Store store;
    static Recorder recorder;
    static WorkQueue records;
    @TempDir
    static Path dir;
    static KnowledgeBase kb;
    private Replies replies;
    private MessageRenderer renderer;

    @BeforeAll
    static void load() throws Exception {
        kb = KnowledgeBase.load(Fixtures.realIntentsWithExampleProfile(dir), CLOCK);
        // The questions are recorded as in production, in an embedded database of the test's own.
        store = TestDatabases.open(TestDatabases.fresh(StoreSettings.Engine.H2), CLOCK);
        records = new WorkQueue("records", 1, 100, Duration.ofSeconds(5), CLOCK, Telemetry.NONE);
        Questions questions = new Questions(store);
        recorder = new Recorder(records, store, questions, new GapQueue(store, new Similarity() {
            @Override
            public double of(String a, String b) {
                return kb.similarity(a, b);
            }

            @Override
            public double sameAt() {
                return kb.sameQuestionAt();
            }
        }), () -> kb, CLOCK);
    }

    @AfterAll
    static void close() {
        records.close();
        store.close();
    }

    @BeforeEach
    void fresh() {
        CLOCK.moveTo(LocalDate.of(2026, 11, 15));
        Texts texts = new Texts(kb::language);
        renderer = new MessageRenderer(() -> kb, texts, List.of(), new FeedbackMessages(texts), false);
        replies = new Replies(() -> kb, renderer, recorder, Telemetry.NONE);
    }

    @Test
    void theSameQuestionOnAnotherDayIsAnsweredForThatDay() {
        String question = "is our soc 2 still current?";
        String november = ack(question);
        assertTrue(november.contains("ended on 30 September 2026, a month ago."), november);
        // The same day, the same body: only the buttons' per-question feedback reference differs.
        assertEquals(withoutButtonValues(november), withoutButtonValues(ack(question)), "the same day, the same body");

        CLOCK.moveTo(LocalDate.of(2027, 11, 30));
        String later = ack(question);
        assertNotEquals(november, later);
        assertTrue(later.contains("ended on 30 September 2026, 14 months ago."), later);
        assertTrue(later.contains("a new report is due"), "the rep is told, privately: " + later);
    }

    @Test
    void theForUsLineFollowsTheDayToo() {
        CLOCK.moveTo(LocalDate.of(2026, 12, 15));
        String december = ack("do we have a SOC 1?");
        assertTrue(december.contains("covers the time since our SOC 1 Type 1 period ended, up to 31 December 2026"), december);
        CLOCK.moveTo(LocalDate.of(2027, 1, 15));
        String january = ack("do we have a SOC 1?");
        assertFalse(january.contains("covers the time since"), "a lapsed bridge letter is not offered: " + january);
        assertTrue(january.contains("ran only to 31 December 2026"), january);
    }

    @Test
    void theKeyOfAPlainAnswerIsItsIdAndOfAProfileAnswerItsText() {
        KnowledgeBase plain = Fixtures.fixtureKnowledgeBase();
        assertEquals("soc2_attestation|soc2_attestation+", Replies.renderKey(plain.ask("is soc 2 a certification?")));
        assertTrue(Replies.renderKey(kb.ask("is our report current?")).contains("a month ago"));
    }

    @Test
    void anAnswersAckIsTheRenderedMessageInAsciiCarryingItsOwnQuestionsReference() throws Exception {
        String question = "what does a soc 2 type 2 report cover?";
        for (int time = 0; time < 2; time++) { // the first ack renders the body, the second joins the cached pieces
            String body = ack(question);
            assertTrue(body.chars().allMatch(c -> c < 128), "escaped, one byte a character: " + body);
            JsonNode tree = BlockKit.JSON.readTree(body);
            List<String> refs = tree.findValuesAsText("value").stream().filter(v -> AnswerRef.decode(v).isPresent()).toList();
            assertFalse(refs.isEmpty(), "the feedback buttons carry a reference: " + body);
            assertEquals(1, refs.stream().distinct().count(), "every button carries the same one: " + refs);
            assertEquals(renderer.reply(kb.ask(question), Audience.ASKER_ONLY, null, refs.get(0)).toEphemeralJson(), tree,
                    "the same message as rendered for this question");
        }
        assertNotEquals(ack(question), ack(question), "each question gets its own reference");
    }

    @Test
    void textOutsideAsciiSurvivesTheEscapingIntact() throws Exception {
        ObjectNode body = BlockKit.JSON.createObjectNode().put("text", "Did you mean… SOC 2 — «Type 2»? 日本 \uD83D\uDE00 \"quoted\"");
        String ascii = Replies.ascii(body);
        assertTrue(ascii.chars().allMatch(c -> c < 128), ascii);
        assertEquals(body, BlockKit.JSON.readTree(ascii));
    }

    private static String withoutButtonValues(String body) {
        return body.replaceAll("\"value\":\"[^\"]*\"", "\"value\":\"\"");
    }

    private String ack(String question) {
        return replies.privateAck(Ask.parse(question), ASKED).getBody();
    }
}
