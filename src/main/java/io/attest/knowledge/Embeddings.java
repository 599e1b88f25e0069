package io.attest.knowledge;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The process's one sentence encoder and every example vector it knows. Loading the model takes a few hundred
 * milliseconds and its memory is native, so it is loaded once and shared by every knowledge base the process builds
 * (a reload in local mode included); vectors computed at build time or by an earlier load are reused by text.
 */
final class Embeddings {

    /** The model that ships: chosen on quality, speed, size and memory (docs/quality.md). */
    static final EmbeddingModel MODEL = EmbeddingModel.BGE_SMALL;

    private static Embeddings shared;

    private final SentenceEncoder encoder;
    private final String unavailable;
    private final Map<String, float[]> known = new HashMap<>();
    private final String fingerprint;

    private Embeddings(SentenceEncoder encoder, String unavailable) {
        this.encoder = encoder;
        this.unavailable = unavailable;
        this.fingerprint = encoder == null ? "" : encoder.fingerprint();
    }

    /** The shared encoder, loaded on first use; without one (no model, or no native runtime here) words alone match. */
    static synchronized Embeddings shared() {
        if (shared == null) {
            shared = load(MODEL);
        }
        return shared;
    }

    static Embeddings load(EmbeddingModel model) {
        try {
            Embeddings loaded = new Embeddings(OnnxSentenceEncoder.load(model), null);
            loaded.remember(ExampleVectors.bundled(loaded.fingerprint));
            return loaded;
        } catch (IOException | RuntimeException | LinkageError e) {
            return new Embeddings(null, e.getMessage());
        }
    }

    /** For tests: an encoder of the test's choosing, with nothing known in advance. */
    static Embeddings of(SentenceEncoder encoder) {
        return new Embeddings(encoder, null);
    }

    static Embeddings none(String why) {
        return new Embeddings(null, why);
    }

    Optional<SentenceEncoder> encoder() {
        return Optional.ofNullable(encoder);
    }

    /** Why there is no encoder, or null when there is one. */
    String unavailable() {
        return unavailable;
    }

    synchronized ExampleVectors known() {
        return new ExampleVectors(fingerprint, known);
    }

    synchronized void remember(ExampleVectors vectors) {
        if (vectors.fingerprint().equals(fingerprint)) {
            vectors.forEach(known::put);
        }
    }
}
