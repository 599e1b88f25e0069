package io.attest.slack.answers;

import java.util.regex.Pattern;

/** The action_ids of the buttons under answers; each has exactly one listener, registered in app.Wiring. */
public final class ActionIds {

    public static final String SHARE_ANSWER = "share_answer";
    /** Related topics and "Did you mean…" both open an answer; a suffix keeps action_ids unique in a block. */
    private static final String SHOW_ANSWER_PREFIX = "show_answer:";
    public static final Pattern SHOW_ANSWER = Pattern.compile("^show_answer:\\d+$");
    public static final String SHOW_TOPICS = "show_topics";
    /** The block of "Did you mean…" suggestions; followed by ":" and the question's id when it was recorded. */
    static final String DID_YOU_MEAN_BLOCK = "did_you_mean";
    /** The message shortcut "Ask Attest about this", by its callback_id in manifest.yml. */
    public static final String ASK_ABOUT_MESSAGE = "ask_attest_about_message";

    private ActionIds() {
    }

    public static String showAnswer(int index) {
        return SHOW_ANSWER_PREFIX + index;
    }
}
