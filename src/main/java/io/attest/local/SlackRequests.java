package io.attest.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Request bodies shaped as Slack sends them to {@code /slack/events}: slash commands, events and button clicks.
 * The local console sends these, and tests send the same, so there is one idea of what Slack sends.
 */
public final class SlackRequests {

    public static final String TEAM = "T0LOCAL";
    /** The legacy verification token every Slack body still carries; Attest never relies on it, nor logs it. */
    public static final String VERIFICATION_TOKEN = "legacy-verification-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A click on a button: the message as it is now (Slack leaves it out for ephemeral messages) and a response_url.
     *
     * @param messageBlocks the message's blocks, or null for an ephemeral message
     */
    public record Click(String actionId, String blockId, String value, String channel, String user, String responseUrl,
                        String messageTs, String threadTs, boolean ephemeral, String messageUser, String messageText,
                        JsonNode messageBlocks) {
    }

    private SlackRequests() {
    }

    /** {@code /soc text}, form-encoded. */
    public static String slashCommand(String text, String channel, String user, String responseUrl) {
        return "token=" + VERIFICATION_TOKEN + "&team_id=" + TEAM + "&team_domain=local&channel_id=" + enc(channel)
                + "&channel_name=general&user_id=" + enc(user) + "&user_name=you&command=" + enc("/soc")
                + "&text=" + enc(text) + "&api_app_id=A0LOCAL&response_url=" + enc(responseUrl) + "&trigger_id=1.2.3";
    }

    /** An app_mention event (Slack writes the mention as {@code <@BOT>} in the text). */
    public static ObjectNode mention(String channel, String user, String text, String ts, String threadTs) {
        return message("app_mention", channel, user, text, ts, threadTs);
    }

    /** A message in a direct message with the bot (message.im). */
    public static ObjectNode directMessage(String channel, String user, String text, String ts, String threadTs) {
        return message("message", channel, user, text, ts, threadTs).put("channel_type", "im");
    }

    /** The Events API envelope around an event. */
    public static String event(String eventId, ObjectNode event) {
        ObjectNode body = JSON.createObjectNode().put("token", VERIFICATION_TOKEN).put("team_id", TEAM)
                .put("api_app_id", "A0LOCAL").put("type", "event_callback").put("event_id", eventId)
                .put("event_time", System.currentTimeMillis() / 1000);
        body.set("event", event);
        body.putArray("authorizations").addObject().put("team_id", TEAM).put("user_id", LocalSlack.BOT_USER_ID)
                .put("is_bot", true);
        return body.toString();
    }

    /** A block_actions interaction, form-encoded as Slack sends it. */
    public static String blockAction(Click c) {
        ObjectNode payload = JSON.createObjectNode().put("type", "block_actions").put("api_app_id", "A0LOCAL")
                .put("token", VERIFICATION_TOKEN).put("trigger_id", "1.2.3").put("response_url", c.responseUrl());
        payload.putObject("team").put("id", TEAM).put("domain", "local");
        payload.putObject("user").put("id", c.user()).put("username", "you").put("team_id", TEAM);
        payload.putObject("channel").put("id", c.channel()).put("name", c.channel().startsWith("D") ? "directmessage" : "general");
        ObjectNode container = payload.putObject("container").put("type", "message").put("channel_id", c.channel())
                .put("is_ephemeral", c.ephemeral());
        if (c.messageTs() != null) {
            container.put("message_ts", c.messageTs());
        }
        if (c.threadTs() != null) {
            container.put("thread_ts", c.threadTs());
        }
        if (!c.ephemeral()) {
            ObjectNode m = payload.putObject("message").put("type", "message").put("ts", c.messageTs())
                    .put("user", c.messageUser()).put("text", c.messageText());
            if (c.threadTs() != null) {
                m.put("thread_ts", c.threadTs());
            }
            if (c.messageBlocks() != null) {
                m.set("blocks", c.messageBlocks().deepCopy());
            }
        }
        ArrayNode actions = payload.putArray("actions");
        ObjectNode action = actions.addObject().put("type", "button").put("action_id", c.actionId())
                .put("block_id", c.blockId()).put("action_ts", String.format("%.6f", System.currentTimeMillis() / 1000.0));
        if (c.value() != null) {
            action.put("value", c.value());
        }
        return "payload=" + enc(payload.toString());
    }

