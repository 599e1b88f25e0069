package io.attest.knowledge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ranks intents for a question.
 *
 * <p>Every example (and every title) is analysed once by {@link QuestionAnalyzer} (Lucene's analysis chain) into
 * plain postings arrays, term → examples; no index is built, because nothing but the postings is ever read. The
 * question's terms are looked up in those postings, and every example sharing one is scored by the IDF-weighted cosine between its terms and the question's, which lands in
 * 0..1 and so serves as a confidence. An intent's confidence blends its best example's cosine with how
 * much of the question its whole vocabulary (its answer included) covers. Words of the question that appear nowhere in the knowledge
 * base still count in the question's weight, so a question mostly about something else scores low.
 * Typos in domain words are corrected first against the examples' own vocabulary.
 */
final class LexicalMatcher {

    /**
     * Words shorter than this are not typo-corrected: too many ordinary short words are one edit from a domain
     * word ("trips" and "tips", "fines" and "files").
     */
    private static final int MIN_FUZZY_LENGTH = 6;

    private final List<Intent> intents;
    private final QuestionAnalyzer analyzer;
    private final Map<String, int[]> postings = new HashMap<>();
    private final Set<String> knownWords = new HashSet<>();
    /** Typo corrections already worked out; the vocabulary is fixed for this matcher, so they stay valid. */
    private final Map<String, String> corrections = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_CACHED_CORRECTIONS = 50_000;
    private static final String NO_CORRECTION = "";
    private static final int[] NO_INTENTS = new int[0];
    /** What typos are corrected towards: the words as typed, with how many examples use each. */
    private final Map<String, Integer> typedWords;
    /**
     * Built at the first word the knowledge base has never seen, not at start-up: it is a fifth of building the
     * index, and most questions (the first one an instance answers, too) have no such word.
     */
    private volatile TypoCorrector typos;
    private final int[] docIntent;
    private final Map<String, Double> idf = new HashMap<>();
    private final double unknownIdf;
    private final double[] docNorm;
    /** Every term an intent uses anywhere: examples, title and its answer. */
    /** For every term, the intents that use it anywhere: examples, title and (for answers) the answer. */
    private final Map<String, int[]> intentsUsing = new HashMap<>();
    /**
     * Term weights are the square root of IDF: a rare word still counts more than a common one, but one rare word
     * shared with a wrong intent no longer outweighs the rest of the question. Chosen on the development and
     * regression sets (docs/quality.md).
     */
    static final double IDF_POWER = 0.5;
    /** The share of an intent's score that comes from its best example; the rest from its whole vocabulary. */
    static final double EXAMPLE_WEIGHT = 0.55;

    LexicalMatcher(List<Intent> intents, QuestionAnalyzer analyzer) {
        this.intents = List.copyOf(intents);
        this.analyzer = analyzer;
        List<Integer> owners = new ArrayList<>();
        // Each example's analysed terms: only needed here, for the postings, the IDF and the norms.
        List<Set<String>> docTerms = new ArrayList<>();
        List<Set<String>> exampleVocabulary = new ArrayList<>();
        Map<String, List<Integer>> postingLists = new HashMap<>();
        Map<String, Integer> frequency = new HashMap<>();
        for (int i = 0; i < intents.size(); i++) {
            Intent intent = intents.get(i);
            List<String> texts = new ArrayList<>(intent.examples());
            texts.add(intent.title());
            Set<String> used = new HashSet<>();
            exampleVocabulary.add(used);
            for (String text : texts) {
                int doc = owners.size();
                owners.add(i);
                Set<String> terms = new HashSet<>(analyzer.terms(text));
                docTerms.add(terms);
                used.addAll(terms);
                terms.forEach(t -> postingLists.computeIfAbsent(t, k -> new ArrayList<>()).add(doc));
                // The words as typed, with how many examples use each: what typos are corrected towards.
                new HashSet<>(analyzer.words(text).stream().map(QuestionAnalyzer.Word::text).toList())
                        .forEach(w -> frequency.merge(w, 1, Integer::sum));
            }
        }
        // The postings as plain arrays, read by every question without any index machinery.
        postingLists.forEach((term, docs) -> postings.put(term, docs.stream().mapToInt(Integer::intValue).toArray()));
        knownWords.addAll(frequency.keySet());
        this.typedWords = Map.copyOf(frequency);
        this.docIntent = owners.stream().mapToInt(Integer::intValue).toArray();
        int vocabularies = 0;
        for (Intent intent : intents) {
            // A decline's or greeting's answer lists what Attest covers; counting it would let it win real questions.
            String said = intent.isAnswer() ? intent.answer() : "";
            Set<String> vocabulary = new HashSet<>(analyzer.terms(intent.title() + "\n" + said));
            vocabulary.addAll(exampleVocabulary.get(vocabularies));
            for (String term : vocabulary) {
                int[] before = intentsUsing.getOrDefault(term, new int[0]);
                int[] after = java.util.Arrays.copyOf(before, before.length + 1);
                after[before.length] = vocabularies;
                intentsUsing.put(term, after);
            }
            vocabularies++;
        }

        // IDF over intents, not examples: a term used by every example of one intent is still specific to it.
        Map<String, Set<Integer>> intentsByTerm = new HashMap<>();
        for (int d = 0; d < docTerms.size(); d++) {
            for (String term : docTerms.get(d)) {
                intentsByTerm.computeIfAbsent(term, t -> new HashSet<>()).add(docIntent[d]);
            }
        }
        int n = Math.max(1, intents.size());
        intentsByTerm.forEach((term, set) -> idf.put(term, Math.pow(Math.log(1.0 + (double) n / set.size()), IDF_POWER)));
        this.unknownIdf = Math.pow(Math.log(1.0 + n), IDF_POWER);
        this.docNorm = new double[docTerms.size()];
        for (int d = 0; d < docTerms.size(); d++) {
            double sum = 0;
            for (String term : docTerms.get(d)) {
                double w = idf.get(term);
                sum += w * w;
            }
            docNorm[d] = Math.sqrt(sum);
        }
    }

    /** Intents in order of confidence, best first, at most {@code limit}. */
    List<Match> rank(String question, int limit) {
        double[] scores = scores(question);
        List<Match> matches = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] > 0) {
                matches.add(new Match(intents.get(i), scores[i]));
            }
        }
        matches.sort(Comparator.comparingDouble(Match::confidence).reversed());
        return matches.size() > limit ? List.copyOf(matches.subList(0, limit)) : matches;
    }

    /** Every intent's confidence for the question (0..1), in the order the intents were given; 0 when none is shared. */
    double[] scores(String question) {
        double[] scores = new double[intents.size()];
        List<String> queryTerms = new ArrayList<>(new LinkedHashSet<>(analyzer.terms(correctTypos(question))));
        if (queryTerms.isEmpty()) {
            return scores;
        }
        double queryNorm = 0;
        double[] shared = new double[docIntent.length];
        double[] covered = new double[intents.size()];
        for (String term : queryTerms) {
            double w = idf.getOrDefault(term, unknownIdf);
            queryNorm += w * w;
            for (int intent : intentsUsing.getOrDefault(term, NO_INTENTS)) {
                covered[intent] += w * w;
            }
            // The term's postings: every example that shares it, without scoring or ranking them.
            for (int doc : postings.getOrDefault(term, NO_INTENTS)) {
                shared[doc] += w * w;
            }
        }
        queryNorm = Math.sqrt(queryNorm);
        double[] best = new double[intents.size()];
        for (int doc = 0; doc < shared.length; doc++) {
            if (shared[doc] > 0) {
                int intent = docIntent[doc];
                best[intent] = Math.max(best[intent], shared[doc] / (queryNorm * docNorm[doc]));
            }
        }
        // How much of the question the intent speaks to at all, its answer included: this catches questions
        // worded unlike any example but about what the answer says.
        double queryWeight = queryNorm * queryNorm;
        for (int i = 0; i < best.length; i++) {
            if (best[i] > 0) {
                scores[i] = Math.min(1.0, EXAMPLE_WEIGHT * best[i] + (1 - EXAMPLE_WEIGHT) * (covered[i] / queryWeight));
            }
        }
        return scores;
    }

    private TypoCorrector typos() {
        TypoCorrector built = typos;
        if (built == null) {
            synchronized (this) {
                if (typos == null) {
                    typos = new TypoCorrector(typedWords);
                }
                built = typos;
            }
        }
        return built;
    }

    /** Replaces words the knowledge base has never seen by the closest word it has (one or two edits away). */
    String correctTypos(String question) {
        StringBuilder corrected = null;
        int shift = 0;
        for (QuestionAnalyzer.Word word : analyzer.words(question)) {
            String text = word.text();
            if (text.length() < MIN_FUZZY_LENGTH || !text.chars().allMatch(Character::isLetter) || known(text)) {
                continue;
            }
            String replacement = corrections.get(text);
            if (replacement == null) {
                String found = typos().closest(text);
                replacement = found == null ? NO_CORRECTION : found;
                if (corrections.size() < MAX_CACHED_CORRECTIONS) {
                    corrections.put(text, replacement);
                }
            }
            if (!replacement.isEmpty()) {
                if (corrected == null) {
                    corrected = new StringBuilder(question);
                }
                corrected.replace(word.start() + shift, word.end() + shift, replacement);
                shift += replacement.length() - (word.end() - word.start());
            }
        }
        return corrected == null ? question : corrected.toString();
    }

    private boolean known(String word) {
        return knownWords.contains(word);
    }
}
