package io.attest.slack.triage;

import java.util.regex.Pattern;

/** The action_ids and block_ids of a triage thread's buttons; each action has one listener in {@link TriageThreads}. */
public final class TriageActions {

    public static final String START = "start_triage";
    public static final Pattern ANSWER = Pattern.compile("^triage_answer:[a-z_]+:[a-z]+$");
    public static final String CHANGE = "triage_change";
    public static final String RESTART = "triage_restart";
    static final String ANSWER_PREFIX = "triage_answer:";
    /** The block holding a question's answer buttons, and the one that replaces it once answered. */
    static final String QUESTION_BLOCK = "triage_q:";
    static final String ANSWERED_BLOCK = "triage_done:";

    private TriageActions() {
    }

    static String answer(String key, String value) {
        return ANSWER_PREFIX + key + ":" + value;
    }
}
