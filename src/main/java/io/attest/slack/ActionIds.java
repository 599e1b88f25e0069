package io.attest.slack;

import java.util.regex.Pattern;

/** The action_ids Attest's buttons carry; each has exactly one listener (see {@link SlackSurfaces}). */
final class ActionIds {

    static final String SHARE_ANSWER = "share_answer";
    /** Related topics and "Did you mean…" both open an answer; a suffix keeps action_ids unique in a block. */
    static final String SHOW_ANSWER_PREFIX = "show_answer:";
    static final Pattern SHOW_ANSWER = Pattern.compile("^show_answer:\\d+$");
    static final String SHOW_TOPICS = "show_topics";
    static final String SHOW_HELP = "show_help";

    private ActionIds() {
    }

    static String showAnswer(int index) {
        return SHOW_ANSWER_PREFIX + index;
    }
}
