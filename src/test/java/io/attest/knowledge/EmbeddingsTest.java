package io.attest.knowledge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model that ships, as it runs in this JVM, and the vectors the build computed with it. */
class EmbeddingsTest {

    private final Embeddings shared = Embeddings.shared();

    @Test
    void theShippedModelRunsHere() {
        assertNull(shared.unavailable());
        SentenceEncoder encoder = shared.encoder().orElseThrow();
        assertEquals(384, encoder.dimensions());
        float[] v = encoder.encode("is soc 2 a certification?");
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        assertEquals(1.0, norm, 1e-4);
    }

    @Test
    void paraphrasesLieCloserThanUnrelatedSentences() {
        SentenceEncoder encoder = shared.encoder().orElseThrow();
        float[] question = encoder.encode("is soc 2 a certification?");
        double paraphrase = cosine(question, encoder.encode("can we say we are soc 2 certified"));
        double unrelated = cosine(question, encoder.encode("how do I reset my laptop password"));
        assertTrue(paraphrase > unrelated + 0.3, paraphrase + " vs " + unrelated);
    }

    @Test
    void theModelReadFromAFileBesideTheJarComputesWhatTheJarsCopyDoes(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("model.onnx");
        try (InputStream weights = EmbeddingsTest.class.getResourceAsStream(Embeddings.MODEL.onnx())) {
            Files.copy(weights, file);
        }
        OnnxSentenceEncoder fromFile = OnnxSentenceEncoder.load(Embeddings.MODEL, Optional.of(file));
        OnnxSentenceEncoder fromJar = OnnxSentenceEncoder.load(Embeddings.MODEL, Optional.empty());
        for (String sentence : List.of("is soc 2 a certification?", "does a type 2 need pen tests")) {
            assertArrayEquals(fromJar.encode(sentence), fromFile.encode(sentence), sentence);
        }
    }

    @Test
    void theBuildsVectorsAreWhatTheModelComputesNow() throws Exception {
        KnowledgeBase real = KnowledgeBase.load(Fixtures.realIntents());
        ExampleVectors bundled = ExampleVectors.bundled(shared.encoder().orElseThrow().fingerprint());
        List<String> texts = real.intents().stream().flatMap(i -> SemanticIndex.textsOf(i).stream()).toList();
        assertTrue(texts.stream().allMatch(t -> bundled.get(t).isPresent()), "the build embedded every example");
        SentenceEncoder encoder = shared.encoder().orElseThrow();
        for (String text : texts.subList(0, 25)) {
            assertEquals(1.0, cosine(bundled.get(text).orElseThrow(), encoder.encode(text)), 1e-4, text);
        }
        assertTrue(real.matching().startsWith("words and meaning (" + Embeddings.MODEL.name()), real.matching());
    }

    @Test
    void aModelThatIsNotThereLeavesWordsAlone() throws Exception {
        Embeddings none = Embeddings.load(new EmbeddingModel("missing", "/no.onnx", "/no.json", EmbeddingModel.Pooling.MEAN, "", 16));
        assertTrue(none.encoder().isEmpty());
        assertEquals("the embedding model missing is not on the class path", none.unavailable());
        KnowledgeBase kb = KnowledgeBase.load(Fixtures.fixtureIntents(), none);
        assertEquals("words only: the embedding model missing is not on the class path", kb.matching());
        assertEquals("soc2_attestation", kb.ask("is soc 2 a certification").intentId());
    }

    private static double cosine(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
