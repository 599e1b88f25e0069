package io.attest.app;

import io.attest.knowledge.InvalidKnowledgeBaseException;
import io.attest.knowledge.KnowledgeBase;
import io.attest.knowledge.Problem;
import io.attest.profile.CompanyProfile;
import io.attest.slack.Texts;
import io.attest.triage.TriageContent;
import io.attest.triage.TriageContentException;
import io.attest.triage.TriageEngine;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Everything read from the intents folder: the knowledge base and the triage wording, loaded together. */
record Content(KnowledgeBase kb, TriageEngine triage) {

    static final String LANGUAGE_FILE = "language.yml";

    static Content load(Path dir) throws IOException, InvalidKnowledgeBaseException, TriageContentException {
        KnowledgeBase kb = ContentLocation.checkedAtBuild(dir) ? KnowledgeBase.loadCheckedAtBuild(dir) : KnowledgeBase.load(dir);
        List<Problem> missing = slackTextProblems(kb);
        if (!missing.isEmpty()) {
            throw new InvalidKnowledgeBaseException(missing);
        }
        return new Content(kb, new TriageEngine(TriageContent.load(dir)));
    }

    static List<String> triageProblems(Path dir) {
        return TriageContent.problems(dir);
    }

    /** Every text Attest says on Slack must be in language.yml, or a message would go out with a hole in it. */
    static List<Problem> slackTextProblems(KnowledgeBase kb) {
        return Texts.missing(kb.language()).stream()
                .map(key -> new Problem(LANGUAGE_FILE, "responses", "'" + key + "' is missing")).toList();
    }

    static String summary(Path dir) throws IOException {
        try {
            KnowledgeBase kb = KnowledgeBase.load(dir);
            return kb.intents().size() + " intents (" + kb.answers().size() + " answers), the triage wording and "
                    + profileSummary(kb);
        } catch (InvalidKnowledgeBaseException e) {
            return e.getMessage();
        }
    }

    /** One line on our report profile, for validate and the start-up log. */
    static String profileSummary(KnowledgeBase kb) {
        return kb.profile().map(p -> "our report profile (" + p.reports().size() + " report(s), " + p.audits().size()
                        + " audit(s) under way)")
                .orElse("no report profile yet (" + CompanyProfile.FILE + "; see " + CompanyProfile.EXAMPLE_FILE + ")");
    }
}
