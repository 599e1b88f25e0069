package io.attest.knowledge;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Sentence vectors of example texts, by text, for one encoder fingerprint. Embedding every example takes seconds, so
 * the build computes them into a class-path resource ({@link #RESOURCE}) and a reload reuses what it already has;
 * only examples nobody has embedded yet are computed at load.
 */
final class ExampleVectors {

    static final String RESOURCE = "/embeddings/examples.bin";
    private static final int FORMAT = 1;

    private final String fingerprint;
    private final Map<String, float[]> byText;

    ExampleVectors(String fingerprint, Map<String, float[]> byText) {
        this.fingerprint = fingerprint;
        this.byText = Collections.unmodifiableMap(new HashMap<>(byText));
    }

    static ExampleVectors none(String fingerprint) {
        return new ExampleVectors(fingerprint, Map.of());
    }

    /** The vectors the build computed for this encoder, or none when the resource is missing or for another model. */
    static ExampleVectors bundled(String fingerprint) {
        try (InputStream in = ExampleVectors.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                ExampleVectors read = read(in);
                if (read.fingerprint.equals(fingerprint)) {
                    return read;
                }
            }
        } catch (IOException e) {
            // An unreadable cache only costs start-up time: everything is embedded afresh.
        }
        return none(fingerprint);
    }

    Optional<float[]> get(String text) {
        return Optional.ofNullable(byText.get(text));
    }

    void forEach(java.util.function.BiConsumer<String, float[]> action) {
        byText.forEach(action);
    }

    int size() {
        return byText.size();
    }

    String fingerprint() {
        return fingerprint;
    }

    static ExampleVectors read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(new java.io.BufferedInputStream(in, 1 << 16));
        if (data.readInt() != FORMAT) {
            throw new IOException("unknown example-vector format");
        }
        String fingerprint = data.readUTF();
        int count = data.readInt();
        int dimensions = data.readInt();
        Map<String, float[]> byText = new HashMap<>(count * 2);
        for (int i = 0; i < count; i++) {
            String text = data.readUTF();
            float[] v = new float[dimensions];
            for (int d = 0; d < dimensions; d++) {
                v[d] = data.readFloat();
            }
            byText.put(text, v);
        }
        return new ExampleVectors(fingerprint, byText);
    }

    void write(OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(new java.io.BufferedOutputStream(out, 1 << 16));
        int dimensions = byText.values().stream().findFirst().map(v -> v.length).orElse(0);
        data.writeInt(FORMAT);
        data.writeUTF(fingerprint);
        data.writeInt(byText.size());
        data.writeInt(dimensions);
        for (Map.Entry<String, float[]> e : new java.util.TreeMap<>(byText).entrySet()) {
            data.writeUTF(e.getKey());
            for (float x : e.getValue()) {
                data.writeFloat(x);
            }
        }
        data.flush();
    }
}
