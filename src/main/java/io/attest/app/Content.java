package io.attest.app;

import io.attest.knowledge.InvalidKnowledgeBaseException;
import io.attest.knowledge.KnowledgeBase;
import io.attest.triage.TriageContent;
import io.attest.triage.TriageContentException;
import io.attest.triage.TriageEngine;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Everything read from the intents folder: the knowledge base and the triage wording, loaded together. */
record Content(KnowledgeBase kb, TriageEngine triage) {

    static Content load(Path dir) throws IOException, InvalidKnowledgeBaseException, TriageContentException {
        return new Content(KnowledgeBase.load(dir), new TriageEngine(TriageContent.load(dir)));
    }

    static List<String> triageProblems(Path dir) {
        return TriageContent.problems(dir);
    }

    static String summary(Path dir) throws IOException {
        try {
            KnowledgeBase kb = KnowledgeBase.load(dir);
            return kb.intents().size() + " intents (" + kb.answers().size() + " answers) and the triage wording";
        } catch (InvalidKnowledgeBaseException e) {
            return e.getMessage();
        }
    }
}
