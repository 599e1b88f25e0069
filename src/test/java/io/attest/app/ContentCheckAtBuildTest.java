package io.attest.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.attest.knowledge.Fixtures;
import io.attest.knowledge.InvalidKnowledgeBaseException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build validates the intents it packages once, and the jar trusts that check; nothing else is trusted. */
class ContentCheckAtBuildTest {

    /** Two intents sharing an example: a problem only the validator finds, and that loading alone would not. */
    private static final String SHARED_EXAMPLE = """
            intents:
              - id: shared_example
                title: A title
                topic: basics
                examples:
                  - "Is SOC 2 a  certification?"
                  - "one more way to ask it"
                  - "and another way to ask it"
                answer: "An answer."
                related: []
                about: []
                sources: [Fixture guide]
            """;

    @TempDir
    Path temp;

    @Test
    void aValidFolderIsMarkedChecked() throws IOException {
        Path intents = Fixtures.copyOfFixture(Files.createDirectory(temp.resolve("intents")));

        ContentCheckAtBuild.main(new String[] {intents.toString()});

        assertTrue(Files.isRegularFile(temp.resolve(ContentLocation.CHECKED_MARKER)));
    }

    @Test
    void aFolderWithAProblemFailsTheBuildAndLosesAnEarlierMark() throws IOException {
        Path intents = Fixtures.copyOfFixture(Files.createDirectory(temp.resolve("intents")));
        Files.writeString(intents.resolve("shared.yml"), SHARED_EXAMPLE);
        Files.writeString(temp.resolve(ContentLocation.CHECKED_MARKER), "from an earlier build");

        assertThrows(IllegalStateException.class, () -> ContentCheckAtBuild.main(new String[] {intents.toString()}));

        assertFalse(Files.exists(temp.resolve(ContentLocation.CHECKED_MARKER)));
    }

    @Test
    void onlyACopyInsideAJarWithTheMarkBesideItCountsAsChecked() throws IOException {
        Path onDisk = Fixtures.copyOfFixture(Files.createDirectory(temp.resolve("intents")));
        Files.writeString(temp.resolve(ContentLocation.CHECKED_MARKER), "marked, but on disk anyone may edit it");
        assertFalse(ContentLocation.checkedAtBuild(onDisk));

        try (FileSystem marked = jar("marked.jar", onDisk, true); FileSystem unmarked = jar("unmarked.jar", onDisk, false)) {
            assertTrue(ContentLocation.checkedAtBuild(marked.getPath("/intents")));
            assertFalse(ContentLocation.checkedAtBuild(unmarked.getPath("/intents")));
        }
    }

    @Test
    void contentCheckedAtBuildIsNotValidatedAgainWhileAnythingElseIs() throws Exception {
        Path onDisk = Fixtures.copyOfFixture(Files.createDirectory(temp.resolve("intents")));
        Files.writeString(onDisk.resolve("shared.yml"), SHARED_EXAMPLE);

        assertThrows(InvalidKnowledgeBaseException.class, () -> Content.load(onDisk));
        try (FileSystem unmarked = jar("unmarked.jar", onDisk, false)) {
            assertThrows(InvalidKnowledgeBaseException.class, () -> Content.load(unmarked.getPath("/intents")));
        }
        // Only a build that validated would have marked it; this one is marked by hand to show the check is skipped.
        try (FileSystem marked = jar("marked.jar", onDisk, true)) {
            Content content = Content.load(marked.getPath("/intents"));
            assertTrue(content.kb().intents().stream().anyMatch(i -> i.id().equals("shared_example")));
        }
    }

    private FileSystem jar(String name, Path intents, boolean marked) throws IOException {
        Path jar = temp.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out);
             Stream<Path> files = Files.list(intents)) {
            for (Path f : files.toList()) {
                zip.putNextEntry(new ZipEntry("intents/" + f.getFileName()));
                zip.write(Files.readAllBytes(f));
                zip.closeEntry();
            }
            if (marked) {
                zip.putNextEntry(new ZipEntry(ContentLocation.CHECKED_MARKER));
                zip.write("validated by the build\n".getBytes());
                zip.closeEntry();
            }
        }
        return FileSystems.newFileSystem(jar, Map.of());
    }
}
