package io.attest.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.builtin.EventRequest;
import java.util.Locale;

/** Where in Slack a request came from; a tag on metrics and a field of every log line written while serving it. */
public enum Surface {
    SLASH_COMMAND,
    MENTION,
    DIRECT_MESSAGE,
    /** A message in a channel (the compliance team's replies; every other one is acknowledged and ignored). */
    CHANNEL_MESSAGE,
    BUTTON,
    /** The message shortcut. */
    SHORTCUT,
    /** A form (modal) submitted or closed. */
    FORM,
    /** The Home tab opened. */
    HOME,
    /** Something Slack sends that no feature above answers (url_verification, an event type Attest ignores). */
    OTHER,
    /** Refused before it could be read (unsigned, too large, not a Slack payload). */
    UNKNOWN;

    private final String tag = name().toLowerCase(Locale.ROOT);

    /** The lower-case name used in metrics and logs. */
    public String tag() {
        return tag;
    }

    /**
     * The surface of a request Bolt has read: a switch on types Bolt already parsed, and, for a message, its
     * channel_type in the JSON the edge already read ({@code body}: the events body or envelope payload; null for a
     * form body). Nothing is read again.
     */
    public static Surface of(Request<?> request, JsonNode body) {
        return switch (request.getRequestType()) {
            case Command -> SLASH_COMMAND;
            case BlockAction -> BUTTON;
            case MessageShortcut, GlobalShortcut -> SHORTCUT;
            case ViewSubmission, ViewClosed -> FORM;
            case Event -> switch (((EventRequest) request).getEventType()) {
                case "app_mention" -> MENTION;
                case "message" -> body != null && body.path("event").path("channel_type").asText("").equals("im")
                        ? DIRECT_MESSAGE : CHANNEL_MESSAGE;
                case "app_home_opened" -> HOME;
                default -> OTHER;
            };
            default -> OTHER;
        };
    }
}
