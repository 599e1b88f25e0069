package io.attest.knowledge;

/**
 * A small English sentence-embedding model shipped on the class path (from its Maven artifact), and how to feed it.
 *
 * @param name      short name, used in fingerprints and benchmarks
 * @param onnx      class-path resource of the quantised ONNX model
 * @param tokenizer class-path resource of its Hugging Face tokenizer.json
 * @param pooling   how token vectors become one sentence vector, as the model was trained
 * @param prefix    text the model expects before every sentence ("query: " for E5), or ""
 * @param maxTokens longest input fed to the model; longer text is cut (long messages are split into sentences first)
 */
record EmbeddingModel(String name, String onnx, String tokenizer, Pooling pooling, String prefix, int maxTokens) {

    enum Pooling { MEAN, CLS }

    static final EmbeddingModel MINILM_L6 = new EmbeddingModel("all-minilm-l6-v2-q",
            "/all-minilm-l6-v2-q.onnx", "/all-minilm-l6-v2-q-tokenizer.json", Pooling.MEAN, "", 128);
    static final EmbeddingModel BGE_SMALL = new EmbeddingModel("bge-small-en-v1.5-q",
            "/bge-small-en-v1.5-q.onnx", "/bge-small-en-v1.5-q-tokenizer.json", Pooling.CLS, "", 128);
    static final EmbeddingModel E5_SMALL = new EmbeddingModel("e5-small-v2-q",
            "/e5-small-v2-q.onnx", "/e5-small-v2-q-tokenizer.json", Pooling.MEAN, "query: ", 128);
}
