package io.attest.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.attest.profile.ProfileView;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Ranking by words and meaning, on the fixture intents with a fake encoder whose meanings the test decides. */
class IntentRankerTest {

    private static final Calibration EVEN = new Calibration(0.5, 0.0, 1.0, 0.5, 0.3, 0.5);
    private final KnowledgeBaseLoader.Loaded fixture = load();
    private final FakeEncoder encoder = new FakeEncoder();

    private static KnowledgeBaseLoader.Loaded load() {
        try {
            return KnowledgeBaseLoader.load(Fixtures.fixtureIntents());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private IntentRanker ranker(boolean withMeaning, Calibration calibration) {
        List<Intent> intents = fixture.intents();
        SemanticIndex semantic = withMeaning ? new SemanticIndex(intents, encoder, ExampleVectors.none("fake")) : null;
        return new IntentRanker(intents, new LexicalMatcher(intents, new QuestionAnalyzer(fixture.language())), semantic,
                new Subjects(fixture.language().subjects()), calibration);
    }

    @Test
    void meaningFindsAnIntentWhoseExamplesShareNoWordWithTheQuestion() {
        encoder.same("would a buyer accept our audit paperwork as a badge", "is soc 2 a certification");
        IntentRanker withMeaning = ranker(true, EVEN);
        Match best = withMeaning.rank("would a buyer accept our audit paperwork as a badge", Set.of(), 3).get(0);
        assertEquals("soc2_attestation", best.intent().id());
        assertTrue(best.confidence() >= 0.5, best.toString());
        List<Match> wordsAlone = ranker(false, Calibration.LEXICAL).rank("would a buyer accept our audit paperwork as a badge", Set.of(), 3);
        assertTrue(wordsAlone.isEmpty() || wordsAlone.get(0).confidence() < 0.4, wordsAlone.toString());
    }

    @Test
    void theConfidenceBlendsWordsAndMeaningByTheCalibratedWeight() {
        IntentRanker meaningOnly = ranker(true, new Calibration(1.0, 0.0, 1.0, 0.5, 0.3, 1.0));
        IntentRanker wordsOnly = ranker(true, new Calibration(0.0, 0.0, 1.0, 0.5, 0.3, 1.0));
        IntentRanker even = ranker(true, EVEN);
        String q = "what is soc 1";
        double m = top(meaningOnly, q);
        double w = top(wordsOnly, q);
        assertEquals((m + w) / 2, top(even, q), 1e-9);
        assertEquals(1.0, m, 1e-6, "an example with the very same words has cosine 1");
    }

    @Test
    void anIntentAboutAnotherReportIsNeverRanked() {
        IntentRanker ranker = ranker(true, EVEN);
        // "certification" pulls towards the SOC 2 intent; the question is about a SOC 1.
        List<Match> ranked = ranker.rank("is a soc 1 a certification", Set.of("soc1"), 5);
        assertFalse(ranked.stream().anyMatch(m -> m.intent().id().equals("soc2_attestation")), ranked.toString());
        assertEquals("soc1_what", ranked.get(0).intent().id());
    }

    @Test
    void aComparisonPrefersIntentsAboutBothSides() {
        IntentRanker ranker = ranker(true, EVEN);
        List<Match> ranked = ranker.rank("type 1 or type 2 certification for soc 2", Set.of("type1", "type2", "soc2"), 5);
        assertEquals("type1_vs_type2", ranked.get(0).intent().id(), ranked.toString());
        double scaled = ranked.stream().filter(m -> m.intent().id().equals("soc2_attestation")).findFirst().orElseThrow().confidence();
        double unscaled = ranker.rank("type 1 or type 2 certification for soc 2", Set.of("soc2"), 5).stream()
                .filter(m -> m.intent().id().equals("soc2_attestation")).findFirst().orElseThrow().confidence();
        assertEquals(unscaled * EVEN.comparisonFactor(), scaled, 1e-9);
    }

    @Test
    void withoutAnEncoderWordsAloneDecide() {
        IntentRanker words = ranker(false, Calibration.LEXICAL);
        assertFalse(words.semantic());
        Match best = words.rank("is soc 2 a certification", Set.of(), 1).get(0);
        assertEquals("soc2_attestation", best.intent().id());
        assertEquals(0, encoder.calls);
    }

    @Test
    void theListIsCutAtTheLimitAndSortedBestFirst() {
        List<Match> ranked = ranker(true, EVEN).rank("soc 2 type 2 certification soc 1", Set.of(), 2);
        assertEquals(2, ranked.size());
        assertTrue(ranked.get(0).confidence() >= ranked.get(1).confidence());
    }

    @Test
    void anAnswerFromOurProfileIsOnlyForAQuestionAboutUsAndWinsATieThere() {
        Intent general = fixture.intents().stream().filter(i -> i.id().equals("soc2_attestation")).findFirst().orElseThrow();
        // Same words as the general answer: only "we" and "our", stop words to the matcher, tell the two apart.
        Intent ours = new Intent("our_soc2", "Do we have a SOC 2?", "basics", IntentKind.ANSWER, general.examples(), "x", null,
                List.of(), List.of(), List.of(), ProfileView.REPORTS, null, "ours.yml");
        List<Intent> intents = new ArrayList<>(fixture.intents());
        intents.add(ours);
        IntentRanker ranker = new IntentRanker(intents, new LexicalMatcher(intents, new QuestionAnalyzer(fixture.language())), null,
                new Subjects(fixture.language().subjects()), Calibration.LEXICAL, Pattern.compile("\\b(we|our)\\b"));

        List<Match> aboutUs = ranker.rank("is our soc 2 a certification", Set.of(), 2);
        assertEquals(List.of("our_soc2", "soc2_attestation"), aboutUs.stream().map(m -> m.intent().id()).toList());
        assertEquals(aboutUs.get(0).confidence(), aboutUs.get(1).confidence(), 1e-9);

        List<Match> general2 = ranker.rank("is soc 2 a certification", Set.of(), 5);
        assertTrue(general2.stream().noneMatch(m -> m.intent() == ours), general2.toString());
    }

    private static double top(IntentRanker ranker, String q) {
        return ranker.rank(q, Set.of(), 1).get(0).confidence();
    }
}
