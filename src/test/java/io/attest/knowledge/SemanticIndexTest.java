package io.attest.knowledge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SemanticIndexTest {

    private final List<Intent> intents = fixture();

    private static List<Intent> fixture() {
        try {
            return KnowledgeBaseLoader.load(Fixtures.fixtureIntents()).intents();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anIntentScoresTheCosineOfItsClosestExample() {
        FakeEncoder encoder = new FakeEncoder();
        SemanticIndex index = new SemanticIndex(intents, encoder, ExampleVectors.none("fake"));
        double[] scores = index.scores(encoder.encode("what is soc 1"));
        int soc1 = indexOf("soc1_what");
        assertEquals(1.0, scores[soc1], 1e-5);
        for (int i = 0; i < scores.length; i++) {
            assertTrue(scores[i] <= scores[soc1] + 1e-6);
        }
    }

    @Test
    void knownVectorsAreReusedAndOnlyNewTextsAreEmbedded() {
        FakeEncoder first = new FakeEncoder();
        SemanticIndex built = new SemanticIndex(intents, first, ExampleVectors.none("fake"));
        assertEquals(built.vectors().size(), built.computed());
        FakeEncoder second = new FakeEncoder();
        SemanticIndex again = new SemanticIndex(intents, second, built.vectors());
        assertEquals(0, again.computed());
        assertEquals(0, second.calls);
    }

    @Test
    void exampleVectorsSurviveAWriteAndARead() throws IOException {
        ExampleVectors vectors = new ExampleVectors("model|MEAN", Map.of("is soc 2 a certification", new float[] {0.6f, 0.8f},
                "what is soc 1", new float[] {1f, 0f}));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        vectors.write(out);
        ExampleVectors read = ExampleVectors.read(new ByteArrayInputStream(out.toByteArray()));
        assertEquals("model|MEAN", read.fingerprint());
        assertEquals(2, read.size());
        assertArrayEquals(new float[] {0.6f, 0.8f}, read.get("is soc 2 a certification").orElseThrow());
    }

    @Test
    void aFileCutShortIsRefusedNotHalfRead() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ExampleVectors("m", Map.of("what is soc 1", new float[] {1f, 0f, 0f})).write(out);
        byte[] cut = java.util.Arrays.copyOf(out.toByteArray(), out.size() - 5);
        IOException e = assertThrows(IOException.class, () -> ExampleVectors.read(new ByteArrayInputStream(cut)));
        assertEquals("the example-vector file is cut short", e.getMessage());
    }

    @Test
    void aFileOfAnotherFormatIsRefused() {
        assertThrows(IOException.class, () -> ExampleVectors.read(new ByteArrayInputStream(new byte[] {0, 0, 0, 9})));
    }

    @Test
    void vectorsOfAnotherModelAreNotMixedIn() {
        Embeddings embeddings = Embeddings.of(new FakeEncoder());
        embeddings.remember(new ExampleVectors("another model", Map.of("x", new float[] {1f})));
        assertEquals(0, embeddings.known().size());
        embeddings.remember(new ExampleVectors("fake", Map.of("x", new float[] {1f})));
        assertEquals(1, embeddings.known().size());
    }

    private int indexOf(String id) {
        for (int i = 0; i < intents.size(); i++) {
            if (intents.get(i).id().equals(id)) {
                return i;
            }
        }
        throw new IllegalArgumentException(id);
    }
}
