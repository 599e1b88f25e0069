package io.attest.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.attest.knowledge.ReplyKind;
import io.attest.store.AskedQuestion;
import io.attest.store.ChannelType;
import io.attest.store.Questions;
import io.attest.store.Store;
import io.attest.store.StoreException;
import io.attest.store.StoreSettings;
import io.attest.store.Surface;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The graceful shutdown writes what Attest still holds, so on SIGTERM it must run while the embedded database is still
 * open: H2 closes itself from a shutdown hook of its own. Proven on a real JVM sent a real SIGTERM.
 */
class ExitSignalsTest {

    @Test
    void onSigtermTheShutdownStillWritesToTheEmbeddedDatabaseBeforeTheJvmExits(@TempDir Path folder) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), WritesOnShutdown.class.getName(), folder.toString())
                .redirectErrorStream(true).start();
        StringBuilder output = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null && !line.equals("ready")) {
                output.append(line).append('\n');
            }
            child.toHandle().destroy(); // SIGTERM, as a platform stopping an instance sends (and keeps our pipe open)
            assertTrue(child.waitFor(2, TimeUnit.MINUTES), "the child JVM exits");
            lines.lines().forEach(l -> output.append(l).append('\n'));
        }
        assertTrue(output.toString().contains("recorded on shutdown: true"), output.toString());
        assertEquals(0, child.exitValue(), "a drained shutdown exits cleanly");

        try (Store store = open(folder)) {
            assertEquals("is soc 2 a certification?", new Questions(store).find("q-at-exit").orElseThrow().text(),
                    "what the shutdown wrote is there after a restart");
        }
    }

    @Test
    void aDrainThatFailsStillEndsTheProcess() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), FailsOnShutdown.class.getName())
                .redirectErrorStream(true).start();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null && !line.equals("ready")) {
                // start-up output
            }
            child.toHandle().destroy();
            assertTrue(child.waitFor(2, TimeUnit.MINUTES), "the child JVM exits although its drain threw");
        } finally {
            child.destroyForcibly();
        }
    }

    /** Its drain throws, as a bug in a shutdown step would. */
    static final class FailsOnShutdown {
        public static void main(String[] args) throws Exception {
            ExitSignals.onTermOrInt(() -> {
                throw new IllegalStateException("a shutdown step failed");
            });
            System.out.println("ready");
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    private static Store open(Path folder) throws StoreException {
        return Store.open(StoreSettings.of(null, folder.toString()), Duration.ofSeconds(30), Clock.systemUTC());
    }

    /** Opens the store and waits; on SIGTERM it records a question and closes the store, as the service does. */
    static final class WritesOnShutdown {
        public static void main(String[] args) throws Exception {
            Store store = open(Path.of(args[0]));
            Runnable shutdown = () -> {
                boolean recorded = new Questions(store).recordAll(List.of(new AskedQuestion("q-at-exit", Instant.now(),
                        "U1", Surface.SLASH, ChannelType.PUBLIC, "C1", null, "is soc 2 a certification?",
                        ReplyKind.ANSWER, "soc2_certification", 0.9, List.of(), null)));
                System.out.println("recorded on shutdown: " + recorded);
                store.close();
            };
            Runtime.getRuntime().addShutdownHook(new Thread(shutdown));
            ExitSignals.onTermOrInt(shutdown);
            System.out.println("ready");
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
