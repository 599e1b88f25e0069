package io.attest.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/** Slack-shaped request bodies, as Slack sends them. */
public final class SlackPayloads {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger EVENTS = new AtomicInteger();

    private SlackPayloads() {
    }

    public static String slashCommand(String text, String channel, String user, String responseUrl) {
        return "token=legacy-verification-token&team_id=T1&team_domain=test&channel_id=" + channel
                + "&channel_name=deals&user_id=" + user + "&user_name=rep&command=" + enc("/soc")
                + "&text=" + enc(text) + "&api_app_id=A1&response_url=" + enc(responseUrl) + "&trigger_id=1.2.3";
    }

    public static String urlVerification(String challenge) {
        return JSON.createObjectNode().put("type", "url_verification").put("token", "t").put("challenge", challenge).toString();
    }

    public static String appMention(String eventId, String channel, String user, String text, String ts, String threadTs) {
        ObjectNode event = JSON.createObjectNode().put("type", "app_mention").put("user", user).put("text", text)
                .put("ts", ts).put("channel", channel).put("event_ts", ts);
        if (threadTs != null) {
            event.put("thread_ts", threadTs);
        }
        return envelope(eventId, event);
    }

    public static String directMessage(String eventId, String channel, String user, String text, String ts) {
        ObjectNode event = JSON.createObjectNode().put("type", "message").put("channel_type", "im").put("user", user)
                .put("text", text).put("ts", ts).put("channel", channel).put("event_ts", ts);
        return envelope(eventId, event);
    }

    public static String botDirectMessage(String eventId, String channel, String botUser, String text, String ts) {
        ObjectNode event = JSON.createObjectNode().put("type", "message").put("channel_type", "im").put("user", botUser)
                .put("bot_id", "BBOT").put("text", text).put("ts", ts).put("channel", channel).put("event_ts", ts);
        return envelope(eventId, event);
    }

    /** A block_actions interaction, form-encoded as Slack sends it. */
    public static String blockAction(String actionId, String value, String channel, String user, String responseUrl,
                                     boolean ephemeral, String messageTs, String threadTs) {
        ObjectNode payload = JSON.createObjectNode().put("type", "block_actions").put("api_app_id", "A1")
                .put("token", "legacy-verification-token").put("trigger_id", "1.2.3").put("response_url", responseUrl);
        payload.putObject("team").put("id", "T1").put("domain", "test");
        payload.putObject("user").put("id", user).put("username", "rep").put("team_id", "T1");
        payload.putObject("channel").put("id", channel).put("name", "deals");
        ObjectNode container = payload.putObject("container").put("type", "message").put("channel_id", channel)
                .put("is_ephemeral", ephemeral);
        if (!ephemeral) {
            container.put("message_ts", messageTs);
            ObjectNode message = payload.putObject("message").put("type", "message").put("ts", messageTs)
                    .put("user", FakeSlackApi.BOT_USER_ID).put("text", "answer");
            if (threadTs != null) {
                message.put("thread_ts", threadTs);
                container.put("thread_ts", threadTs);
            }
        }
        ArrayNode actions = payload.putArray("actions");
        actions.addObject().put("type", "button").put("action_id", actionId).put("block_id", "b").put("value", value)
                .put("action_ts", "1700000001.000001").putObject("text").put("type", "plain_text").put("text", "x");
        return "payload=" + enc(payload.toString());
    }

    /**
     * A click on a button of a message Attest posted: the button's action_id, value and block_id come from the
     * message's blocks as they are now, and the message is sent along, as Slack does.
     */
    public static String click(com.fasterxml.jackson.databind.JsonNode messageBlocks, String messageTs, String threadTs,
                               String actionId, String channel, String user, String responseUrl) {
        com.fasterxml.jackson.databind.JsonNode button = null;
        String blockId = null;
        for (com.fasterxml.jackson.databind.JsonNode block : messageBlocks) {
            for (com.fasterxml.jackson.databind.JsonNode element : block.path("elements")) {
                if (actionId.equals(element.path("action_id").asText())) {
                    button = element;
                    blockId = block.path("block_id").asText();
                }
            }
        }
        if (button == null) {
            throw new AssertionError("no button " + actionId + " in " + messageBlocks);
        }
        ObjectNode payload = JSON.createObjectNode().put("type", "block_actions").put("api_app_id", "A1")
                .put("token", "legacy-verification-token").put("trigger_id", "1.2.3").put("response_url", responseUrl);
        payload.putObject("team").put("id", "T1").put("domain", "test");
        payload.putObject("user").put("id", user).put("username", user.toLowerCase()).put("team_id", "T1");
        payload.putObject("channel").put("id", channel).put("name", "deals");
        ObjectNode container = payload.putObject("container").put("type", "message").put("channel_id", channel)
                .put("is_ephemeral", false).put("message_ts", messageTs);
        ObjectNode message = payload.putObject("message").put("type", "message").put("ts", messageTs)
                .put("user", FakeSlackApi.BOT_USER_ID).put("text", "question");
        if (threadTs != null) {
            message.put("thread_ts", threadTs);
            container.put("thread_ts", threadTs);
        }
        message.set("blocks", messageBlocks.deepCopy());
        ArrayNode actions = payload.putArray("actions");
        ObjectNode action = actions.addObject().put("type", "button").put("action_id", actionId).put("block_id", blockId)
                .put("action_ts", "1700000001.000001");
        if (button.has("value")) {
            action.put("value", button.path("value").asText());
        }
        action.set("text", button.path("text").deepCopy());
        return "payload=" + enc(payload.toString());
    }

    public static String nextEventId() {
        return "Ev" + EVENTS.incrementAndGet();
    }

    private static String envelope(String eventId, ObjectNode event) {
        ObjectNode body = JSON.createObjectNode().put("token", "t").put("team_id", "T1").put("api_app_id", "A1")
                .put("type", "event_callback").put("event_id", eventId).put("event_time", 1700000000);
        body.set("event", event);
        body.putArray("authorizations").addObject().put("team_id", "T1").put("user_id", FakeSlackApi.BOT_USER_ID)
                .put("is_bot", true);
        return body.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
