package io.attest.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SubjectsTest {

    private static final Subjects SUBJECTS = realSubjects();

    private static Subjects realSubjects() {
        try {
            return new Subjects(KnowledgeBase.load(Fixtures.realIntents()).language().subjects());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "\"{0}\" names {1}")
    @CsvSource(delimiter = '|', textBlock = """
            is soc 2 a certification?                         | soc2
            SOC II type two report                            | soc2 type2
            difference between soc1/soc2                      | soc1 soc2
            soc 1 or 2, which one?                            | soc1 soc2
            type i vs type ii                                 | type1 type2
            type 1 and 2                                      | type1 type2
            which type i need for a bank?                     |
            is it a soc i need or a soc ii                    | soc2
            access controls in a SOC-1 audit                  | soc1
            what does the privacy category cover              | privacy
            do we need processing  integrity                  | processing_integrity
            is the security category mandatory                | security
            our security questionnaire asks for a pen test    |
            SSAE No. 16 or SSAE 18?                           | ssae16 ssae18
            soc 2 vs iso/iec 27001                            | soc2 iso27001
            """)
    void findsTheSubjectsAQuestionNames(String question, String expected) {
        List<String> want = expected == null ? List.of() : List.of(expected.trim().split(" "));
        assertEquals(want, List.copyOf(SUBJECTS.named(question)));
    }

    @ParameterizedTest(name = "asked {0}, intent about {1}: contradicts={2}, covers comparison={3}")
    @CsvSource(delimiter = '|', textBlock = """
            soc1        | soc2              | true  | false
            soc1        | soc1 soc2         | false | false
            soc1 soc2   | soc2              | false | false
            soc1 soc2   | soc1 soc2         | false | true
            soc1 soc2   | soc1 soc2 type2   | false | true
            soc2        |                   | false | false
            soc2 type1  | soc2 type2        | true  | false
            soc2 type1  | soc2              | false | false
            type1 type2 | soc2 type1 type2  | false | true
            privacy     | availability      | true  | false
            privacy     | soc2              | false | false
            soc1 iso27001 | soc1            | false | false
            """)
    void decidesWhetherAnIntentFitsTheQuestionsSubjects(String asked, String about, boolean contradicts, boolean covers) {
        Set<String> question = Set.of(asked.trim().split(" "));
        List<String> intent = about == null ? List.of() : List.of(about.trim().split(" "));
        assertEquals(contradicts, SUBJECTS.contradicts(question, intent), "contradicts");
        assertEquals(covers, SUBJECTS.coversComparison(question, intent), "covers comparison");
    }

    @ParameterizedTest
    @CsvSource({"soc1 soc2,true", "soc1 type2,false", "soc2,false", "type1 type2,true"})
    void aComparisonNamesTwoSubjectsOfOneGroup(String asked, boolean comparison) {
        assertEquals(comparison, SUBJECTS.isComparison(Set.of(asked.split(" "))));
    }

    @org.junit.jupiter.api.Test
    void anUnknownIdBelongsToNoGroupAndContradictsNothing() {
        Map<String, Map<String, String>> groups = new LinkedHashMap<>();
        groups.put("report", Map.of("soc1", "soc ?1"));
        Subjects small = new Subjects(groups);
        assertEquals(false, small.contradicts(Set.of("soc1"), List.of("mystery")));
        assertEquals(false, small.known("mystery"));
    }
}
