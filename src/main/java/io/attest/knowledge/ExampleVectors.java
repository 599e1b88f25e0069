package io.attest.knowledge;

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
    private static final int FORMAT = 2;

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
        // Read whole and decoded from a buffer: two and a half thousand vectors float by float took a tenth of a second.
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(in.readAllBytes());
        try {
            if (buffer.getInt() != FORMAT) {
                throw new IOException("unknown example-vector format");
            }
            String fingerprint = utf(buffer);
            int count = buffer.getInt();
            int dimensions = buffer.getInt();
            Map<String, float[]> byText = new HashMap<>(count * 2);
            for (int i = 0; i < count; i++) {
                String text = utf(buffer);
                float[] v = new float[dimensions];
                buffer.asFloatBuffer().get(v);
                buffer.position(buffer.position() + dimensions * Float.BYTES);
                byText.put(text, v);
            }
            return new ExampleVectors(fingerprint, byText);
        } catch (java.nio.BufferUnderflowException e) {
            throw new IOException("the example-vector file is cut short", e);
        }
    }

    private static String utf(java.nio.ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.getInt()];
        buffer.get(bytes);
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void utf(DataOutputStream data, String text) throws IOException {
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        data.writeInt(bytes.length);
        data.write(bytes);
    }

    void write(OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(new java.io.BufferedOutputStream(out, 1 << 16));
        int dimensions = byText.values().stream().findFirst().map(v -> v.length).orElse(0);
        data.writeInt(FORMAT);
        utf(data, fingerprint);
        data.writeInt(byText.size());
        data.writeInt(dimensions);
        for (Map.Entry<String, float[]> e : new java.util.TreeMap<>(byText).entrySet()) {
            utf(data, e.getKey());
            for (float x : e.getValue()) {
                data.writeFloat(x);
            }
        }
        data.flush();
    }
}
