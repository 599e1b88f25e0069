package io.attest.slack.answers;

/** Who sees a reply, which decides what it may contain. */
enum Audience {
    /** Only the asker (an ephemeral /soc reply): rep notes shown, and a Share in channel button. */
    ASKER_ONLY,
    /** A direct message with the bot: private, so rep notes are shown; nothing to share into. */
    DIRECT,
    /** Everyone in a channel or thread: never rep notes. */
    CHANNEL
}
