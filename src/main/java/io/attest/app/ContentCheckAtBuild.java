package io.attest.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Run by the build before packaging: validates the {@code intents/} copy the jar will carry, as {@code attest validate}
 * does, and marks it checked ({@link ContentLocation#CHECKED_MARKER}), so the jar loads it without validating it again.
 * Content with any problem fails the build, with every problem listed.
 */
public final class ContentCheckAtBuild {

    private ContentCheckAtBuild() {
    }

    /** {@code ContentCheckAtBuild <the intents folder to package>} */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Path marker = dir.toAbsolutePath().resolveSibling(ContentLocation.CHECKED_MARKER);
        Files.deleteIfExists(marker);
        if (ValidateCommand.run(List.of(dir.toString()), System.out, System.err, Config.fromEnvironment(Map.of())) != 0) {
            throw new IllegalStateException("the intents folder has the problems listed above; the jar would carry them");
        }
        Files.writeString(marker, "validated by the build: this jar's intents/ loads without being checked again\n");
    }
}
