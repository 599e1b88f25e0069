package io.attest.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextNormaliserTest {

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `  is   soc 2 a\tcertification?  `       | is soc 2 a certification?
            `line one \\n  line two` | `line one \\n line two`
            `ｉｓ ＳＯＣ ２` | `is SOC 2`
            `it’s “soc 2” – type ii` | `it's \\"soc 2\\" - type ii`
            `soc\u200B 2 cert\u00ADification` | `soc 2 certification`
            `café\u00A0résumé` | `café résumé`
            `bell\u0007 and\r carriage` | `bell and carriage`
            `plain ascii stays as it is` | `plain ascii stays as it is`
            """)
    void foldsWhatHidesWordsAndTidiesSpaces(String typed, String normalised) {
        assertEquals(unescape(normalised), TextNormaliser.normalise(unescape(typed)));
    }

    @Test
    void nothingBecomesEmptyAndLongTextIsCut() {
        assertEquals("", TextNormaliser.normalise(null));
        assertEquals("", TextNormaliser.normalise(" \t "));
        assertEquals(TextNormaliser.MAX_QUESTION_CHARS, TextNormaliser.normalise("word ".repeat(5_000)).length());
        assertEquals(TextNormaliser.MAX_QUESTION_CHARS, TextNormaliser.normalise("wörd ".repeat(5_000)).length());
    }

    @Test
    void plainAndUnicodeTextOfTheSameWordsNormaliseAlike() {
        assertEquals(TextNormaliser.normalise("is  soc 2\ta certification"),
                TextNormaliser.normalise("is\u00A0 soc 2\u2003a certification\u200B"));
    }

    private static String unescape(String s) {
        return s.replace("\\n", "\n").replace("\\\"", "\"");
    }
}
