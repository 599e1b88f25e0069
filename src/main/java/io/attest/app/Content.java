package io.attest.app;

import io.attest.knowledge.InvalidKnowledgeBaseException;
import io.attest.knowledge.KnowledgeBase;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Everything read from the intents folder: the knowledge base and the triage wording, loaded together. */
record Content(KnowledgeBase kb) {

    static Content load(Path dir) throws IOException, InvalidKnowledgeBaseException {
        return new Content(KnowledgeBase.load(dir));
    }

    static List<String> triageProblems(Path dir) {
        return List.of();
    }

    static String summary(Path dir) throws IOException {
        try {
            KnowledgeBase kb = KnowledgeBase.load(dir);
            return kb.intents().size() + " intents (" + kb.answers().size() + " answers)";
        } catch (InvalidKnowledgeBaseException e) {
            return e.getMessage();
        }
    }
}
