package io.attest.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every combination of the four main inputs (3 x 3 x 4 x 2 = 72), with the expected outcome written out
 * by hand from the product rules in DESIGN.md rather than computed.
 */
class TriageDecisionTableTest {

    /** financial_impact | customer_data | requester | first_audit_soon | reports | type | soc2_categories. */
    static final String TABLE = """
            yes    | yes    | auditor  | yes | BOTH         | TYPE1_THEN_TYPE2 | security
            yes    | yes    | auditor  | no  | BOTH         | TYPE2            | security
            yes    | yes    | security | yes | BOTH         | TYPE1_THEN_TYPE2 | security
            yes    | yes    | security | no  | BOTH         | TYPE2            | security
            yes    | yes    | both     | yes | BOTH         | TYPE1_THEN_TYPE2 | security
            yes    | yes    | both     | no  | BOTH         | TYPE2            | security
            yes    | yes    | unknown  | yes | BOTH         | TYPE1_THEN_TYPE2 | security
            yes    | yes    | unknown  | no  | BOTH         | TYPE2            | security
            yes    | no     | auditor  | yes | SOC1         | TYPE1_THEN_TYPE2 | none
            yes    | no     | auditor  | no  | SOC1         | TYPE2            | none
            yes    | no     | security | yes | BOTH         | TYPE1_THEN_TYPE2 | security
            yes    | no     | security | no  | BOTH         | TYPE2            | security
            yes    | no     | both     | yes | BOTH         | TYPE1_THEN_TYPE2 | security
            yes    | no     | both     | no  | BOTH         | TYPE2            | security
            yes    | no     | unknown  | yes | SOC1         | TYPE1_THEN_TYPE2 | none
            yes    | no     | unknown  | no  | SOC1         | TYPE2            | none
            yes    | unsure | auditor  | yes | SOC1         | TYPE1_THEN_TYPE2 | none
            yes    | unsure | auditor  | no  | SOC1         | TYPE2            | none
            yes    | unsure | security | yes | BOTH         | TYPE1_THEN_TYPE2 | security
            yes    | unsure | security | no  | BOTH         | TYPE2            | security
            yes    | unsure | both     | yes | BOTH         | TYPE1_THEN_TYPE2 | security
            yes    | unsure | both     | no  | BOTH         | TYPE2            | security
            yes    | unsure | unknown  | yes | SOC1         | TYPE1_THEN_TYPE2 | none
            yes    | unsure | unknown  | no  | SOC1         | TYPE2            | none
            no     | yes    | auditor  | yes | BOTH         | TYPE1_THEN_TYPE2 | security
            no     | yes    | auditor  | no  | BOTH         | TYPE2            | security
            no     | yes    | security | yes | SOC2         | TYPE1_THEN_TYPE2 | security
            no     | yes    | security | no  | SOC2         | TYPE2            | security
            no     | yes    | both     | yes | BOTH         | TYPE1_THEN_TYPE2 | security
            no     | yes    | both     | no  | BOTH         | TYPE2            | security
            no     | yes    | unknown  | yes | SOC2         | TYPE1_THEN_TYPE2 | security
            no     | yes    | unknown  | no  | SOC2         | TYPE2            | security
            no     | no     | auditor  | yes | SOC1         | TYPE1_THEN_TYPE2 | none
            no     | no     | auditor  | no  | SOC1         | TYPE2            | none
            no     | no     | security | yes | SOC2         | TYPE1_THEN_TYPE2 | security
            no     | no     | security | no  | SOC2         | TYPE2            | security
            no     | no     | both     | yes | BOTH         | TYPE1_THEN_TYPE2 | security
            no     | no     | both     | no  | BOTH         | TYPE2            | security
            no     | no     | unknown  | yes | UNDETERMINED | TYPE1_THEN_TYPE2 | none
            no     | no     | unknown  | no  | UNDETERMINED | TYPE2            | none
            no     | unsure | auditor  | yes | SOC1         | TYPE1_THEN_TYPE2 | none
            no     | unsure | auditor  | no  | SOC1         | TYPE2            | none
            no     | unsure | security | yes | SOC2         | TYPE1_THEN_TYPE2 | security
            no     | unsure | security | no  | SOC2         | TYPE2            | security
            no     | unsure | both     | yes | BOTH         | TYPE1_THEN_TYPE2 | security
            no     | unsure | both     | no  | BOTH         | TYPE2            | security
            no     | unsure | unknown  | yes | UNDETERMINED | TYPE1_THEN_TYPE2 | none
            no     | unsure | unknown  | no  | UNDETERMINED | TYPE2            | none
            unsure | yes    | auditor  | yes | BOTH         | TYPE1_THEN_TYPE2 | security
            unsure | yes    | auditor  | no  | BOTH         | TYPE2            | security
            unsure | yes    | security | yes | SOC2         | TYPE1_THEN_TYPE2 | security
            unsure | yes    | security | no  | SOC2         | TYPE2            | security
            unsure | yes    | both     | yes | BOTH         | TYPE1_THEN_TYPE2 | security
            unsure | yes    | both     | no  | BOTH         | TYPE2            | security
            unsure | yes    | unknown  | yes | SOC2         | TYPE1_THEN_TYPE2 | security
            unsure | yes    | unknown  | no  | SOC2         | TYPE2            | security
            unsure | no     | auditor  | yes | SOC1         | TYPE1_THEN_TYPE2 | none
            unsure | no     | auditor  | no  | SOC1         | TYPE2            | none
            unsure | no     | security | yes | SOC2         | TYPE1_THEN_TYPE2 | security
            unsure | no     | security | no  | SOC2         | TYPE2            | security
            unsure | no     | both     | yes | BOTH         | TYPE1_THEN_TYPE2 | security
            unsure | no     | both     | no  | BOTH         | TYPE2            | security
            unsure | no     | unknown  | yes | UNDETERMINED | TYPE1_THEN_TYPE2 | none
            unsure | no     | unknown  | no  | UNDETERMINED | TYPE2            | none
            unsure | unsure | auditor  | yes | SOC1         | TYPE1_THEN_TYPE2 | none
            unsure | unsure | auditor  | no  | SOC1         | TYPE2            | none
            unsure | unsure | security | yes | SOC2         | TYPE1_THEN_TYPE2 | security
            unsure | unsure | security | no  | SOC2         | TYPE2            | security
            unsure | unsure | both     | yes | BOTH         | TYPE1_THEN_TYPE2 | security
            unsure | unsure | both     | no  | BOTH         | TYPE2            | security
            unsure | unsure | unknown  | yes | UNDETERMINED | TYPE1_THEN_TYPE2 | none
            unsure | unsure | unknown  | no  | UNDETERMINED | TYPE2            | none
            """;

