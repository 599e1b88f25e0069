package io.attest.knowledge;

/** The shapes a reply can take; only {@link #ANSWER} counts as a knowledge-base match. */
public enum ReplyKind {
    /** A confident answer from one intent. */
    ANSWER,
    /** Not confident enough to answer: offer the closest intents instead. */
    DID_YOU_MEAN,
    /** Out of scope, or nothing close enough: a polite decline that says what Attest covers. */
    DECLINE,
    /** A hello, with what Attest can do. */
    GREETING,
    /** Nothing was asked. */
    EMPTY
}
