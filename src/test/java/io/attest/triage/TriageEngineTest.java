package io.attest.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class TriageEngineTest {
    private final TriageContent content = TestContent.content();
    private final TriageEngine engine = TestContent.engine();

    private Recommendation decide(String... keyValues) {
        Map<String, String> inputs = new HashMap<>();
        for (String kv : keyValues) {
            String[] parts = kv.split("=", 2);
            inputs.put(parts[0], parts[1]);
        }
        return engine.decide(inputs);
    }

    private String text(String key) {
        return content.text(key);
    }

    // --- SOC 2 categories ---

    @Test
    void securityComesFirstAndFlaggedCategoriesFollowInTheFixedOrder() {
        Recommendation rec = decide("customer_data=yes", "privacy=yes", "availability=yes",
                "confidentiality=yes", "processing_integrity=yes");

        assertEquals(List.of(Soc2Category.SECURITY, Soc2Category.AVAILABILITY, Soc2Category.PROCESSING_INTEGRITY,
                Soc2Category.CONFIDENTIALITY, Soc2Category.PRIVACY), rec.soc2Categories());
    }

    @ParameterizedTest(name = "{0}=yes adds {1}")
    @CsvSource({
        "availability, AVAILABILITY",
        "processing_integrity, PROCESSING_INTEGRITY",
        "confidentiality, CONFIDENTIALITY",
        "privacy, PRIVACY"
    })
    void eachCategoryFlagAddsExactlyItsCategoryAfterSecurity(String flag, Soc2Category category) {
        Recommendation rec = decide("requester=security", flag + "=yes");

        assertEquals(List.of(Soc2Category.SECURITY, category), rec.soc2Categories());
    }

    @Test
    void categoryFlagsAnsweredNoLeaveSecurityAlone() {
        Recommendation rec = decide("requester=both", "availability=no", "privacy=no");

        assertEquals(List.of(Soc2Category.SECURITY), rec.soc2Categories());
        assertTrue(rec.rationale().contains(text(ContentKeys.CATEGORIES_SECURITY_ONLY)));
    }

    @Test
    void categoryFlagsAreIgnoredAndSaidSoWhenNoSoc2IsRecommended() {
        Recommendation rec = decide("financial_impact=yes", "customer_data=no", "requester=auditor",
                "privacy=yes", "availability=yes");

        assertEquals(ReportSet.SOC1, rec.reports());
        assertNull(rec.soc2Categories());
        assertTrue(rec.rationale().contains(content.format(ContentKeys.CATEGORIES_IGNORED,
                Map.of(ContentKeys.FLAGGED, "Availability and Privacy"))), rec.rationale().toString());
    }

    @Test
    void flaggingSecurityItselfDoesNotListItTwice() {
        TriageInputs in = new TriageInputs(Answer.UNSURE, Answer.YES, Requester.UNKNOWN, false,
                EnumSet.of(Soc2Category.SECURITY, Soc2Category.PRIVACY));

        assertEquals(List.of(Soc2Category.SECURITY, Soc2Category.PRIVACY), engine.decide(in).soc2Categories());
    }

    @Test
    void flaggedCategoriesAreNamedInTheRationaleAndTheSoc2ScopingStep() {
        Recommendation rec = decide("customer_data=yes", "confidentiality=yes", "privacy=yes");

        assertTrue(rec.rationale().stream().anyMatch(l -> l.contains("Confidentiality and Privacy")));
        assertTrue(rec.nextSteps().stream().anyMatch(s -> s.contains("Security, Confidentiality and Privacy")));
    }

    // --- rationale ---

    @Test
    void rationaleHasOneLinePerDecidingAnswer() {
        Recommendation rec = decide("financial_impact=no", "customer_data=yes", "requester=security",
                "first_audit_soon=no");

        assertEquals(List.of(
                text("rationale.financial_impact.no"),
                text("rationale.customer_data.yes"),
                text("rationale.requester.security"),
                text("rationale.first_audit_soon.no"),
                text(ContentKeys.CATEGORIES_SECURITY_ONLY)), rec.rationale());
    }

    @ParameterizedTest
    @CsvSource({"auditor", "both"})
    void auditorAskingWithoutFinancialImpactIsFlaggedAsConflict(String requester) {
        Recommendation rec = decide("financial_impact=no", "requester=" + requester);

        assertTrue(rec.rationale().contains(text(ContentKeys.CONFLICT_FINANCIAL)));
        assertFalse(rec.rationale().contains(text("rationale.financial_impact.no")));
        assertTrue(rec.reports().includesSoc1());
    }

    @ParameterizedTest
    @CsvSource({"security", "both"})
    void securityTeamAskingWithoutCustomerDataIsFlaggedAsConflict(String requester) {
        Recommendation rec = decide("customer_data=no", "requester=" + requester);

        assertTrue(rec.rationale().contains(text(ContentKeys.CONFLICT_DATA)));
        assertFalse(rec.rationale().contains(text("rationale.customer_data.no")));
        assertTrue(rec.reports().includesSoc2());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.attest.triage.TriageDecisionTableTest#rows")
    void conflictsAreFlaggedOnlyWhenAnAnswerContradictsWhoIsAsking(TriageDecisionTableTest.Row row) {
        Recommendation rec = engine.decide(row.inputs());
        boolean financialConflict = row.financialImpact().equals("no")
                && List.of("auditor", "both").contains(row.requester());
        boolean dataConflict = row.customerData().equals("no")
                && List.of("security", "both").contains(row.requester());

        assertEquals(financialConflict, rec.rationale().contains(text(ContentKeys.CONFLICT_FINANCIAL)));
        assertEquals(dataConflict, rec.rationale().contains(text(ContentKeys.CONFLICT_DATA)));
    }

    @Test
    void unsureAnswersAddNoSignalButTheRationaleSaysWhatToConfirm() {
        Recommendation rec = decide("financial_impact=unsure", "customer_data=unsure", "requester=unknown");

        assertEquals(ReportSet.UNDETERMINED, rec.reports());
        assertTrue(rec.rationale().contains(text("rationale.financial_impact.unsure")));
        assertTrue(rec.rationale().contains(text("rationale.customer_data.unsure")));
        assertTrue(rec.rationale().contains(text("rationale.requester.unknown")));
        assertTrue(text("rationale.financial_impact.unsure").contains("Confirm"));
        assertTrue(text("rationale.customer_data.unsure").contains("Check"));
    }

    @Test
    void undeterminedAdvisesAskingTheRequestingCustomerWhoNeedsTheReportAndWhy() {
        Recommendation rec = decide("financial_impact=no", "customer_data=no", "requester=unknown");

        assertEquals(ReportSet.UNDETERMINED, rec.reports());
        assertNull(rec.soc2Categories());
        assertTrue(rec.rationale().contains(text(ContentKeys.REPORTS_UNDETERMINED)));
        assertEquals(text(ContentKeys.STEP_ASK_REQUESTER), rec.nextSteps().get(0));
        assertEquals(content.text(ContentKeys.buyerSummary(ReportSet.UNDETERMINED)), rec.buyerSummary());
    }

    @Test
    void needingBothReportsIsExplainedAsLegitimate() {
        Recommendation rec = decide("financial_impact=yes", "customer_data=yes");

        assertEquals(ReportSet.BOTH, rec.reports());
        assertTrue(rec.rationale().contains(text(ContentKeys.REPORTS_BOTH)));
        assertTrue(rec.nextSteps().contains(text(ContentKeys.STEP_BOTH_TOGETHER)));
    }

    // --- next steps ---

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.attest.triage.TriageDecisionTableTest#rows")
    void nextStepsMentionCuecsOnlyWhenSoc1IsRecommended(TriageDecisionTableTest.Row row) {
        Recommendation rec = engine.decide(row.inputs());
        boolean soc1 = row.reports() == ReportSet.SOC1 || row.reports() == ReportSet.BOTH;

        assertEquals(soc1, rec.nextSteps().stream().anyMatch(s -> s.contains("CUEC")), rec.nextSteps().toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.attest.triage.TriageDecisionTableTest#rows")
    void typeOneThenTypeTwoStepAppearsOnlyForAFirstAuditOrADeadline(TriageDecisionTableTest.Row row) {
        Recommendation rec = engine.decide(row.inputs());
        boolean soon = row.firstAuditSoon().equals("yes");

        assertEquals(soon, rec.nextSteps().contains(text(ContentKeys.STEP_TYPE1_THEN_TYPE2)));
        assertEquals(soon, rec.nextSteps().stream().anyMatch(s -> s.contains("Type 1")));
        assertEquals(!soon, rec.nextSteps().contains(text(ContentKeys.STEP_TYPE2_WINDOW)));
        assertTrue(rec.nextSteps().stream().anyMatch(s -> s.contains("3 to 12 months")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.attest.triage.TriageDecisionTableTest#rows")
    void everyRecommendationCoversReadinessScopingDocumentationTrainingAndACpaFirm(TriageDecisionTableTest.Row row) {
        List<String> steps = engine.decide(row.inputs()).nextSteps();

        for (String key : List.of(ContentKeys.STEP_READINESS, ContentKeys.STEP_SCOPING,
                ContentKeys.STEP_DOCUMENTATION, ContentKeys.STEP_TRAINING, ContentKeys.STEP_CPA_FIRM)) {
            assertTrue(steps.contains(text(key)), key);
        }
    }

    // --- buyer summary ---

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.attest.triage.TriageDecisionTableTest#rows")
    void buyerSummaryIsFilledInAndNeverCallsAReportACertification(TriageDecisionTableTest.Row row) {
        Map<String, String> inputs = new HashMap<>(row.inputs());
        inputs.put("availability", "yes");
        inputs.put("privacy", "yes");
        Recommendation rec = engine.decide(inputs);

        for (String text : allTexts(rec)) {
            assertFalse(text.toLowerCase(Locale.ROOT).contains("certif"), text);
            assertFalse(text.contains("{") || text.contains("}"), text);
            assertFalse(text.isBlank());
        }
        if (rec.soc2Categories() != null) {
            assertTrue(rec.buyerSummary().contains("Security, Availability and Privacy"), rec.buyerSummary());
        }
    }

    @Test
    void buyerSummaryDescribesTheTypeOneThenTypeTwoPath() {
        Recommendation rec = decide("financial_impact=yes", "first_audit_soon=yes");

        assertTrue(rec.buyerSummary().contains(text(ContentKeys.buyerType(ReportType.TYPE1_THEN_TYPE2))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.attest.triage.TriageDecisionTableTest#rows")
    void everyBuyerParagraphIsSafeToPaste(TriageDecisionTableTest.Row row) {
        String summary = engine.decide(row.inputs()).buyerSummary();

        assertEquals(List.of(), io.attest.content.PasteSafety.problems(summary), summary);
    }

    @Test
    void bothGivesTheRealReasonAndInventsNoRequester() {
        Recommendation rec = decide("financial_impact=yes", "customer_data=yes", "requester=auditor");

        assertEquals(ReportSet.BOTH, rec.reports());
        assertTrue(rec.buyerSummary().contains(text(ContentKeys.BUYER_REASON_SOC1_IMPACT)), rec.buyerSummary());
        assertTrue(rec.buyerSummary().contains(text(ContentKeys.BUYER_REASON_SOC2_DATA)), rec.buyerSummary());
        String lower = rec.buyerSummary().toLowerCase(Locale.ROOT);
        assertFalse(lower.contains("security review") || lower.contains("security reviewers")
                || lower.contains("procurement"), "only the auditor asked: " + rec.buyerSummary());
    }

    @Test
    void bothNamesTheRequestOnlyWhenTheRequestIsTheReason() {
        Recommendation rec = decide("financial_impact=unsure", "customer_data=unsure", "requester=both");

        assertEquals(ReportSet.BOTH, rec.reports());
        assertTrue(rec.buyerSummary().contains(text(ContentKeys.BUYER_REASON_SOC1_REQUESTER)), rec.buyerSummary());
        assertTrue(rec.buyerSummary().contains(text(ContentKeys.BUYER_REASON_SOC2_REQUESTER)), rec.buyerSummary());
        assertFalse(rec.buyerSummary().contains(text(ContentKeys.BUYER_REASON_SOC1_IMPACT)), rec.buyerSummary());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.attest.triage.TriageDecisionTableTest#rows")
    void noSoc1ParagraphPromisesRelianceOnAType1(TriageDecisionTableTest.Row row) {
        Recommendation rec = engine.decide(row.inputs());
        String summary = rec.reports().includesSoc1() ? rec.buyerSummary() : "";

        for (String sentence : summary.split("(?<=[.;?])\\s+")) {
            if (sentence.matches("(?is).*\\b(rely|reliance|evidence)\\b.*")) {
                assertTrue(sentence.contains("Type 2"), "reliance is only ever a Type 2's: " + sentence);
            }
        }
    }

    @Test
    void theSoc1ParagraphSaysATypeOneCoversDesignOnly() {
        Recommendation rec = decide("financial_impact=yes", "customer_data=no", "first_audit_soon=yes");

        assertEquals(ReportSet.SOC1, rec.reports());
        assertTrue(rec.buyerSummary().contains("Type 1 covers their design only"), rec.buyerSummary());
    }

    private static List<String> allTexts(Recommendation rec) {
        List<String> texts = new java.util.ArrayList<>(rec.rationale());
        texts.addAll(rec.nextSteps());
        texts.add(rec.buyerSummary());
        return texts;
    }
}