    record Row(String financialImpact, String customerData, String requester, String firstAuditSoon,
            ReportSet reports, ReportType type, List<Soc2Category> soc2Categories) {

        Map<String, String> inputs() {
            return Map.of("financial_impact", financialImpact, "customer_data", customerData,
                    "requester", requester, "first_audit_soon", firstAuditSoon);
        }

        @Override
        public String toString() {
            return "financial_impact=" + financialImpact + " customer_data=" + customerData + " requester="
                    + requester + " first_audit_soon=" + firstAuditSoon + " -> " + reports + " " + type + " "
                    + soc2Categories;
        }
    }

    static Stream<Row> rows() {
        return TABLE.lines().filter(l -> !l.isBlank()).map(line -> {
            String[] c = Arrays.stream(line.split("\\|")).map(String::trim).toArray(String[]::new);
            return new Row(c[0], c[1], c[2], c[3], ReportSet.valueOf(c[4]), ReportType.valueOf(c[5]),
                    c[6].equals("none") ? null : List.of(Soc2Category.SECURITY));
        });
    }

    private final TriageEngine engine = TestContent.engine();

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void everyCombinationOfTheMainInputsGetsTheReportsTypeAndCategoriesOfTheTable(Row row) {
        Recommendation rec = engine.decide(row.inputs());

        assertEquals(row.reports(), rec.reports());
        assertEquals(row.type(), rec.type());
        assertEquals(row.soc2Categories(), rec.soc2Categories());
    }

    @Test
    void theTableListsEachOfTheSeventyTwoCombinationsExactlyOnce() {
        List<List<String>> keys = rows()
                .map(r -> List.of(r.financialImpact(), r.customerData(), r.requester(), r.firstAuditSoon()))
                .toList();
        Set<List<String>> expected = new HashSet<>();
        for (String fin : List.of("yes", "no", "unsure")) {
            for (String data : List.of("yes", "no", "unsure")) {
                for (String requester : List.of("auditor", "security", "both", "unknown")) {
                    for (String soon : List.of("yes", "no")) {
                        expected.add(List.of(fin, data, requester, soon));
                    }
                }
            }
        }
        assertEquals(72, keys.size());
        assertEquals(expected, new HashSet<>(keys));
    }
}
