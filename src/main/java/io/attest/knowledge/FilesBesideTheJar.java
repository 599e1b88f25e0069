package io.attest.knowledge;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The model and ONNX Runtime's natives as plain files, which the build unpacks beside the jar
 * ({@code target/attest-files/}). Read from the jar, the 32 MB model is inflated on every start and the natives are
 * extracted to a temporary folder: about a quarter of a second on one core, on the path to the first answer. A file is
 * used only when it is the same size as the jar's copy of it; anything else (a jar copied on its own, files from
 * another build) falls back to the jar.
 */
final class FilesBesideTheJar {

    static final String FOLDER = "attest-files";
    /** ONNX Runtime's own setting for a folder to load its natives from instead of extracting them. */
    static final String NATIVE_PATH = "onnxruntime.native.path";

    private FilesBesideTheJar() {
    }

    /** A file holding the class-path resource {@code name} (for example {@code /model.onnx}), if there is one. */
    static Optional<Path> of(String name) {
        URL url = FilesBesideTheJar.class.getResource(name);
        return url == null ? Optional.empty() : of(url, name);
    }

    static Optional<Path> of(URL url, String name) {
        try {
            if (url.getProtocol().equals("file")) {
                return Optional.of(Path.of(url.toURI())); // classes run from a folder: it is a file already
            }
            URLConnection connection = url.openConnection();
            if (!(connection instanceof JarURLConnection entry)) {
                return Optional.empty();
            }
            Path jar = Path.of(entry.getJarFileURL().toURI());
            Path beside = jar.resolveSibling(FOLDER).resolve(name.substring(1));
            return Files.isRegularFile(beside) && Files.size(beside) == entry.getJarEntry().getSize()
                    ? Optional.of(beside) : Optional.empty();
        } catch (IOException | URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Points ONNX Runtime at the natives beside the jar, when both of this platform's are there and match, unless
     * whoever started the JVM chose a folder already. Must run before ONNX Runtime loads.
     */
    static void useNativesBesideTheJar() {
        if (System.getProperty(NATIVE_PATH) != null) {
            return;
        }
        nativeFolder().ifPresent(folder -> System.setProperty(NATIVE_PATH, folder.toString()));
    }

    static Optional<Path> nativeFolder() {
        String platform = platform();
        if (platform == null) {
            return Optional.empty();
        }
        String suffix = platform.startsWith("osx") ? ".dylib" : ".so";
        Optional<Path> runtime = of("/ai/onnxruntime/native/" + platform + "/libonnxruntime" + suffix);
        Optional<Path> bridge = of("/ai/onnxruntime/native/" + platform + "/libonnxruntime4j_jni" + suffix);
        return runtime.isPresent() && bridge.isPresent() && runtime.get().getParent().equals(bridge.get().getParent())
                ? Optional.of(runtime.get().getParent()) : Optional.empty();
    }

    /** ONNX Runtime's name for this platform's natives folder, for the platforms the jar carries; null elsewhere. */
    static String platform() {
        return platform(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
    }

    static String platform(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String arch = osArch.toLowerCase(Locale.ROOT);
        String system = os.startsWith("linux") ? "linux" : os.startsWith("mac") ? "osx" : null;
        String machine = arch.equals("amd64") || arch.equals("x86_64") ? "x64" : arch.equals("aarch64") || arch.equals("arm64") ? "aarch64" : null;
        return system == null || machine == null ? null : system + "-" + machine;
    }
}
