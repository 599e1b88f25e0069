package io.attest.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The guided thread: which question comes next given the answers so far. */
class TriageFlowTest {
    private static final List<String> CATEGORY_QUESTIONS =
            List.of("availability", "processing_integrity", "confidentiality", "privacy");

    private final TriageEngine engine = TestContent.engine();

    @Test
    void theFirstQuestionIsWhetherTheServiceAffectsFinancialStatements() {
        TriageQuestion q = engine.nextQuestion(Map.of()).orElseThrow();

        assertEquals("financial_impact", q.key());
        assertEquals("Does the service affect customers' financial statements?", q.text());
    }

    @Test
    void beforeAnyAnswerAllEightQuestionsMayStillCome() {
        assertEquals(List.of("financial_impact", "customer_data", "requester", "first_audit_soon", "availability",
                "processing_integrity", "confidentiality", "privacy"), engine.remainingQuestions(Map.of()));
    }

    @Test
    void theMainQuestionsComeInOrder() {
        assertEquals("customer_data", next(Map.of("financial_impact", "no")));
        assertEquals("requester", next(Map.of("financial_impact", "no", "customer_data", "unsure")));
        assertEquals("first_audit_soon",
                next(Map.of("financial_impact", "no", "customer_data", "unsure", "requester", "unknown")));
    }

    @Test
    void categoryQuestionsFollowWhenCustomerDataPutsSoc2OnTheTable() {
        Map<String, String> answers = Map.of("financial_impact", "yes", "customer_data", "yes",
                "requester", "auditor", "first_audit_soon", "no");

        assertEquals(CATEGORY_QUESTIONS, engine.remainingQuestions(answers));
    }

    @Test
    void categoryQuestionsFollowWhenASecurityTeamIsAsking() {
        assertEquals(CATEGORY_QUESTIONS, engine.remainingQuestions(Map.of("financial_impact", "no",
                "customer_data", "no", "requester", "both", "first_audit_soon", "yes")));
    }

    @Test
    void noCategoryQuestionIsAskedWhenSoc2IsOffTheTable() {
        Map<String, String> answers = Map.of("financial_impact", "yes", "customer_data", "unsure",
                "requester", "auditor", "first_audit_soon", "yes");

        assertEquals(Optional.empty(), engine.nextQuestion(answers));
        assertEquals(List.of(), engine.remainingQuestions(answers));
    }

    @Test
    void categoryQuestionsCountAsRemainingOnlyWhileSoc2CouldStillBeOnTheTable() {
        assertEquals(7, engine.remainingQuestions(Map.of("customer_data", "no")).size());
        assertEquals(List.of("financial_impact", "first_audit_soon"),
                engine.remainingQuestions(Map.of("customer_data", "no", "requester", "auditor")));
    }

    @Test
    void answeredCategoryQuestionsAreNotAskedAgainAndTheFlowThenEnds() {
        Map<String, String> answers = new LinkedHashMap<>(Map.of("financial_impact", "no", "customer_data", "yes",
                "requester", "security", "first_audit_soon", "no", "availability", "yes"));
        assertEquals("processing_integrity", next(answers));

        answers.putAll(Map.of("processing_integrity", "no", "confidentiality", "no", "privacy", "yes"));
        assertEquals(Optional.empty(), engine.nextQuestion(answers));
    }

    @Test
    void unknownAnswersAreRejectedLikeAnyOtherInput() {
        assertThrows(InvalidTriageInputException.class, () -> engine.nextQuestion(Map.of("requester", "cfo")));
    }

    /** Walks every path of button clicks through the thread. */
    @Test
    void everyPathOfButtonClicksEndsInARecommendationAndAsksCategoriesExactlyWhenSoc2IsRecommended() {
        List<Map<String, String>> finished = new ArrayList<>();
        walk(new LinkedHashMap<>(), finished);

        // 48 of the 72 combinations of main answers put SOC 2 on the table and branch into 2^4 category paths
        assertEquals(24 + 48 * 16, finished.size(), "paths through the thread");
        for (Map<String, String> answers : finished) {
            Recommendation rec = engine.decide(answers);
            boolean askedCategories = answers.keySet().containsAll(CATEGORY_QUESTIONS);
            assertEquals(rec.reports().includesSoc2(), askedCategories, answers.toString());
            assertTrue(answers.size() == 4 || answers.size() == 8, answers.toString());
        }
    }

    private void walk(Map<String, String> answers, List<Map<String, String>> finished) {
        Optional<TriageQuestion> next = engine.nextQuestion(answers);
        if (next.isEmpty()) {
            finished.add(Map.copyOf(answers));
            return;
        }
        for (TriageQuestion.Option option : next.get().options()) {
            answers.put(next.get().key(), option.value());
            walk(answers, finished);
            answers.remove(next.get().key());
        }
    }

    private String next(Map<String, String> answers) {
        return engine.nextQuestion(answers).orElseThrow().key();
    }
}
