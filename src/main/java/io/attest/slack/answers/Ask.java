package io.attest.slack.answers;

import java.util.Locale;

/**
 * What someone asked for, read from the words after {@code /soc} or {@code @attest}:
 * help, the topic list, a triage, the gap queue (content owners, {@code /soc gaps}), or a question.
 */
record Ask(Kind kind, String text) {

    enum Kind { HELP, TOPICS, TRIAGE, GAPS, QUESTION }

    static Ask parse(String typed) {
        String text = typed == null ? "" : typed.trim();
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.isEmpty() || lower.equals("help") || lower.equals("?") || lower.equals("usage")) {
            return new Ask(Kind.HELP, "");
        }
        if (lower.equals("topics") || lower.equals("topic") || lower.equals("list")) {
            return new Ask(Kind.TOPICS, "");
        }
        if (lower.equals("gaps")) {
            return new Ask(Kind.GAPS, text);
        }
        if (lower.equals("triage") || lower.startsWith("triage ")) {
            return new Ask(Kind.TRIAGE, text.substring("triage".length()).trim());
        }
        return new Ask(Kind.QUESTION, text);
    }
}
