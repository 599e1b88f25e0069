package io.attest.knowledge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every example and title as a sentence vector; a question's semantic score for an intent is its cosine to the
 * intent's closest example. Vectors are unit length, so the cosine is a dot product.
 */
final class SemanticIndex {

    private final SentenceEncoder encoder;
    private final int intents;
    private final int examples;
    private final int dimensions;
    /** Dimension-major (dimensions × examples), so scoring is one vectorisable multiply-add per dimension. */
    private final float[] matrix;
    private final int[] owner;
    private final ExampleVectors vectors;
    private final int computed;

    SemanticIndex(List<Intent> intentList, SentenceEncoder encoder, ExampleVectors known) {
        this.encoder = encoder;
        this.intents = intentList.size();
        List<String> texts = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        for (int i = 0; i < intentList.size(); i++) {
            for (String text : textsOf(intentList.get(i))) {
                texts.add(text);
                owners.add(i);
            }
        }
        this.examples = texts.size();
        this.dimensions = encoder.dimensions();
        this.matrix = new float[dimensions * examples];
        this.owner = owners.stream().mapToInt(Integer::intValue).toArray();
        Map<String, float[]> byText = new HashMap<>();
        int fresh = 0;
        for (int e = 0; e < examples; e++) {
            String text = texts.get(e);
            float[] v = byText.get(text);
            if (v == null) {
                v = known.get(text).orElse(null);
                if (v == null) {
                    v = encoder.encode(text);
                    fresh++;
                }
                byText.put(text, v);
            }
            for (int d = 0; d < dimensions; d++) {
                matrix[d * examples + e] = v[d];
            }
        }
        this.computed = fresh;
        this.vectors = new ExampleVectors(encoder.fingerprint(), byText);
    }

    /** The texts of an intent that stand for it: its examples and its title, as a question normalises them. */
    static List<String> textsOf(Intent intent) {
        List<String> texts = new ArrayList<>();
        intent.examples().forEach(e -> texts.add(TextNormaliser.normalise(e)));
        texts.add(TextNormaliser.normalise(intent.title()));
        return texts;
    }

    float[] encode(String question) {
        return encoder.encode(question);
    }

    /** For every intent, the cosine between the question and its closest example. */
    double[] scores(float[] question) {
        float[] dots = new float[examples];
        for (int d = 0; d < dimensions; d++) {
            float q = question[d];
            int row = d * examples;
            for (int e = 0; e < examples; e++) {
                dots[e] += q * matrix[row + e];
            }
        }
        double[] best = new double[intents];
        java.util.Arrays.fill(best, -1);
        for (int e = 0; e < examples; e++) {
            if (dots[e] > best[owner[e]]) {
                best[owner[e]] = dots[e];
            }
        }
        return best;
    }

    /** Every example vector, to be reused by the next load of changed content. */
    ExampleVectors vectors() {
        return vectors;
    }

    /** How many examples this index had to embed itself (none were known). */
    int computed() {
        return computed;
    }
}
