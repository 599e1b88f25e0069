package io.attest.knowledge;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The loaded, validated intents and the matcher over them: the one place a question becomes a {@link Reply}.
 * Immutable and thread-safe once built; build it once at start-up, never per request.
 */
public final class KnowledgeBase {

    static final int MAX_SUGGESTIONS = 3;
    /** Questions of one message matched; more are rare, and each costs an embedding or two. */
    static final int MAX_QUESTIONS = 3;
    /** Replies to repeated questions are kept; a question costs an embedding, a repeat costs a map look-up. */
    static final int CACHED_REPLIES = 10_000;

    private final List<Intent> intents;
    private final Map<String, Intent> byId = new LinkedHashMap<>();
    private final Language language;
    private final IntentRanker ranker;
    private final SteeringFilter steering;
    private final MessageReader reader;
    private final Subjects subjects;
    private final String matching;
    private final ReplyCache cache = new ReplyCache(CACHED_REPLIES);
    private final QuestionAnalyzer analyzer;
    private final SemanticIndex semantic;
    /** Sentence vectors of questions compared with {@link #similarity}; a gap queue compares each new one with many. */
    private final Map<String, float[]> vectors = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > CACHED_VECTORS;
        }
    };
    static final int CACHED_VECTORS = 2_000;

    private KnowledgeBase(List<Intent> intents, Language language, Embeddings embeddings, Calibration hybrid) {
        this.intents = List.copyOf(intents);
        intents.forEach(i -> byId.put(i.id(), i));
        this.language = language;
        this.subjects = new Subjects(language.subjects());
        this.analyzer = new QuestionAnalyzer(language);
        LexicalMatcher lexical = new LexicalMatcher(intents, analyzer);
        SemanticIndex semantic = embeddings.encoder()
                .map(encoder -> new SemanticIndex(intents, encoder, embeddings.known()))
                .orElse(null);
        if (semantic != null) {
            embeddings.remember(semantic.vectors());
            this.matching = "words and meaning (" + semantic.vectors().fingerprint().split("\\|")[0] + ", "
                    + semantic.vectors().size() + " example vectors, " + semantic.computed() + " embedded at load)";
        } else {
            this.matching = "words only: " + embeddings.unavailable();
        }
        this.semantic = semantic;
        this.ranker = new IntentRanker(intents, lexical, semantic, subjects,
                semantic == null ? Calibration.LEXICAL : hybrid);
        this.steering = new SteeringFilter(language.steeringMarkers());
        this.reader = new MessageReader(language.offTaskMarkers());
    }

    /** Loads and validates {@code dir}; throws with every problem found, each with its file and id. */
    public static KnowledgeBase load(Path dir) throws IOException, InvalidKnowledgeBaseException {
        return load(dir, Embeddings.shared());
    }

    static KnowledgeBase load(Path dir, Embeddings embeddings) throws IOException, InvalidKnowledgeBaseException {
        return load(dir, embeddings, Calibration.HYBRID);
    }

    /** With other matching numbers than the shipped ones: for calibrating them. */
    static KnowledgeBase load(Path dir, Embeddings embeddings, Calibration hybrid) throws IOException, InvalidKnowledgeBaseException {
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
        return new KnowledgeBase(loaded.intents(), loaded.language(), embeddings, hybrid);
    }

    /** Every problem in {@code dir}; empty when it is ready to use. Validation needs no embeddings. */
    public static List<Problem> validate(Path dir) throws IOException {
        try {
            load(dir, Embeddings.none("not needed to validate"));
            return List.of();
        } catch (InvalidKnowledgeBaseException e) {
            return e.problems();
        }
    }

    public Reply ask(String rawQuestion) {
        String question = TextNormaliser.normalise(rawQuestion);
        String key = question.toLowerCase(Locale.ROOT);
        Reply cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        Reply reply = reply(question);
        cache.put(key, reply);
        return reply;
    }

    private Reply reply(String question) {
        if (question.isEmpty()) {
            return fixed(ReplyKind.EMPTY, "empty");
        }
        SteeringFilter.Filtered filtered = steering.filter(question);
        if (filtered.steered() && !filtered.questionFound()) {
            // Only instructions to the bot, no question: nothing to answer, and nothing of it to repeat.
            return fixed(ReplyKind.DECLINE, "steering");
        }
        List<List<String>> questions = questionsIn(filtered.question());
        if (questions.isEmpty()) {
            return fixed(ReplyKind.DECLINE, "off_task");
        }
        Set<String> context = subjects.named(filtered.question());
        List<List<Match>> rankings = new ArrayList<>();
        Map<String, List<Match>> ranked = new java.util.HashMap<>();
        double answerAt = ranker.calibration().answerAt();
        for (List<String> variants : questions) {
            List<Match> best = List.of();
            for (String variant : variants) {
                if (!best.isEmpty() && best.get(0).confidence() >= answerAt) {
                    break; // already answered with confidence: a wider reading costs an embedding and rarely helps
                }
                List<Match> r = ranked.computeIfAbsent(variant, v -> ranker.rank(v, subjectsOf(v, context), 10));
                if (best.isEmpty() || (!r.isEmpty() && r.get(0).confidence() > best.get(0).confidence())) {
                    best = r;
                }
            }
            rankings.add(best);
        }
        int primary = primary(rankings);
        List<Match> candidates = rankings.get(primary);
        if (candidates.isEmpty()) {
            return filtered.steered() ? fixed(ReplyKind.DECLINE, "steering") : fallback(0);
        }
        Match best = preferAnswerOverGreeting(candidates, answerAt);
        Intent intent = best.intent();
        if (best.confidence() >= answerAt) {
            return switch (intent.kind()) {
                case ANSWER -> answer(intent, best.confidence(), alsoAsked(rankings, primary, intent, answerAt));
                case GREETING -> new Reply(ReplyKind.GREETING, intent, best.confidence(), intent.answer(), null, List.of());
                case DECLINE -> new Reply(ReplyKind.DECLINE, intent, best.confidence(), intent.answer(), null, List.of());
            };
        }
        if (filtered.steered()) {
            return fixed(ReplyKind.DECLINE, "steering");
        }
        List<Suggestion> closest = candidates.stream()
                .filter(m -> m.intent().isAnswer() && m.confidence() >= ranker.calibration().suggestAt())
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

    /**
     * What to match, question by question, each with the readings to try: a short message whole; a longer one by its
     * question-shaped sentences (at most {@link #MAX_QUESTIONS}), each alone and with the sentence before it (which
     * often says what "it" is); the reading matched most confidently counts, so the story cannot drag a clear question
     * elsewhere. Embedding the whole story as well would cost a long message twice the time for little gain. Requests Attest does not do are left out; empty when
     * nothing else is left.
     */
    private List<List<String>> questionsIn(String message) {
        List<MessageReader.Part> parts = reader.parts(message);
        boolean anyOffTask = parts.stream().anyMatch(MessageReader.Part::offTask);
        if (!anyOffTask && (parts.size() <= 1 || MessageReader.words(message) <= MessageReader.SHORT_MESSAGE_WORDS)) {
            return List.of(List.of(message));
        }
        List<MessageReader.Part> kept = parts.stream().filter(p -> !p.offTask()).toList();
        if (kept.isEmpty()) {
            return List.of();
        }
        String whole = String.join(" ", kept.stream().map(MessageReader.Part::text).toList());
        List<List<String>> questions = new ArrayList<>();
        for (int i = 0; i < kept.size() && questions.size() < MAX_QUESTIONS; i++) {
            if (!kept.get(i).question()) {
                continue;
            }
            List<String> variants = new ArrayList<>();
            variants.add(kept.get(i).text());
            if (i > 0) {
                variants.add(kept.get(i - 1).text() + " " + kept.get(i).text());
            }
            questions.add(variants);
        }
        if (questions.isEmpty()) {
            // No sentence asks anything outright: the message as a whole is the question.
            questions.add(List.of(whole));
        }
        return questions;
    }

    /**
     * The subjects a sentence names, plus, in each group it says nothing about, the one subject the whole message
     * names there ("Our bank asked for our SOC 1. Does it have to be a Type 2?" is about a SOC 1).
     */
    private Set<String> subjectsOf(String sentence, Set<String> message) {
        Set<String> named = new LinkedHashSet<>(subjects.named(sentence));
        named.addAll(subjects.inheritable(named, message));
        return named;
    }

    /** The first question (in message order) answered with confidence; else the one ranked most confidently. */
    private int primary(List<List<Match>> rankings) {
        double answerAt = ranker.calibration().answerAt();
        int best = 0;
        double bestScore = -1;
        for (int i = 0; i < rankings.size(); i++) {
            double top = rankings.get(i).isEmpty() ? 0 : rankings.get(i).get(0).confidence();
            if (top >= answerAt && rankings.get(i).get(0).intent().isAnswer()) {
                return i;
            }
            if (top > bestScore) {
                bestScore = top;
                best = i;
            }
        }
        return best;
    }

    /** A second, different question answered with confidence in the same message, offered as a button. */
    private static Optional<Suggestion> alsoAsked(List<List<Match>> rankings, int primary, Intent answered, double answerAt) {
        for (int i = primary + 1; i < rankings.size(); i++) {
            List<Match> r = rankings.get(i);
            if (!r.isEmpty() && r.get(0).confidence() >= answerAt && r.get(0).intent().isAnswer()
                    && r.get(0).intent() != answered) {
                return Optional.of(Suggestion.of(r.get(0).intent()));
            }
        }
        return Optional.empty();
    }

    /** "hi, is SOC 2 a certification?" is a question with a hello, not a hello: a confident answer wins. */
    private static Match preferAnswerOverGreeting(List<Match> ranked, double answerAt) {
        Match best = ranked.get(0);
        if (best.intent().kind() != IntentKind.GREETING) {
            return best;
        }
        return ranked.stream().filter(m -> m.intent().isAnswer() && m.confidence() >= answerAt)
                .findFirst().orElse(best);
    }

    /** The answer of one intent, as a button asks for it by id. */
    public Optional<Reply> answer(String intentId) {
        Intent intent = byId.get(intentId);
        return intent == null || !intent.isAnswer() ? Optional.empty() : Optional.of(answer(intent, 1.0, Optional.empty()));
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

    /** How questions are matched here: by words and meaning, or by words only (and why). For the start-up log. */
    public String matching() {
        return matching;
    }

    /** Ranked intents with their confidence; for diagnostics and the quality report. */
    public List<Match> rank(String question, int limit) {
        // The same steering filter and subject guard as ask(), so the diagnostics show what ask() matched.
        String text = steering.filter(TextNormaliser.normalise(question)).question();
        return ranker.rank(text, subjects.named(text), limit);
    }

    /**
     * How alike two questions are, 0..1, by the matcher's own measure: shared words (after synonyms, stop words and
     * stemming) and closeness in meaning, blended as a question and an example are blended when ranking.
     */
    public double similarity(String a, String b) {
        String left = TextNormaliser.normalise(a);
        String right = TextNormaliser.normalise(b);
        Set<String> leftTerms = new LinkedHashSet<>(analyzer.terms(left));
        Set<String> rightTerms = new LinkedHashSet<>(analyzer.terms(right));
        Set<String> union = new LinkedHashSet<>(leftTerms);
        union.addAll(rightTerms);
        leftTerms.retainAll(rightTerms);
        double words = union.isEmpty() ? 0 : (double) leftTerms.size() / union.size();
        if (semantic == null) {
            return words;
        }
        float[] u = vector(left);
        float[] v = vector(right);
        double cosine = 0;
        for (int d = 0; d < u.length; d++) {
            cosine += u[d] * v[d];
        }
        return Math.min(1.0, ranker.calibration().blend(words, cosine));
    }

    /**
     * From this {@link #similarity} up, two questions count as the same question: the confidence at which the matcher
     * would answer one with an intent whose example is the other.
     */
    public double sameQuestionAt() {
        return ranker.calibration().answerAt();
    }

    /**
     * True when a question Attest declined still looks like one it should answer: it names a subject some answer is
     * about (a SOC 1, a Type 2, Privacy…), or its closest answer came halfway to "Did you mean…". Text aimed at the
     * bot, and requests Attest does not do, never are.
     */
    public boolean looksAnswerable(String rawQuestion) {
        String question = TextNormaliser.normalise(rawQuestion);
        SteeringFilter.Filtered filtered = steering.filter(question);
        if (question.isEmpty() || filtered.steered() || questionsIn(filtered.question()).isEmpty()) {
            return false;
        }
        Set<String> named = subjects.named(filtered.question());
        if (answers().stream().anyMatch(i -> i.about().stream().anyMatch(named::contains))) {
            return true;
        }
        List<Match> ranked = ranker.rank(filtered.question(), named, 3);
        return ranked.stream().anyMatch(m -> m.intent().isAnswer()
                && m.confidence() >= ranker.calibration().suggestAt() / 2);
    }

    private float[] vector(String normalised) {
        synchronized (vectors) {
            float[] known = vectors.get(normalised);
            if (known != null) {
                return known;
            }
        }
        float[] v = semantic.encode(normalised);
        synchronized (vectors) {
            vectors.put(normalised, v);
        }
        return v;
    }

    private Reply answer(Intent intent, double confidence, Optional<Suggestion> alsoAsked) {
        List<Suggestion> related = new ArrayList<>();
        alsoAsked.ifPresent(related::add);
        intent.related().stream().map(byId::get).filter(i -> i != null && alsoAsked.map(s -> !s.intent().equals(i.id())).orElse(true))
                .map(Suggestion::of).forEach(related::add);
        return new Reply(ReplyKind.ANSWER, intent, confidence, intent.answer(), intent.repNote(), related,
                alsoAsked.orElse(null));
    }

    private Reply fixed(ReplyKind kind, String response) {
        return new Reply(kind, null, 0, language.response(response), null, List.of(), null);
    }

    private Reply fallback(double confidence) {
        return new Reply(ReplyKind.DECLINE, null, confidence, language.response("fallback"), null, List.of(), null);
    }
}