    /** A click on a button in a view the app published (its App Home tab): no channel, no response_url. */
    public static String homeAction(String user, String actionId, String blockId, String value) {
        ObjectNode payload = JSON.createObjectNode().put("type", "block_actions").put("api_app_id", "A0LOCAL")
                .put("token", VERIFICATION_TOKEN).put("trigger_id", "1.2.3");
        payload.putObject("team").put("id", TEAM).put("domain", "local");
        payload.putObject("user").put("id", user).put("username", "you").put("team_id", TEAM);
        payload.putObject("container").put("type", "view").put("view_id", "VHOME");
        payload.putObject("view").put("id", "VHOME").put("type", "home");
        ObjectNode action = payload.putArray("actions").addObject().put("type", "button").put("action_id", actionId)
                .put("block_id", blockId).put("action_ts", String.format("%.6f", System.currentTimeMillis() / 1000.0));
        if (value != null) {
            action.put("value", value);
        }
        return "payload=" + enc(payload.toString());
    }

    /** A message in a channel the bot is in (message.channels, or message.groups for a private one). */
    public static ObjectNode channelMessage(String channel, String user, String text, String ts, String threadTs) {
        return message("message", channel, user, text, ts, threadTs)
                .put("channel_type", channel.startsWith("G") ? "group" : "channel");
    }

    /** The person opened Attest's App Home tab; {@code channel} is their DM with the bot. */
    public static ObjectNode appHomeOpened(String user, String channel) {
        return JSON.createObjectNode().put("type", "app_home_opened").put("user", user).put("channel", channel)
                .put("tab", "home").put("event_ts", String.format("%.6f", System.currentTimeMillis() / 1000.0));
    }

    /** The message shortcut, chosen from a message's menu. */
    public static String messageShortcut(String callbackId, String channel, String user, String messageTs,
                                         String messageUser, String messageText, String responseUrl, String triggerId) {
        ObjectNode payload = JSON.createObjectNode().put("type", "message_action").put("callback_id", callbackId)
                .put("token", VERIFICATION_TOKEN).put("trigger_id", triggerId).put("response_url", responseUrl)
                .put("message_ts", messageTs).put("action_ts", String.format("%.6f", System.currentTimeMillis() / 1000.0));
        payload.putObject("team").put("id", TEAM).put("domain", "local");
        payload.putObject("user").put("id", user).put("name", "you");
        payload.putObject("channel").put("id", channel).put("name", channel.startsWith("D") ? "directmessage" : "general");
        payload.putObject("message").put("type", "message").put("user", messageUser).put("ts", messageTs)
                .put("text", messageText);
        return "payload=" + enc(payload.toString());
    }

    /**
     * A modal submitted: the view as opened, with what was entered ({@code values}: block_id → action_id → element
     * state, as Slack sends it).
     */
    public static String viewSubmission(String user, String viewId, JsonNode view, JsonNode values) {
        ObjectNode payload = JSON.createObjectNode().put("type", "view_submission").put("token", VERIFICATION_TOKEN)
                .put("trigger_id", "1.2.3").put("api_app_id", "A0LOCAL");
        payload.putObject("team").put("id", TEAM).put("domain", "local");
        payload.putObject("user").put("id", user).put("username", "you").put("team_id", TEAM);
        ObjectNode v = ((ObjectNode) view.deepCopy()).put("id", viewId).put("team_id", TEAM).put("app_id", "A0LOCAL");
        v.putObject("state").set("values", values == null ? JSON.createObjectNode() : values.deepCopy());
        payload.set("view", v);
        return "payload=" + enc(payload.toString());
    }

    private static ObjectNode message(String type, String channel, String user, String text, String ts, String threadTs) {
        ObjectNode event = JSON.createObjectNode().put("type", type).put("user", user).put("text", text)
                .put("ts", ts).put("channel", channel).put("event_ts", ts);
        if (threadTs != null) {
            event.put("thread_ts", threadTs);
        }
        return event;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }
}
