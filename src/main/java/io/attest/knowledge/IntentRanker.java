package io.attest.knowledge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Ranks intents for one question by words (Lucene) and by meaning (sentence embeddings) together, and never ranks an
 * intent whose subjects contradict the ones the question names: a question about a SOC 1 is not answered with a SOC 2
 * answer, however close the wording.
 */
final class IntentRanker {

    private final List<Intent> intents;
    private final LexicalMatcher lexical;
    private final SemanticIndex semantic;
    private final Subjects subjects;
    private final Calibration calibration;
    private final Pattern aboutUs;

    /** @param semantic null when the embedding model cannot run here; words alone then decide */
    IntentRanker(List<Intent> intents, LexicalMatcher lexical, SemanticIndex semantic, Subjects subjects,
            Calibration calibration) {
        this(intents, lexical, semantic, subjects, calibration, null);
    }

    /**
     * @param aboutUs marks a question about our own reports ("do <em>we</em> have…", "<em>our</em> SOC 2"); an answer
     *                written from our report profile is only ever given to such a question, and wins a tie there.
     *                Null: no such answers
     */
    IntentRanker(List<Intent> intents, LexicalMatcher lexical, SemanticIndex semantic, Subjects subjects,
            Calibration calibration, Pattern aboutUs) {
        this.intents = List.copyOf(intents);
        this.lexical = lexical;
        this.semantic = semantic;
        this.subjects = subjects;
        this.calibration = calibration;
        this.aboutUs = aboutUs;
    }

    /** Intents in order of confidence, best first, at most {@code limit}; {@code asked} are the question's subjects. */
    List<Match> rank(String question, Set<String> asked, int limit) {
        double[] words = lexical.scores(question);
        double[] meaning = semantic == null ? null : semantic.scores(semantic.encode(question));
        boolean comparison = subjects.isComparison(asked);
        boolean ours = aboutUs != null && aboutUs.matcher(question).find();
        List<Match> ranked = new ArrayList<>();
        for (int i = 0; i < intents.size(); i++) {
            Intent intent = intents.get(i);
            if (subjects.contradicts(asked, intent.about()) || intent.fromProfile() != null && !ours) {
                continue;
            }
            double score = meaning == null ? words[i] : calibration.blend(words[i], meaning[i]);
            if (comparison && !subjects.coversComparison(asked, intent.about())) {
                score *= calibration.comparisonFactor();
            }
            if (score > 0) {
                ranked.add(new Match(intent, Math.min(1.0, score)));
            }
        }
        // Words and meaning often tie "do we have a SOC 2?" with "what is a SOC 2?" (the words that differ are stop
        // words): asked about us, the answer from our profile is the one meant.
        ranked.sort(Comparator.comparingDouble(Match::confidence).reversed()
                .thenComparing(m -> m.intent().fromProfile() == null));
        return ranked.size() > limit ? List.copyOf(ranked.subList(0, limit)) : ranked;
    }

    Calibration calibration() {
        return calibration;
    }

    boolean semantic() {
        return semantic != null;
    }
}
