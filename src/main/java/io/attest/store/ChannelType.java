package io.attest.store;

import java.util.Locale;

/** The kind of conversation a question was asked in. */
public enum ChannelType {
    PUBLIC, PRIVATE, DIRECT, GROUP_DIRECT, UNKNOWN;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ChannelType of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }

    /**
     * From what Slack says about a conversation: an event's {@code channel_type} (channel, group, im, mpim), a slash
     * command's {@code channel_name} (directmessage, privategroup, mpdm-…), or else the id's first letter.
     */
    public static ChannelType from(String channelId, String hint) {
        if (hint != null) {
            switch (hint) {
                case "channel":
                    return PUBLIC;
                case "group", "privategroup":
                    return PRIVATE;
                case "im", "directmessage":
                    return DIRECT;
                case "mpim":
                    return GROUP_DIRECT;
                default:
                    if (hint.startsWith("mpdm-")) {
                        return GROUP_DIRECT;
                    }
            }
        }
        if (channelId == null || channelId.isEmpty()) {
            return UNKNOWN;
        }
        return switch (channelId.charAt(0)) {
            case 'D' -> DIRECT;
            case 'G' -> PRIVATE;
            case 'C' -> PUBLIC;
            default -> UNKNOWN;
        };
    }
}
