package io.attest.store;

import java.util.Locale;

/** Where a question was asked. */
public enum Surface {
    /** {@code /soc}, answered privately. */
    SLASH,
    /** {@code @Attest} in a channel, answered in the thread. */
    MENTION,
    /** A direct message with Attest. */
    DIRECT,
    /** The message shortcut "Ask Attest about this". */
    SHORTCUT,
    /** A button that opened an answer (a related topic, a "Did you mean…" suggestion). */
    BUTTON;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Surface of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
