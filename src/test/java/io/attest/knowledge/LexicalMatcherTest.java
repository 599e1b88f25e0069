package io.attest.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LexicalMatcherTest {

    private final KnowledgeBase kb = Fixtures.fixtureKnowledgeBase();
    private final QuestionAnalyzer analyzer = new QuestionAnalyzer(kb.language());

    @ParameterizedTest
    @ValueSource(strings = {"SOC 2", "soc2", "SOC II", "soc-2", "Soc Two"})
    void everySpellingOfSoc2BecomesOneTerm(String spelling) {
        assertEquals(List.of("soc2"), analyzer.terms(spelling));
    }

    @ParameterizedTest
    @ValueSource(strings = {"type 2", "Type II", "type2", "T2"})
    void everySpellingOfType2BecomesOneTerm(String spelling) {
        assertEquals(List.of("type2"), analyzer.terms(spelling));
    }

    @Test
    void stopWordsAreDroppedAndWordsAreStemmed() {
        assertEquals(List.of("report", "certif"), analyzer.terms("the reports are certifications"));
    }

    @ParameterizedTest
    @CsvSource({
            "is soc ii a certification?, soc2_attestation",
            "prospect asks if we're SOC-2 certified, soc2_attestation",
            "type i or type ii which first, type1_vs_type2",
            "who needs soc one reports, soc1_what"})
    void questionsMatchTheirIntentHoweverTheyAreSpelled(String question, String intent) {
        assertEquals(intent, kb.rank(question, 3).get(0).intent().id());
    }

    @Test
    void typosInDomainWordsAreCorrected() {
        Match best = kb.rank("is soc 2 an attestaion or a certfication", 1).get(0);
        assertEquals("soc2_attestation", best.intent().id());
    }

    @Test
    void aCloseParaphraseScoresHigherThanAPartialOne() {
        double close = kb.rank("is soc 2 a certification", 1).get(0).confidence();
        double partial = kb.rank("soc 2 questions about vendors and weather", 1).get(0).confidence();
        assertTrue(close > partial, close + " vs " + partial);
    }

    @Test
    void confidenceStaysBetweenZeroAndOne() {
        for (String q : List.of("is soc 2 a certification", "soc 2 soc 2 soc 2", "type 2", "hello")) {
            for (Match m : kb.rank(q, 5)) {
                assertTrue(m.confidence() > 0 && m.confidence() <= 1.0, q + " -> " + m);
            }
        }
    }

    @Test
    void wordsTheKnowledgeBaseHasNeverSeenMatchNothing() {
        assertTrue(kb.rank("zebra xylophone quantum", 3).isEmpty());
    }

    @Test
    void shortUnknownWordsAreNotForcedOntoKnownOnes() {
        assertFalse(kb.rank("lol", 1).stream().anyMatch(m -> m.confidence() > 0.3));
    }

    @ParameterizedTest(name = "\"{0}\" reads as \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            is soc 2 an attestaion      | is soc 2 an attestation
            soc 2 certfication please   | soc 2 certification please
            repot of a type 2           | repot of a type 2
            is soc 2 a certification    | is soc 2 a certification
            certifcation attestatoin    | certification attestation
            soc 2 attestashun           | soc 2 attestashun
            """)
    void domainWordsOfSixLettersOrMoreAreCorrectedOthersAreLeftAlone(String typed, String corrected) {
        LexicalMatcher matcher = new LexicalMatcher(kb.intents(), analyzer);
        assertEquals(corrected, matcher.correctTypos(typed));
    }

    @Test
    void aCorrectionLeavesTheRestOfTheTextWhereItWas() {
        LexicalMatcher matcher = new LexicalMatcher(kb.intents(), analyzer);
        assertEquals("Is the attestation, or a certification?", matcher.correctTypos("Is the atestation, or a certificaton?"));
    }

    @Test
    void questionsWithTyposArrivingTogetherOnAFreshMatcherAreAllCorrected() throws Exception {
        // The corrector is built at the first unknown word: several at once must all wait for one and use it.
        LexicalMatcher matcher = new LexicalMatcher(kb.intents(), analyzer);
        ExecutorService askers = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            answers.add(askers.submit(() -> {
                go.await();
                return matcher.correctTypos("Is the atestation, or a certificaton?");
            }));
        }
        go.countDown();
        for (Future<String> answer : answers) {
            assertEquals("Is the attestation, or a certification?", answer.get(30, TimeUnit.SECONDS));
        }
        askers.shutdown();
    }
}
