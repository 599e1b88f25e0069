package io.attest.app;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Finds the intents folder: {@code ATTEST_INTENTS} when set, else the copy the jar carries. */
final class ContentLocation {

    private ContentLocation() {
    }

    static Path intentsFolder(Config config) throws IOException {
        if (config.intentsFolder() != null) {
            Path dir = Path.of(config.intentsFolder());
            if (!Files.isDirectory(dir)) {
                throw new IOException("ATTEST_INTENTS points at " + dir + ", which is not a folder");
            }
            return dir;
        }
        return bundled();
    }

    /**
     * ./intents when run from a checkout and ATTEST_INTENTS is unset, so content authors work on the files they
     * edit; otherwise as {@link #intentsFolder}.
     */
    static Path checkoutOrConfigured(Config config) throws IOException {
        Path checkout = Path.of("intents");
        return config.intentsFolder() == null && Files.isDirectory(checkout) ? checkout : intentsFolder(config);
    }

    /** Beside the packaged {@code intents/}: written by the build once it has validated that copy. */
    static final String CHECKED_MARKER = "intents.checked";

    /**
     * Whether {@code dir} is a packaged copy the build validated ({@link ContentCheckAtBuild}): inside a jar, with the
     * build's marker beside it. A folder on disk may have been edited since any check, so it is validated as it loads.
     */
    static boolean checkedAtBuild(Path dir) {
        Path parent = dir.toAbsolutePath().getParent();
        return !dir.getFileSystem().equals(FileSystems.getDefault()) && parent != null
                && Files.isRegularFile(parent.resolve(CHECKED_MARKER));
    }

    /** The {@code intents/} copy packaged on the class path (inside the jar, or target/classes in a build). */
    static Path bundled() throws IOException {
        URL marker = ContentLocation.class.getResource("/intents/language.yml");
        if (marker == null) {
            throw new IOException("this build carries no intents/ folder; set ATTEST_INTENTS");
        }
        try {
            URI uri = marker.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem jar;
                try {
                    jar = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    jar = FileSystems.getFileSystem(uri);
                }
                return jar.getPath("/intents");
            }
            return Path.of(uri).getParent();
        } catch (URISyntaxException e) {
            throw new IOException("cannot read the bundled intents: " + e.getMessage(), e);
        }
    }
}
