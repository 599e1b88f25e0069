package io.attest.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.attest.local.LocalSlack;
import io.attest.local.SlackRequests;
import java.util.concurrent.atomic.AtomicInteger;

/** Slack-shaped request bodies for tests, built by the same {@link SlackRequests} the local console uses. */
public final class SlackPayloads {

    private static final AtomicInteger EVENTS = new AtomicInteger();

    private SlackPayloads() {
    }

    public static String slashCommand(String text, String channel, String user, String responseUrl) {
        return SlackRequests.slashCommand(text, channel, user, responseUrl);
    }

    public static String urlVerification(String challenge) {
        return "{\"type\":\"url_verification\",\"token\":\"t\",\"challenge\":\"" + challenge + "\"}";
    }

    public static String appMention(String eventId, String channel, String user, String text, String ts, String threadTs) {
        return SlackRequests.event(eventId, SlackRequests.mention(channel, user, text, ts, threadTs));
    }

    public static String directMessage(String eventId, String channel, String user, String text, String ts) {
        return SlackRequests.event(eventId, SlackRequests.directMessage(channel, user, text, ts, null));
    }

    public static String botDirectMessage(String eventId, String channel, String botUser, String text, String ts) {
        return SlackRequests.event(eventId, SlackRequests.directMessage(channel, botUser, text, ts, null).put("bot_id", "BOTHER"));
    }

    /** A click on a button of a message whose blocks the test does not have (an ephemeral reply, or made up). */
    public static String blockAction(String actionId, String value, String channel, String user, String responseUrl,
                                     boolean ephemeral, String messageTs, String threadTs) {
        return SlackRequests.blockAction(new SlackRequests.Click(actionId, "b", value, channel, user, responseUrl,
                ephemeral ? null : messageTs, threadTs, ephemeral, LocalSlack.BOT_USER_ID, "answer", null));
    }

    /**
     * A click on a button of a message Attest posted: the button's action_id, value and block_id come from the
     * message's blocks as they are now, and the message is sent along, as Slack does.
     */
    public static String click(JsonNode messageBlocks, String messageTs, String threadTs, String actionId, String channel,
                               String user, String responseUrl) {
        JsonNode button = null;
        String blockId = null;
        for (JsonNode block : messageBlocks) {
            for (JsonNode element : block.path("elements")) {
                if (actionId.equals(element.path("action_id").asText())) {
                    button = element;
                    blockId = block.path("block_id").asText();
                }
            }
        }
        if (button == null) {
            throw new AssertionError("no button " + actionId + " in " + messageBlocks);
        }
        return SlackRequests.blockAction(new SlackRequests.Click(actionId, blockId,
                button.has("value") ? button.path("value").asText() : null, channel, user, responseUrl, messageTs, threadTs,
                false, LocalSlack.BOT_USER_ID, "question", messageBlocks));
    }

    /**
     * What Slack sends over Socket Mode for a request it would POST to /slack/events: an envelope's type and payload.
     * Events are the same JSON; a slash command's form becomes a JSON object of its fields; an interaction's payload is
     * the form's payload.
     */
    public record SocketModeEnvelope(String type, com.fasterxml.jackson.databind.JsonNode payload) {
    }

    public static SocketModeEnvelope overSocketMode(String httpBody) {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        try {
            if (httpBody.startsWith("{")) {
                return new SocketModeEnvelope("events_api", json.readTree(httpBody));
            }
            com.fasterxml.jackson.databind.node.ObjectNode fields = json.createObjectNode();
            for (String pair : httpBody.split("&")) {
                int eq = pair.indexOf('=');
                fields.put(java.net.URLDecoder.decode(pair.substring(0, eq), java.nio.charset.StandardCharsets.UTF_8),
                        java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
            }
            if (fields.has("payload")) {
                return new SocketModeEnvelope("interactive", json.readTree(fields.get("payload").asText()));
            }
            return new SocketModeEnvelope("slash_commands", fields);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static String nextEventId() {
        return "Ev" + EVENTS.incrementAndGet();
    }
}
