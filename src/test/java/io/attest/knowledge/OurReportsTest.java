package io.attest.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.attest.testing.MovableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Answers about our own reports, from the real intents with the shipped example profile filled in as ours
 * (Northwind Payroll: a SOC 2 Type 2 and a SOC 3 for 1 October 2025 to 30 September 2026, a SOC 1 Type 1 as of
 * 31 March 2026 with a bridge letter to 31 December 2026, a SOC 1 Type 2 expected 15 May 2027 and a SOC 2 Type 2
 * expected 15 November 2027). The clock is fixed, and moved by the tests about freshness.
 */
class OurReportsTest {

    static final LocalDate NOV_2026 = LocalDate.of(2026, 11, 15);
    static final MovableClock CLOCK = new MovableClock(NOV_2026);

    @TempDir
    static Path dir;
    static KnowledgeBase kb;
    static KnowledgeBase withoutProfile;

    @BeforeAll
    static void load() throws Exception {
        kb = KnowledgeBase.load(Fixtures.realIntentsWithExampleProfile(dir), CLOCK);
        withoutProfile = KnowledgeBase.load(Fixtures.realIntents(), CLOCK);
    }

    @BeforeEach
    void today() {
        CLOCK.moveTo(NOV_2026);
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            do we have a SOC 2?                    | our_soc_reports     | We hold a SOC 2 Type 2 report covering Security, Availability and Confidentiality for the period 1 October 2025 to 30 September 2026, issued by Harbor & Finch LLP; request it via https://trust.northwind.example/soc2 (NDA required).
            can I send our SOC 2 to a prospect?    | our_report_sharing  | Our SOC 2 Type 2 report can go to customers and prospects once they accept an NDA: request it via https://trust.northwind.example/soc2.
            what period does our report cover?     | our_report_period   | Our SOC 2 Type 2 report covers the period 1 October 2025 to 30 September 2026.
            is our report current?                 | our_report_current  | Our SOC 2 Type 2 report's period ended on 30 September 2026, a month ago.
            do we have a bridge letter?            | our_bridge_letter   | A bridge letter from management covers our SOC 1 Type 1 report from the end of its period, 31 March 2026, up to 31 December 2026.
            when is our next audit?                | our_next_audit      | A SOC 1 Type 2 report is under way, expected by 15 May 2027.
            who do I ask about our report?         | our_report_contact  | Ask the compliance team (<!subteam^S0COMPLY01>) about our SOC reports.
            """)
    void theIssuesQuestionsAreAnsweredFromTheProfile(String question, String intent, String fact) {
        Reply reply = kb.ask(question);
        assertEquals(intent, reply.intentId());
        assertTrue(reply.matched(), "a profile answer is an ordinary answer");
        assertTrue(reply.text().contains(fact), reply.text());
        assertTrue(reply.text().endsWith(reply.intent().answer()), "the general part follows the facts");
    }

    @Test
    void aQuestionThatNamesAReportWeDoNotHoldSaysSoAndWhatIsComing() throws Exception {
        Path soc2Only = Files.createDirectories(dir.resolveSibling(dir.getFileName() + "-soc2only"));
        Fixtures.realIntentsWithExampleProfile(soc2Only);
        String profile = Files.readString(soc2Only.resolve("company.yml"));
        Files.writeString(soc2Only.resolve("company.yml"), profile.substring(0, profile.indexOf("    - kind: SOC 1\n      type: Type 1"))
                + profile.substring(profile.indexOf("  # Audits under way")));
        Reply reply = KnowledgeBase.load(soc2Only, CLOCK).ask("do we have a soc 1?");
        assertEquals("our_soc_reports", reply.intentId());
        assertTrue(reply.text().startsWith("*We do not hold a SOC 1 report.*\n• A SOC 1 Type 2 report is under way, expected by 15 May 2027."),
                reply.text());
    }

    @Test
    void aGeneralQuestionIsNeverAnsweredFromTheProfile() {
        assertEquals("bridge_letter", kb.ask("what is a bridge letter").intentId());
        assertEquals("soc2_what_is", kb.ask("what is a soc 2 report").intentId());
    }

    @Nested
    class ForUs {

        @Test
        void aGeneralAnswerTheProfileBearsOnGainsAForUsLine() {
            Reply reply = kb.ask("are we SOC 2 certified?");
            assertEquals("soc2_is_attestation", reply.intentId());
            assertEquals(reply.intent().answer(), reply.text(), "the general answer is unchanged");
            assertEquals("*For us:* We hold a SOC 2 Type 2 report covering Security, Availability and Confidentiality for the "
                    + "period 1 October 2025 to 30 September 2026, issued by Harbor & Finch LLP; request it via "
                    + "https://trust.northwind.example/soc2 (NDA required).", reply.forUs());
            assertTrue(reply.answerText().endsWith(reply.forUs()), "ask and ask --json read it after the answer");
        }

        @Test
        void anAnswerTheProfileDoesNotBearOnIsUnchanged() {
            Reply reply = kb.ask("what are the trust services criteria?");
            assertNull(reply.forUs());
            assertEquals(List.of(), reply.forReps());
        }

        @Test
        void withoutAProfileThereIsNoForUsLine() {
            Reply reply = withoutProfile.ask("are we SOC 2 certified?");
            assertNull(reply.forUs());
            assertEquals("soc2_is_attestation", reply.shareKey());
        }
    }

    @Nested
    class WithoutAProfile {

        @Test
        void theShippedExampleIsNeverOurProfile() {
            assertTrue(withoutProfile.profile().isEmpty());
            assertTrue(withoutProfile.intents().stream().noneMatch(i -> i.file().startsWith("company")));
        }

        @ParameterizedTest
        @CsvSource({"do we have a SOC 2?", "is our report current?", "who do I ask about our report?"})
        void aProfileQuestionSaysTheProfileIsNotFilledInAndHow(String question) {
            Reply reply = withoutProfile.ask(question);
            assertTrue(reply.matched());
            assertTrue(reply.text().startsWith("*Our report profile has not been filled in yet"), reply.text());
            assertTrue(reply.text().contains("copy `company.example.yml` to `company.yml`"), reply.text());
            assertNull(reply.shareKey(), "a notice to the rep is not for sharing");
        }
    }

    @Nested
    class Freshness {

        @Test
        void datesAreWorkedOutWhenTheQuestionIsAskedNotWhenItWasFirstAsked() {
            String question = "is our soc 2 still current?";
            Reply november = kb.ask(question);
            assertTrue(november.text().contains("Our SOC 2 Type 2 report's period ended on 30 September 2026, a month ago."), november.text());
            assertEquals(List.of(), november.forReps());

            CLOCK.moveTo(LocalDate.of(2027, 2, 15));
            Reply february = kb.ask(question);
            assertTrue(february.text().contains("ended on 30 September 2026, 4 months ago."), february.text());
            assertTrue(february.forReps().contains("Our SOC 2 Type 2 report's period ended 4 months ago and there is no bridge "
                    + "letter; ask the compliance team (<!subteam^S0COMPLY01>) if the buyer needs the time since covered."),
                    february.forReps().toString());

            CLOCK.moveTo(LocalDate.of(2027, 11, 30));
            Reply due = kb.ask(question);
            assertTrue(due.forReps().contains("Our SOC 2 Type 2 report's period ended 14 months ago: a new report is due. "
                    + "Check with the compliance team (<!subteam^S0COMPLY01>) before promising a date."), due.forReps().toString());
        }

        @Test
        void betweenThreeAndTwelveMonthsTheAnswerMentionsTheBridgeLetter() {
            Reply reply = kb.ask("do we have a soc 1?");
            assertTrue(reply.text().contains("A bridge letter from management covers the time since our SOC 1 Type 1 period "
                    + "ended, up to 31 December 2026."), reply.text());
        }

        @Test
        void aLapsedBridgeLetterIsFlaggedToTheRepNotOfferedToTheBuyer() {
            CLOCK.moveTo(LocalDate.of(2027, 2, 15));
            Reply reply = kb.ask("do we have a soc 1?");
            assertFalse(reply.text().contains("covers the time since"), reply.text());
            assertTrue(reply.forReps().stream().anyMatch(n -> n.startsWith("The bridge letter for our SOC 1 Type 1 report ran only to "
                    + "31 December 2026")), reply.forReps().toString());
        }

        @Test
        void theDueFlagIsForTheRepAndTheForUsLineStaysFacts() {
            CLOCK.moveTo(LocalDate.of(2027, 11, 30));
            Reply reply = kb.ask("are we soc 2 certified?");
            assertFalse(reply.forUs().contains("due"), reply.forUs());
            assertTrue(reply.forReps().stream().anyMatch(n -> n.contains("a new report is due")), reply.forReps().toString());
        }
    }

    @Nested
    class Sharing {

        @Test
        void theShareKeyGivesTheSameAnswerAgainForTheSubjectsTheQuestionNamed() {
            Reply asked = kb.ask("do we have a soc 1?");
            assertEquals("our_soc_reports|soc1", asked.shareKey());
            Reply again = kb.answer(asked.shareKey()).orElseThrow();
            assertEquals(asked.text(), again.text());
            assertEquals(asked.forReps(), again.forReps());
        }

        @Test
        void aRelatedButtonByIdSpeaksOfEveryReportTheIntentIsAbout() {
            Reply reply = kb.answer("our_soc_reports").orElseThrow();
            assertTrue(reply.text().contains("SOC 1 Type 1") && reply.text().contains("SOC 2 Type 2") && reply.text().contains("SOC 3"),
                    reply.text());
        }

        @Test
        void aShareKeyWithUnknownSubjectsFallsBackToTheIntent() {
            assertEquals(kb.answer("our_soc_reports").orElseThrow().text(),
                    kb.answer("our_soc_reports|nonsense,<script>").orElseThrow().text());
            assertTrue(kb.answer("no_such_intent|soc1").isEmpty());
        }
    }
}
