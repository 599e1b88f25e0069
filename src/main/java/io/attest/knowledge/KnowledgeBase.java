package io.attest.knowledge;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The loaded, validated intents and the matcher over them: the one place a question becomes a {@link Reply}.
 * Immutable and thread-safe once built; build it once at start-up, never per request.
 */
public final class KnowledgeBase {

    /** At or above this confidence the best intent answers. Calibrated on the regression set (docs/quality.md). */
    static final double ANSWER_THRESHOLD = 0.40;
    /** Between this and {@link #ANSWER_THRESHOLD}, offer "Did you mean…" instead of answering. */
    static final double SUGGEST_THRESHOLD = 0.25;
    static final int MAX_SUGGESTIONS = 3;

    private final List<Intent> intents;
    private final Map<String, Intent> byId = new LinkedHashMap<>();
    private final Language language;
    private final Matcher matcher;
    private final SteeringFilter steering;

    private KnowledgeBase(List<Intent> intents, Language language) {
        this.intents = List.copyOf(intents);
        intents.forEach(i -> byId.put(i.id(), i));
        this.language = language;
        this.matcher = new Matcher(intents, new QuestionAnalyzer(language));
        this.steering = new SteeringFilter(language.steeringMarkers());
    }

    /** Loads and validates {@code dir}; throws with every problem found, each with its file and id. */
    public static KnowledgeBase load(Path dir) throws IOException, InvalidKnowledgeBaseException {
        KnowledgeBaseLoader.Loaded loaded = KnowledgeBaseLoader.load(dir);
        List<Problem> problems = new ArrayList<>(loaded.problems());
        boolean unreadableFile = loaded.problems().stream().anyMatch(p -> p.message().startsWith("is not valid YAML"));
        for (Problem p : KnowledgeBaseValidator.validate(loaded.intents(), loaded.language())) {
            // Links into a file that could not be read are not problems of their own: fix the file first.
            if (!(unreadableFile && p.message().endsWith("does not exist"))) {
                problems.add(p);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidKnowledgeBaseException(problems);
        }
        return new KnowledgeBase(loaded.intents(), loaded.language());
    }

    /** Every problem in {@code dir}; empty when it is ready to use. */
    public static List<Problem> validate(Path dir) throws IOException {
        try {
            load(dir);
            return List.of();
        } catch (InvalidKnowledgeBaseException e) {
            return e.problems();
        }
    }

    public Reply ask(String rawQuestion) {
        String question = TextNormaliser.normalise(rawQuestion);
        if (question.isEmpty()) {
            return fixed(ReplyKind.EMPTY, "empty");
        }
        SteeringFilter.Filtered filtered = steering.filter(question);
        if (filtered.steered() && !filtered.questionFound()) {
            // Only instructions to the bot, no question: nothing to answer, and nothing of it to repeat.
            return fixed(ReplyKind.DECLINE, "steering");
        }
        List<Match> ranked = matcher.rank(filtered.question(), 10);
        if (ranked.isEmpty()) {
            return filtered.steered() ? fixed(ReplyKind.DECLINE, "steering") : fallback(0);
        }
        Match best = preferAnswerOverGreeting(ranked);
        Intent intent = best.intent();
        if (best.confidence() >= ANSWER_THRESHOLD) {
            return switch (intent.kind()) {
                case ANSWER -> answer(intent, best.confidence());
                case GREETING -> new Reply(ReplyKind.GREETING, intent, best.confidence(), intent.answer(), null, List.of());
                case DECLINE -> new Reply(ReplyKind.DECLINE, intent, best.confidence(), intent.answer(), null, List.of());
            };
        }
        if (filtered.steered()) {
            return fixed(ReplyKind.DECLINE, "steering");
        }
        List<Suggestion> closest = ranked.stream()
                .filter(m -> m.intent().isAnswer() && m.confidence() >= SUGGEST_THRESHOLD)
                .limit(MAX_SUGGESTIONS)
                .map(m -> Suggestion.of(m.intent()))
                .toList();
        if (best.intent().isAnswer() && !closest.isEmpty()) {
            StringBuilder text = new StringBuilder(language.response("did_you_mean"));
            closest.forEach(s -> text.append("\n• ").append(s.title()));
            return new Reply(ReplyKind.DID_YOU_MEAN, null, best.confidence(), text.toString(), null, closest);
        }
        return fallback(best.confidence());
    }

    /** "hi, is SOC 2 a certification?" is a question with a hello, not a hello: a confident answer wins. */
    private static Match preferAnswerOverGreeting(List<Match> ranked) {
        Match best = ranked.get(0);
        if (best.intent().kind() != IntentKind.GREETING) {
            return best;
        }
        return ranked.stream().filter(m -> m.intent().isAnswer() && m.confidence() >= ANSWER_THRESHOLD)
                .findFirst().orElse(best);
    }

    /** The answer of one intent, as a button asks for it by id. */
    public Optional<Reply> answer(String intentId) {
        Intent intent = byId.get(intentId);
        return intent == null || !intent.isAnswer() ? Optional.empty() : Optional.of(answer(intent, 1.0));
    }

    public Optional<Intent> intent(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The answerable intents, in file order; what {@code /soc topics} lists. */
    public List<Intent> answers() {
        return intents.stream().filter(Intent::isAnswer).toList();
    }

    public List<Intent> intents() {
        return intents;
    }

    public Language language() {
        return language;
    }

    /** Ranked intents with their confidence; for diagnostics and the quality report. */
    public List<Match> rank(String question, int limit) {
        // The same steering filter as ask(), so the diagnostics show what ask() matched.
        return matcher.rank(steering.filter(TextNormaliser.normalise(question)).question(), limit);
    }

    private Reply answer(Intent intent, double confidence) {
        List<Suggestion> related = intent.related().stream()
                .map(byId::get).filter(i -> i != null).map(Suggestion::of).toList();
        return new Reply(ReplyKind.ANSWER, intent, confidence, intent.answer(), intent.repNote(), related);
    }

    private Reply fixed(ReplyKind kind, String response) {
        return new Reply(kind, null, 0, language.response(response), null, List.of());
    }

    private Reply fallback(double confidence) {
        return new Reply(ReplyKind.DECLINE, null, confidence, language.response("fallback"), null, List.of());
    }
}
