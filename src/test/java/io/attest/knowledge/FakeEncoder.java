package io.attest.knowledge;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * A sentence encoder for tests: a sentence's vector is the normalised sum of one fixed random vector per word, so
 * sentences sharing words are close; {@link #same(String, String)} makes two sentences mean the same whatever their
 * words, as a real model does for paraphrases.
 */
final class FakeEncoder implements SentenceEncoder {

    private static final int DIMENSIONS = 64;
    private final Map<String, String> meaning = new HashMap<>();
    int calls;

    /** From now on {@code sentence} is encoded exactly like {@code like}. */
    FakeEncoder same(String sentence, String like) {
        meaning.put(key(sentence), key(like));
        return this;
    }

    @Override
    public float[] encode(String sentence) {
        calls++;
        String text = meaning.getOrDefault(key(sentence), key(sentence));
        float[] v = new float[DIMENSIONS];
        for (String word : text.split("[^a-z0-9]+")) {
            if (word.isEmpty()) {
                continue;
            }
            Random random = new Random(word.hashCode());
            for (int d = 0; d < DIMENSIONS; d++) {
                v[d] += (float) random.nextGaussian();
            }
        }
        return OnnxSentenceEncoder.normalise(v);
    }

    private static String key(String s) {
        return TextNormaliser.normalise(s).toLowerCase(Locale.ROOT);
    }

    @Override
    public String fingerprint() {
        return "fake";
    }

    @Override
    public int dimensions() {
        return DIMENSIONS;
    }

    @Override
    public void close() {
    }
}
