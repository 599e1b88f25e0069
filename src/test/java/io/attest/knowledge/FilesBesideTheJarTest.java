package io.attest.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The model and the natives are read from plain files beside the jar only when those are the jar's own. */
class FilesBesideTheJarTest {

    static final String MODEL = "/model.onnx";
    static final byte[] WEIGHTS = "pretend these are 32 MB of weights".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path target;

    @Test
    void aFileBesideTheJarOfTheSameSizeIsUsedInsteadOfTheJarsCopy() throws Exception {
        URL inJar = jarWith(MODEL, WEIGHTS);
        Path beside = besideTheJar(MODEL, WEIGHTS);
        assertEquals(Optional.of(beside), FilesBesideTheJar.of(inJar, MODEL));
    }

    @Test
    void aResourceThatIsAFileAlreadyIsUsedAsItIs() throws Exception {
        Path classes = Files.createDirectories(target.resolve("classes"));
        Path model = Files.write(classes.resolve("model.onnx"), WEIGHTS);
        assertEquals(Optional.of(model), FilesBesideTheJar.of(model.toUri().toURL(), MODEL));
    }

    @Nested
    class TheJarsCopyIsReadWhen {

        @Test
        void nothingWasUnpackedBesideTheJar() throws Exception {
            assertEquals(Optional.empty(), FilesBesideTheJar.of(jarWith(MODEL, WEIGHTS), MODEL));
        }

        @Test
        void theFileBesideItIsNotTheSameSize() throws Exception {
            URL inJar = jarWith(MODEL, WEIGHTS);
            besideTheJar(MODEL, "weights of another build".getBytes(StandardCharsets.UTF_8));
            assertEquals(Optional.empty(), FilesBesideTheJar.of(inJar, MODEL));
        }

        @Test
        void whatIsBesideItIsAFolder() throws Exception {
            URL inJar = jarWith(MODEL, WEIGHTS);
            Files.createDirectories(target.resolve(FilesBesideTheJar.FOLDER).resolve("model.onnx"));
            assertEquals(Optional.empty(), FilesBesideTheJar.of(inJar, MODEL));
        }
    }

    @ParameterizedTest(name = "{0} on {1}: {2}")
    @CsvSource({
        "Linux, amd64, linux-x64",
        "Linux, aarch64, linux-aarch64",
        "Mac OS X, aarch64, osx-aarch64",
        "Mac OS X, x86_64, osx-x64",
        "Windows 11, amd64, ",
        "Linux, s390x, "})
    void theNativesFolderIsNamedAsOnnxRuntimeNamesItsPlatforms(String os, String arch, String folder) {
        assertEquals(folder, FilesBesideTheJar.platform(os, arch));
    }

    @Test
    void onThisMachineTheNativesComeFromTheJarInTestsSinceNothingIsUnpackedBesideIt() {
        // The test class path holds ONNX Runtime's own jar from the local repository, with no folder beside it.
        assertTrue(FilesBesideTheJar.nativeFolder().isEmpty());
        assertNull(System.getProperty(FilesBesideTheJar.NATIVE_PATH));
    }

    private URL jarWith(String name, byte[] content) throws IOException {
        Path jar = target.resolve("attest.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry(name.substring(1)));
            out.write(content);
            out.closeEntry();
        }
        return new URL("jar:" + jar.toUri() + "!" + name);
    }

    private Path besideTheJar(String name, byte[] content) throws IOException {
        Path file = target.resolve(FilesBesideTheJar.FOLDER).resolve(name.substring(1));
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(content);
        }
        return file;
    }
}
