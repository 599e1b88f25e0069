package io.attest.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TypoCorrectorTest {

    private final TypoCorrector corrector = new TypoCorrector(Map.of(
            "attestation", 40, "certification", 30, "controls", 25, "contract", 3, "report", 50, "reports", 10,
            "auditor", 20, "auditors", 20, "privacy", 8));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "none", textBlock = """
            attestaion,    attestation
            atestation,    attestation
            attestatoin,   attestation
            certfication,  certification
            certifcaton,   certification
            contrlos,      controls
            reprots,       reports
            auditorz,      auditor
            xttestation,   none
            cotnrcat,      contract
            cxtnrcax,      none
            privcay,       privacy
            """)
    void correctsWithinTheEditsItsLengthAllows(String typo, String expected) {
        assertEquals(expected, corrector.closest(typo));
    }

    @Test
    void prefersTheWordMoreExamplesUseThenTheFirstAlphabetically() {
        // "auditorx" is one edit from both auditor and auditors, which are used equally often.
        assertEquals("auditor", corrector.closest("auditorx"));
        // "contrals" is one edit from controls and two from contrast: within two edits, the more used word wins.
        assertEquals("controls", new TypoCorrector(Map.of("controls", 25, "contrast", 3)).closest("contrals"));
        assertEquals("contrast", new TypoCorrector(Map.of("controls", 3, "contrast", 25)).closest("contrals"));
    }

    @Test
    void sevenLettersAllowOneEditEightAllowTwo() {
        assertEquals(null, corrector.closest("reoprtz"));
        assertEquals("attestation", corrector.closest("atestatin"));
    }

    @ParameterizedTest(name = "distance({0}, {1}) = {2}")
    @CsvSource({"report,report,0", "report,reprot,1", "report,repor,1", "report,reports,1", "report,rpeort,1",
            "report,xeport,1", "report,rptroe,4", ",abc,3"})
    void countsEditsWithTranspositionsAsOne(String a, String b, int distance) {
        assertEquals(distance, TypoCorrector.distance(a == null ? "" : a, b));
    }

    @Test
    void deletionsCoverEveryWayToDropUpToTheEdits() {
        assertEquals(java.util.Set.of("abc", "bc", "ac", "ab"), TypoCorrector.deletions("abc", 1));
        assertTrue(TypoCorrector.deletions("abcd", 2).containsAll(java.util.Set.of("ab", "cd", "ad", "bc", "abcd")));
    }
}
