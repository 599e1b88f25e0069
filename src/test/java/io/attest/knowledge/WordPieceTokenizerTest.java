package io.attest.knowledge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The tokenizer against the vocabulary that ships with the model, piece for piece as BERT's own tokenizer cuts. */
class WordPieceTokenizerTest {

    private static WordPieceTokenizer tokenizer;

    @BeforeAll
    static void loadTheShippedVocabulary() throws IOException {
        try (InputStream json = WordPieceTokenizerTest.class.getResourceAsStream(Embeddings.MODEL.tokenizer())) {
            tokenizer = WordPieceTokenizer.fromTokenizerJson(json);
        }
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            attestation             | at ##test ##ation
            Is SOC-2 a certification? | is soc - 2 a certification ?
            subservice carve-out    | sub ##ser ##vic ##e car ##ve - out
            CUECs                   | cue ##cs
            Café résumé             | cafe resume
            SSAE18                  | ss ##ae ##18
            """)
    void cutsWordsIntoTheLongestPiecesInTheVocabulary(String text, String pieces) {
        assertEquals(List.of(pieces.split(" ")), tokenizer.pieces(text));
    }

    @Test
    void wrapsTheIdsInClassifierAndSeparator() {
        assertArrayEquals(new long[] {101, 2003, 27084, 102}, tokenizer.encode("is soc", 128));
    }

    @Test
    void cutsLongInputButKeepsTheSeparator() {
        long[] ids = tokenizer.encode("word ".repeat(500), 16);
        assertEquals(16, ids.length);
        assertEquals(101, ids[0]);
        assertEquals(102, ids[15]);
    }

    @Test
    void aWordWithNoPieceForSomeOfItIsUnknown() {
        assertEquals(List.of("[UNK]"), tokenizer.pieces("x".repeat(101)));
        assertEquals(List.of("[UNK]"), tokenizer.pieces("\u2603\u2603"));
    }

    @Test
    void controlCharactersAndZeroWidthMarksVanish() {
        assertEquals(tokenizer.pieces("soc 2"), tokenizer.pieces("soc\u0000 2\u0301"));
    }

    @Test
    void aFileWithoutAVocabularyIsRefused() {
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () ->
                WordPieceTokenizer.fromTokenizerJson(new java.io.ByteArrayInputStream("{\"model\":{}}".getBytes())));
        assertEquals("the tokenizer file has no model.vocab", e.getMessage());
    }
}
