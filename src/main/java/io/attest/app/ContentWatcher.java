package io.attest.app;

import io.attest.knowledge.InvalidKnowledgeBaseException;
import io.attest.knowledge.Problem;
import io.attest.triage.TriageContentException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Local mode only: reloads the intents folder when a file in it changes, so content authors see edits without a
 * restart. A broken edit keeps the last good content answering and shows its problems instead of stopping.
 */
final class ContentWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ContentWatcher.class);

    private final Path dir;
    private volatile Content current;
    private volatile List<String> problems = List.of();
    private volatile String fingerprint;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "attest-content-watcher");
        t.setDaemon(true);
        return t;
    });

    ContentWatcher(Path dir, Content initial) throws IOException {
        this.dir = dir;
        this.current = initial;
        this.fingerprint = fingerprint();
    }

    ContentWatcher start() {
        timer.scheduleWithFixedDelay(this::check, 1, 1, TimeUnit.SECONDS);
        return this;
    }

    Content current() {
        return current;
    }

    List<String> problems() {
        return problems;
    }

    /** Reloads if anything changed; returns true when new content is in use. */
    boolean check() {
        try {
            String now = fingerprint();
            if (now.equals(fingerprint)) {
                return false;
            }
            fingerprint = now;
            current = Content.load(dir);
            problems = List.of();
            LOG.info("Reloaded {}: {} intents", dir, current.kb().intents().size());
            return true;
        } catch (InvalidKnowledgeBaseException e) {
            problems = e.problems().stream().map(Problem::toString).toList();
        } catch (TriageContentException e) {
            problems = e.problems();
        } catch (IOException | RuntimeException e) {
            problems = List.of(String.valueOf(e.getMessage()));
        }
        LOG.warn("{} has {} problem(s); still answering with the last good content", dir, problems.size());
        return false;
    }

    private String fingerprint() throws IOException {
        List<String> parts = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yml")).sorted().toList()) {
                parts.add(f.getFileName() + ":" + Files.getLastModifiedTime(f).toMillis() + ":" + Files.size(f));
            }
        }
        return String.join("|", parts);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
