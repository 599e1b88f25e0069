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

    public static String nextEventId() {
        return "Ev" + EVENTS.incrementAndGet();
    }
}
