package io.attest.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The small knowledge base under src/test/resources/fixture-intents, and copies of it to break. */
public final class Fixtures {

    private Fixtures() {
    }

    public static Path fixtureIntents() {
        try {
            return Path.of(Fixtures.class.getResource("/fixture-intents/language.yml").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static KnowledgeBase fixtureKnowledgeBase() {
        try {
            return KnowledgeBase.load(fixtureIntents());
        } catch (IOException | InvalidKnowledgeBaseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A writable copy of the fixture folder in {@code dir}. */
    public static Path copyOfFixture(Path dir) {
        try (Stream<Path> files = Files.list(fixtureIntents())) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The real intents folder of the project (tests run from the project root). */
    public static Path realIntents() {
        return Path.of("intents");
    }

    /**
     * A copy of the real intents in {@code dir} with the shipped example profile filled in as ours
     * ({@code company.example.yml} copied to {@code company.yml}), as a compliance team starts out.
     */
    public static Path realIntentsWithExampleProfile(Path dir) {
        try (Stream<Path> files = Files.list(realIntents())) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
            Files.copy(realIntents().resolve("company.example.yml"), dir.resolve("company.yml"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
