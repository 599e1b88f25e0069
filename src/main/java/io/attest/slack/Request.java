package io.attest.slack;

import java.util.Locale;

/**
 * What someone asked for, read from the words after {@code /soc} or {@code @attest}:
 * help, the topic list, a triage, or a question.
 */
record Request(Kind kind, String text) {

    enum Kind { HELP, TOPICS, TRIAGE, QUESTION }

    static Request parse(String typed) {
        String text = typed == null ? "" : typed.trim();
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.isEmpty() || lower.equals("help") || lower.equals("?") || lower.equals("usage")) {
            return new Request(Kind.HELP, "");
        }
        if (lower.equals("topics") || lower.equals("topic") || lower.equals("list")) {
            return new Request(Kind.TOPICS, "");
        }
        if (lower.equals("triage") || lower.startsWith("triage ")) {
            return new Request(Kind.TRIAGE, text.substring("triage".length()).trim());
        }
        return new Request(Kind.QUESTION, text);
    }
}
