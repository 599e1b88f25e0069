package io.attest.slack;

import java.util.Locale;

/** The kinds of work Attest does after an ack. Read as words, the names are what the logs call the work. */
public enum JobKind {
    ANSWERING_A_MENTION,
    ANSWERING_A_DIRECT_MESSAGE,
    SHARING_AN_ANSWER,
    SHOWING_AN_ANSWER,
    SHOWING_TOPICS,
    STARTING_A_TRIAGE,
    RESTARTING_A_TRIAGE,
    RECORDING_A_TRIAGE_ANSWER,
    REOPENING_A_TRIAGE_QUESTION,
    RECORDING_A_QUESTION,
    RECORDING_FEEDBACK,
    ASKING_THE_EXPERTS,
    RELAYING_THE_EXPERTS_ANSWER,
    MAKING_A_DRAFT,
    SHOWING_THE_GAP_QUEUE,
    CLOSING_A_GAP,
    ANSWERING_A_SHORTCUT,
    PUBLISHING_APP_HOME,
    /** Telling someone privately that their request was refused for want of room, or because Attest is stopping. */
    TELLING_THE_ASKER_IT_WAS_REFUSED;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
