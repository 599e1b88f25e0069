package io.attest.slack;

import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.builtin.EventRequest;
import java.util.Locale;

/** Where in Slack a request came from; a tag on metrics and a field of every log line written while serving it. */
public enum Surface {
    SLASH_COMMAND,
    MENTION,
    DIRECT_MESSAGE,
    BUTTON,
    /** Something Slack sends that no feature above answers (url_verification, an event type Attest ignores). */
    OTHER,
    /** Refused before it could be read (unsigned, too large, not a Slack payload). */
    UNKNOWN;

    private final String tag = name().toLowerCase(Locale.ROOT);

    /** The lower-case name used in metrics and logs. */
    public String tag() {
        return tag;
    }

    /** The surface of a request Bolt has read; a switch on types Bolt already parsed, nothing is read again. */
    public static Surface of(Request<?> request) {
        return switch (request.getRequestType()) {
            case Command -> SLASH_COMMAND;
            case BlockAction -> BUTTON;
            case Event -> switch (((EventRequest) request).getEventType()) {
                case "app_mention" -> MENTION;
                case "message" -> DIRECT_MESSAGE;
                default -> OTHER;
            };
            default -> OTHER;
        };
    }
}
