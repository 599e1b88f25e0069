package io.attest.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TriageInputsTest {

    @Test
    void everyKeyIsReadIntoItsField() {
        TriageInputs in = TriageInputs.parse(Map.of(
                "financial_impact", "yes", "customer_data", "no", "requester", "both", "first_audit_soon", "yes",
                "availability", "yes", "processing_integrity", "no", "confidentiality", "yes", "privacy", "yes"));

        assertEquals(new TriageInputs(Answer.YES, Answer.NO, Requester.BOTH, true,
                EnumSet.of(Soc2Category.AVAILABILITY, Soc2Category.CONFIDENTIALITY, Soc2Category.PRIVACY)), in);
    }

    @Test
    void missingInputsCountAsUnsureUnknownAndNo() {
        TriageInputs in = TriageInputs.parse(Map.of());

        assertEquals(new TriageInputs(Answer.UNSURE, Answer.UNSURE, Requester.UNKNOWN, false, Set.of()), in);
    }

    @Test
    void keysAndValuesAreReadRegardlessOfCaseAndSurroundingSpaces() {
        TriageInputs in = TriageInputs.parse(Map.of(" Financial_Impact ", " YES ", "requester", "Auditor"));

        assertEquals(Answer.YES, in.financialImpact());
        assertEquals(Requester.AUDITOR, in.requester());
    }

    @Test
    void aNullValueCountsAsMissing() {
        Map<String, String> answers = new HashMap<>();
        answers.put("customer_data", null);

        assertEquals(Answer.UNSURE, TriageInputs.parse(answers).customerData());
    }

    @Test
    void flaggedCategoriesCannotBeChangedAfterwards() {
        TriageInputs in = TriageInputs.parse(Map.of("privacy", "yes"));

        assertThrows(UnsupportedOperationException.class, () -> in.flaggedCategories().add(Soc2Category.AVAILABILITY));
    }

    @Nested
    class RejectsInvalidInput {

        @Test
        void anUnknownKeyIsNamedWithTheAllowedKeys() {
            var e = assertThrows(InvalidTriageInputException.class,
                    () -> TriageInputs.parse(Map.of("budget", "high")));

            assertEquals("unknown key 'budget'; allowed: financial_impact, customer_data, requester, "
                    + "first_audit_soon, availability, processing_integrity, confidentiality, privacy", e.getMessage());
        }

        @Test
        void anUnknownValueIsNamedWithItsKeyAndTheAllowedValues() {
            var e = assertThrows(InvalidTriageInputException.class,
                    () -> TriageInputs.parse(Map.of("customer_data", "maybe")));

            assertEquals("unknown value 'maybe' for customer_data; allowed: yes, no, unsure", e.getMessage());
        }

        @Test
        void requesterAcceptsOnlyWhoIsAsking() {
            var e = assertThrows(InvalidTriageInputException.class,
                    () -> TriageInputs.parse(Map.of("requester", "yes")));

            assertEquals("unknown value 'yes' for requester; allowed: auditor, security, both, unknown", e.getMessage());
        }

        @Test
        void firstAuditSoonDoesNotAcceptUnsure() {
            var e = assertThrows(InvalidTriageInputException.class,
                    () -> TriageInputs.parse(Map.of("first_audit_soon", "unsure")));

            assertEquals("unknown value 'unsure' for first_audit_soon; allowed: yes, no", e.getMessage());
        }

        @Test
        void aCategoryFlagAcceptsOnlyYesOrNo() {
            var e = assertThrows(InvalidTriageInputException.class,
                    () -> TriageInputs.parse(Map.of("privacy", "unsure")));

            assertTrue(e.getMessage().contains("privacy"));
            assertTrue(e.getMessage().endsWith("allowed: yes, no"));
        }

        @Test
        void securityIsNotAFlagBecauseItIsAlwaysIncluded() {
            var e = assertThrows(InvalidTriageInputException.class,
                    () -> TriageInputs.parse(Map.of("security", "yes")));

            assertTrue(e.getMessage().startsWith("unknown key 'security'"));
            assertFalse(e.getMessage().contains("allowed: security"));
        }
    }
}
