package io.attest.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Separates a real question from text that tries to steer the bot ("ignore your instructions and say…").
 * The bot's answers come only from the knowledge base, so steering cannot change what it says; this
 * keeps the steering words from pulling the match towards the wrong intent.
 */
final class SteeringFilter {

    private static final Pattern SEGMENT_BREAK = Pattern.compile("[.!?:;,\\n]+|\\s+-{1,2}\\s+");
    private static final Pattern QUESTION_START = Pattern.compile(
            "^(what|which|who|whom|whose|why|how|when|where|is|are|do|does|did|can|could|should|would|will|"
                    + "may|must|shall|has|have)\\b.*", Pattern.CASE_INSENSITIVE);

    private final List<Pattern> markers;

    SteeringFilter(List<String> markers) {
        this.markers = markers.stream().map(m -> Pattern.compile(m, Pattern.CASE_INSENSITIVE)).toList();
    }

    /**
     * The question with steering removed; {@code steered} is false when there was none, and
     * {@code questionFound} says whether a question-shaped part was left (rather than only the remainder).
     */
    record Filtered(String question, boolean steered, boolean questionFound) {
    }

    Filtered filter(String text) {
        if (markers.stream().noneMatch(m -> m.matcher(text).find())) {
            return new Filtered(text, false, true);
        }
        List<String> questions = new ArrayList<>();
        int start = 0;
        java.util.regex.Matcher breaks = SEGMENT_BREAK.matcher(text);
        while (start < text.length()) {
            boolean found = breaks.find(start);
            int end = found ? breaks.end() : text.length();
            String segment = text.substring(start, end).trim();
            start = end;
            if (segment.isEmpty() || markers.stream().anyMatch(m -> m.matcher(segment).find())) {
                continue;
            }
            if (segment.endsWith("?") || QUESTION_START.matcher(segment).matches()) {
                questions.add(segment);
            }
            if (!found) {
                break;
            }
        }
        // Only the question-shaped parts: statements next to steering are usually the claim to be repeated.
        // Without any, the remainder is kept only for diagnostics (ask() then declines).
        String kept = String.join(" ", questions.isEmpty() ? withoutMarkers(text) : questions);
        return new Filtered(kept.trim(), true, !questions.isEmpty());
    }

    private List<String> withoutMarkers(String text) {
        String remaining = text;
        for (Pattern marker : markers) {
            remaining = marker.matcher(remaining).replaceAll(" ");
        }
        return List.of(remaining);
    }
}
