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
 * @param forUs       the "For us" line: facts from our report profile under a general answer, in mrkdwn; shared
 *                    with the answer (it is facts about us, not advice); null when the profile has nothing to add
 * @param forReps     notes from our report profile only the rep sees (a report that is due, who approves sending
 *                    it…), computed on the day of the answer; never shared
 * @param shareKey    what a Share button carries to give the same answer again ({@link KnowledgeBase#answer(String)}):
 *                    the intent id, with the subjects the question named when the answer depends on them; null when
 *                    the reply is not for sharing
 */
public record Reply(
        ReplyKind kind,
        Intent intent,
        double confidence,
        String text,
        String repNote,
        List<Suggestion> suggestions,
        Suggestion alsoAsked,
        String forUs,
        List<String> forReps,
        String shareKey) {

    public Reply {
        suggestions = List.copyOf(suggestions);
        forReps = List.copyOf(forReps);
    }

    /** A reply without anything from our report profile. */
    public Reply(ReplyKind kind, Intent intent, double confidence, String text, String repNote, List<Suggestion> suggestions,
                 Suggestion alsoAsked) {
        this(kind, intent, confidence, text, repNote, suggestions, alsoAsked, null, List.of(),
                kind == ReplyKind.ANSWER && intent != null ? intent.id() : null);
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

    /** The answer as a person reads it anywhere: the text, then the "For us" line when there is one. */
    public String answerText() {
        return forUs == null ? text : text + "\n\n" + forUs;
    }
}
