package io.attest.knowledge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the known word a typo was meant to be: within one edit for words of six or seven letters, two from eight up
 * (a transposition counts as one), with the first letter right, preferring the word most examples use and then the
 * first in alphabetical order. Every known word is indexed under each way of deleting up to two of its letters, so a
 * typo costs a few dozen map look-ups instead of a walk over the vocabulary.
 */
final class TypoCorrector {

    private static final int MAX_EDITS = 2;

    private final Map<String, Integer> frequency;
    private final Map<String, List<String>> byDeletion = new HashMap<>();

    /** @param frequency every known word with the number of examples that use it */
    TypoCorrector(Map<String, Integer> frequency) {
        this.frequency = Map.copyOf(frequency);
        for (String word : frequency.keySet()) {
            for (String deleted : deletions(word, MAX_EDITS)) {
                byDeletion.computeIfAbsent(deleted, k -> new ArrayList<>(1)).add(word);
            }
        }
    }

    /** The known word {@code typo} was most likely meant to be, or null when none is close enough. */
    String closest(String typo) {
        int edits = typo.length() >= 8 ? 2 : 1;
        String best = null;
        int bestFrequency = 0;
        for (String deleted : deletions(typo, edits)) {
            for (String candidate : byDeletion.getOrDefault(deleted, List.of())) {
                if (candidate.charAt(0) != typo.charAt(0) || distance(typo, candidate) > edits) {
                    continue;
                }
                int f = frequency.get(candidate);
                if (f > bestFrequency || f == bestFrequency && best != null && candidate.compareTo(best) < 0) {
                    best = candidate;
                    bestFrequency = f;
                }
            }
        }
        return best;
    }

    /** The word itself and every string made by deleting up to {@code edits} of its letters. */
    static Set<String> deletions(String word, int edits) {
        Set<String> out = new HashSet<>();
        out.add(word);
        List<String> frontier = List.of(word);
        for (int e = 0; e < edits; e++) {
            List<String> next = new ArrayList<>();
            for (String w : frontier) {
                for (int i = 0; i < w.length(); i++) {
                    String d = w.substring(0, i) + w.substring(i + 1);
                    if (out.add(d)) {
                        next.add(d);
                    }
                }
            }
            frontier = next;
        }
        return out;
    }

    /** Edit distance with adjacent transpositions (optimal string alignment). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
