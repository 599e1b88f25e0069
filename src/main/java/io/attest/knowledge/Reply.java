package io.attest.knowledge;

import java.util.List;

/**
 * What Attest says to one question, independent of where it is shown.
 *
 * @param intent      the intent that produced the text, or null for the generic decline and empty input
 * @param confidence  0..1, how sure the matcher is of its best intent
 * @param text        the reply in Slack mrkdwn
 * @param repNote     private wording guidance for reps (null when none)
 * @param suggestions "Did you mean…" candidates for {@link ReplyKind#DID_YOU_MEAN}, related topics for answers
 *                    (a second question asked in the same message first)
 * @param alsoAsked   a second, different question the same message asked, answered by its own button; null if none
 */
public record Reply(
        ReplyKind kind,
        Intent intent,
        double confidence,
        String text,
        String repNote,
        List<Suggestion> suggestions,
        Suggestion alsoAsked) {

    public Reply {
        suggestions = List.copyOf(suggestions);
    }

    /** A reply to a message that asked one thing. */
    public Reply(ReplyKind kind, Intent intent, double confidence, String text, String repNote, List<Suggestion> suggestions) {
        this(kind, intent, confidence, text, repNote, suggestions, null);
    }

    /** True only for a knowledge-base answer; greetings, help and declines are not matches. */
    public boolean matched() {
        return kind == ReplyKind.ANSWER;
    }

    public String intentId() {
        return intent == null ? null : intent.id();
    }
}
