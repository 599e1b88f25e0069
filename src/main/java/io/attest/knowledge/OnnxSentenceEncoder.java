package io.attest.knowledge;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Runs an {@link EmbeddingModel} in-process with ONNX Runtime, on one thread per call: a question is short, and a
 * Slack bot serves many questions at once rather than one large batch.
 */
final class OnnxSentenceEncoder implements SentenceEncoder {

    private final EmbeddingModel model;
    private final WordPieceTokenizer tokenizer;
    private final OrtEnvironment environment;
    private final OrtSession session;
    private final boolean wantsTokenTypes;
    private final int dimensions;

    private OnnxSentenceEncoder(EmbeddingModel model, WordPieceTokenizer tokenizer, OrtEnvironment environment,
            OrtSession session) throws OrtException {
        this.model = model;
        this.tokenizer = tokenizer;
        this.environment = environment;
        this.session = session;
        this.wantsTokenTypes = session.getInputNames().contains("token_type_ids");
        this.dimensions = run(new long[] {0, 0}).length;
    }

    /**
     * Loads the model from the class path, or from the file the build unpacked beside the jar; throws IOException when
     * it is not there or cannot run here.
     */
    static OnnxSentenceEncoder load(EmbeddingModel model) throws IOException {
        return load(model, FilesBesideTheJar.of(model.onnx()));
    }

    /** @param file the model's weights as a file, or empty to read them from the class path */
    static OnnxSentenceEncoder load(EmbeddingModel model, Optional<Path> file) throws IOException {
        WordPieceTokenizer tokenizer;
        try (InputStream vocab = OnnxSentenceEncoder.class.getResourceAsStream(model.tokenizer())) {
            if (vocab == null || OnnxSentenceEncoder.class.getResource(model.onnx()) == null) {
                throw new IOException("the embedding model " + model.name() + " is not on the class path");
            }
            tokenizer = WordPieceTokenizer.fromTokenizerJson(vocab);
        }
        byte[] weights = null;
        if (file.isEmpty()) {
            try (InputStream onnx = OnnxSentenceEncoder.class.getResourceAsStream(model.onnx())) {
                weights = onnx.readAllBytes();
            }
        }
        try {
            FilesBesideTheJar.useNativesBesideTheJar();
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            // One thread per question: concurrency comes from serving several questions at once.
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            OrtSession session = file.isPresent()
                    ? environment.createSession(file.get().toString(), options)
                    : environment.createSession(weights, options);
            return new OnnxSentenceEncoder(model, tokenizer, environment, session);
        } catch (OrtException | UnsatisfiedLinkError e) {
            throw new IOException("the embedding model cannot run here: " + e.getMessage(), e);
        }
    }

    @Override
    public float[] encode(String sentence) {
        long[] ids = tokenizer.encode(model.prefix() + sentence, model.maxTokens());
        try {
            return run(ids);
        } catch (OrtException e) {
            throw new IllegalStateException("the embedding model failed on a " + ids.length + "-token input", e);
        }
    }

    private float[] run(long[] ids) throws OrtException {
        int n = ids.length;
        long[] mask = new long[n];
        java.util.Arrays.fill(mask, 1L);
        long[] shape = {1, n};
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape));
            inputs.put("attention_mask", OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape));
            if (wantsTokenTypes) {
                inputs.put("token_type_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[n]), shape));
            }
            try (OrtSession.Result result = session.run(inputs)) {
                FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer();
                int width = hidden.capacity() / n;
                float[] vector = new float[width];
                if (model.pooling() == EmbeddingModel.Pooling.CLS) {
                    hidden.get(0, vector);
                } else {
                    for (int t = 0; t < n; t++) {
                        for (int d = 0; d < width; d++) {
                            vector[d] += hidden.get(t * width + d);
                        }
                    }
                }
                return normalise(vector);
            }
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    static float[] normalise(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += x * x;
        }
        float norm = (float) Math.sqrt(sum);
        if (norm > 0) {
            for (int i = 0; i < v.length; i++) {
                v[i] /= norm;
            }
        }
        return v;
    }

    @Override
    public String fingerprint() {
        return model.name() + "|" + model.pooling() + "|" + model.prefix() + "|" + model.maxTokens();
    }

    @Override
    public int dimensions() {
        return dimensions;
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            // Closing at shutdown; nothing left to do with a failure.
        }
    }
}
