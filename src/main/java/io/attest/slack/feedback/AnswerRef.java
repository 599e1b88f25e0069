package io.attest.slack.feedback;

import io.attest.store.ChannelType;
import io.attest.store.Surface;
import java.util.Locale;
import java.util.Optional;

/**
 * What the Helpful / Not helpful buttons under an answer carry, so a vote is stored with what it was about even when
 * the question itself could not be recorded: the question's id, where it was asked, the intent and its confidence.
 */
public record AnswerRef(String questionId, Surface surface, ChannelType channelType, String intentId, double confidence) {

    private static final String SEPARATOR = "|";

    public String encode() {
        return questionId + SEPARATOR + surface.id() + SEPARATOR + channelType.id() + SEPARATOR + intentId + SEPARATOR
                + String.format(Locale.ROOT, "%.3f", confidence);
    }

    /** Empty for a value Attest did not write. */
    public static Optional<AnswerRef> decode(String value) {
        String[] parts = value == null ? new String[0] : value.split("\\|", -1);
        if (parts.length != 5 || parts[0].isEmpty() || parts[3].isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new AnswerRef(parts[0], Surface.of(parts[1]), ChannelType.of(parts[2]), parts[3],
                    Double.parseDouble(parts[4])));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
