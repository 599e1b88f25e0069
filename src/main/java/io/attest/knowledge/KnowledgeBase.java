package io.attest.knowledge;

import io.attest.profile.CompanyProfile;
import io.attest.profile.CoverageText;
import io.attest.profile.Focus;
import io.attest.profile.ProfileAnswers;
import io.attest.profile.ProfileProblem;
import io.attest.profile.ProfileReader;
import io.attest.profile.ProfileWording;
import io.attest.profile.SocKind;
import io.attest.profile.SocType;
import io.attest.triage.Recommendation;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The loaded, validated intents and the matcher over them, with our report profile: the one place a question becomes
 * a {@link Reply}. Immutable and thread-safe once built; build it once at start-up, never per request.
 *
 * <p>What is matched is cached per question; what our profile adds (the answers written from it, the "For us" line,
 * freshness) is written per answer from the clock, so a cached reply never carries yesterday's dates.
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
    private final OurReports ourReports;
    private final ProfileWording wording;
    /** What our report profile says, or null when the compliance team has not filled one in. */
    private final ProfileAnswers ours;
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

    private KnowledgeBase(List<Intent> intents, Language language, Embeddings embeddings, Calibration hybrid,
                          CompanyProfile profile, Clock clock) {
        this.wording = new ProfileWording(language.ourReports());
        this.ourReports = new OurReports(profile, wording, clock);
        this.ours = profile == null ? null : new ProfileAnswers(profile, wording);
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
                semantic == null ? Calibration.LEXICAL : hybrid, aboutUs(language));
        this.steering = new SteeringFilter(language.steeringMarkers());
        this.reader = new MessageReader(language.offTaskMarkers());
    }

    /**
     * What marks a question about our own reports, from language.yml (validated before a knowledge base is built);
     * null, so no answers from the profile, without it.
     */
    private static Pattern aboutUs(Language language) {
        String marker = language.ourReports().get(ProfileWording.ASKS_ABOUT_US);
        return marker == null || marker.isBlank() ? null : Pattern.compile(marker, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** Loads and validates {@code dir}; throws with every problem found, each with its file and id. */
    public static KnowledgeBase load(Path dir) throws IOException, InvalidKnowledgeBaseException {
        return load(dir, Clock.systemDefaultZone());
    }

    /** @param clock gives the day answers from our report profile are written for */
    public static KnowledgeBase load(Path dir, Clock clock) throws IOException, InvalidKnowledgeBaseException {
        return load(dir, Embeddings.shared(), Calibration.HYBRID, clock);
    }

    static KnowledgeBase load(Path dir, Embeddings embeddings) throws IOException, InvalidKnowledgeBaseException {
        return load(dir, embeddings, Calibration.HYBRID);
    }

    /** With other matching numbers than the shipped ones: for calibrating them. */
    static KnowledgeBase load(Path dir, Embeddings embeddings, Calibration hybrid) throws IOException, InvalidKnowledgeBaseException {
        return load(dir, embeddings, hybrid, Clock.systemDefaultZone());
    }

    /**
     * Content the build already validated (the copy inside the jar, see the build's content check): read, but not
     * checked again. The checks are a tenth of start-up and cannot find anything new in files that cannot change.
     */
    public static KnowledgeBase loadCheckedAtBuild(Path dir) throws IOException, InvalidKnowledgeBaseException {
        return load(dir, Embeddings.shared(), Calibration.HYBRID, Clock.systemDefaultZone(), false);
    }

    private static KnowledgeBase load(Path dir, Embeddings embeddings, Calibration hybrid, Clock clock)
            throws IOException, InvalidKnowledgeBaseException {
        return load(dir, embeddings, hybrid, clock, true);
    }

    private static KnowledgeBase load(Path dir, Embeddings embeddings, Calibration hybrid, Clock clock, boolean validate)
            throws IOException, InvalidKnowledgeBaseException {
        KnowledgeBaseLoader.Loaded loaded = KnowledgeBaseLoader.load(dir);
        ProfileReader.Result profile = ProfileReader.load(dir, LocalDate.now(clock));
        List<Problem> problems = new ArrayList<>(loaded.problems());
        for (ProfileProblem p : profile.problems()) {
            problems.add(new Problem(p.file(), p.field(), p.message()));
        }
        boolean unreadableFile = loaded.problems().stream().anyMatch(p -> p.message().startsWith("is not valid YAML"));
        for (Problem p : validate ? KnowledgeBaseValidator.validate(loaded.intents(), loaded.language()) : List.<Problem>of()) {
            // Links into a file that could not be read are not problems of their own: fix the file first.
            if (!(unreadableFile && p.message().endsWith("does not exist"))) {
                problems.add(p);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidKnowledgeBaseException(problems);
        }
        return new KnowledgeBase(loaded.intents(), loaded.language(), embeddings, hybrid, profile.profile().orElse(null), clock);
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
        if (cached == null) {
            cached = reply(question);
            cache.put(key, cached);
        }
        return withProfile(cached);
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
                case ANSWER -> answer(intent, best.confidence(), alsoAsked(rankings, primary, intent, answerAt),
                        shareKey(intent, context));
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
    List<List<String>> questionsIn(String message) {
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

    /**
     * The answer of one intent, as a button asks for it: by id (related topics), or by a reply's
     * {@link Reply#shareKey()} (Share), which gives the same answer the person saw, written for today.
     */
    public Optional<Reply> answer(String intentIdOrShareKey) {
        String key = intentIdOrShareKey == null ? "" : intentIdOrShareKey;
        int bar = key.indexOf('|');
        Intent intent = byId.get(bar < 0 ? key : key.substring(0, bar));
        if (intent == null || !intent.isAnswer()) {
            return Optional.empty();
        }
        Set<String> named = new LinkedHashSet<>();
        if (bar >= 0) {
            for (String id : key.substring(bar + 1).split(",")) {
                if (subjects.known(id)) {
                    named.add(id);
                }
            }
        }
        return Optional.of(withProfile(answer(intent, 1.0, Optional.empty(), shareKey(intent, named))));
    }

    /** Our report profile, when the compliance team has filled one in ({@code company.yml}). */
    public Optional<CompanyProfile> profile() {
        return ourReports.profile();
    }

    /** Today, by the clock answers are written for. */
    public LocalDate today() {
        return ourReports.today();
    }

    /** How the reports we hold meet a triage recommendation, today, in the profile's wording; empty without a profile. */
    public Optional<CoverageText> whatWeHold(Recommendation rec) {
        return ourReports.whatWeHold(rec);
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

    private Reply answer(Intent intent, double confidence, Optional<Suggestion> alsoAsked, String shareKey) {
        List<Suggestion> related = new ArrayList<>();
        alsoAsked.ifPresent(related::add);
        intent.related().stream().map(byId::get).filter(i -> i != null && alsoAsked.map(s -> !s.intent().equals(i.id())).orElse(true))
                .map(Suggestion::of).forEach(related::add);
        return new Reply(ReplyKind.ANSWER, intent, confidence, intent.answer(), intent.repNote(), related,
                alsoAsked.orElse(null), null, List.of(), shareKey);
    }

    /**
     * The intent id, and for an answer our profile bears on, the report subjects (SOC 1…, Type 2…) the question named,
     * which decide which of our reports it speaks of: "do we have a SOC 1?" is answered about a SOC 1.
     */
    private String shareKey(Intent intent, Set<String> named) {
        if (ours == null || intent.fromProfile() == null && intent.forUs() == null) {
            return intent.id();
        }
        List<String> focus = named.stream()
                .filter(id -> SocKind.fromWire(id).isPresent() || SocType.fromWire(id).isPresent()).toList();
        return focus.isEmpty() ? intent.id() : intent.id() + "|" + String.join(",", focus);
    }

    /**
     * The reply with what our profile says today: an answer written from it ({@code from_profile}), or the "For us"
     * line and the rep's notes under a general answer ({@code for_us}). Without a profile, an answer that needs one
     * says so and how to fill one in, and is not offered for sharing.
     */
    private Reply withProfile(Reply r) {
        Intent intent = r.intent();
        if (r.kind() != ReplyKind.ANSWER || intent == null || intent.fromProfile() == null && intent.forUs() == null) {
            return r;
        }
        Focus focus = focus(r);
        if (intent.fromProfile() != null) {
            if (ours == null) {
                return new Reply(r.kind(), intent, r.confidence(), wording.text("missing") + "\n" + intent.answer(),
                        r.repNote(), r.suggestions(), r.alsoAsked(), null, List.of(), null);
            }
            ProfileAnswers.Facts facts = ours.facts(intent.fromProfile(), focus, today(), true);
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < facts.shared().size(); i++) {
                text.append(i == 0 ? "*" + facts.shared().get(0) + "*" : "\n• " + facts.shared().get(i));
            }
            text.append('\n').append(intent.answer());
            return new Reply(r.kind(), intent, r.confidence(), text.toString(), r.repNote(), r.suggestions(),
                    r.alsoAsked(), null, facts.forReps(), r.shareKey());
        }
        if (ours == null) {
            return r;
        }
        ProfileAnswers.Facts facts = ours.facts(intent.forUs(), focus, today(), false);
        String forUs = facts.shared().isEmpty() ? null : wording.format("facts.for_us", "facts", String.join(" ", facts.shared()));
        return new Reply(r.kind(), intent, r.confidence(), r.text(), r.repNote(), r.suggestions(), r.alsoAsked(),
                forUs, facts.forReps(), r.shareKey());
    }

    /** The reports an answer speaks of: those the question named (kept in the share key), else the intent's own. */
    private static Focus focus(Reply r) {
        String key = r.shareKey() == null ? "" : r.shareKey();
        int bar = key.indexOf('|');
        return bar >= 0 ? Focus.of(List.of(key.substring(bar + 1).split(",")), true) : Focus.of(r.intent().about(), false);
    }

    private Reply fixed(ReplyKind kind, String response) {
        return new Reply(kind, null, 0, language.response(response), null, List.of(), null);
    }

    private Reply fallback(double confidence) {
        return new Reply(ReplyKind.DECLINE, null, confidence, language.response("fallback"), null, List.of(), null);
    }
}
