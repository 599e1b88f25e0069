package io.attest.triage;

import java.nio.file.Path;

/** The real content, {@code intents/triage.yml} relative to the project root, loaded once for the tests. */
final class TestContent {
    static final Path INTENTS = Path.of("intents");
    private static final TriageContent CONTENT = TriageContent.load(INTENTS);

    private TestContent() {
    }

    static TriageContent content() {
        return CONTENT;
    }

    static TriageEngine engine() {
        return new TriageEngine(CONTENT);
    }
}
