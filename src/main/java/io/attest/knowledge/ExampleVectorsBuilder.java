package io.attest.knowledge;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Build step ({@code mvn package} runs it after compiling): embeds every example and title of an intents folder into
 * {@link ExampleVectors#RESOURCE}, so that start-up reads vectors instead of computing them.
 * Usage: {@code ExampleVectorsBuilder INTENTS_DIR OUTPUT_FILE}.
 */
public final class ExampleVectorsBuilder {

    private ExampleVectorsBuilder() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: ExampleVectorsBuilder INTENTS_DIR OUTPUT_FILE");
        }
        Path output = Path.of(args[1]);
        Embeddings embeddings = Embeddings.load(Embeddings.MODEL);
        SentenceEncoder encoder = embeddings.encoder().orElseThrow(() ->
                new IllegalStateException("the embedding model cannot run here: " + embeddings.unavailable()));
        if (Files.exists(output)) {
            try (var in = Files.newInputStream(output)) {
                embeddings.remember(ExampleVectors.read(in));
            } catch (java.io.IOException e) {
                // A stale or broken file is rebuilt from scratch.
            }
        }
        long started = System.nanoTime();
        SemanticIndex index = new SemanticIndex(KnowledgeBaseLoader.load(Path.of(args[0])).intents(), encoder, embeddings.known());
        Files.createDirectories(output.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(output)) {
            index.vectors().write(out);
        }
        System.out.printf("[attest] %d example vectors (%d embedded now, %d ms) -> %s%n", index.vectors().size(),
                index.computed(), (System.nanoTime() - started) / 1_000_000, output);
        encoder.close();
    }
}
