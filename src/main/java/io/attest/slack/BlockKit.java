package io.attest.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Small builders for Block Kit JSON; messages are plain Jackson trees, so tests compare them as JSON. */
public final class BlockKit {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private BlockKit() {
    }

    public static ArrayNode blocks() {
        return NODES.arrayNode();
    }

    public static ObjectNode header(String text) {
        ObjectNode block = NODES.objectNode().put("type", "header");
        block.set("text", plain(text));
        return block;
    }

    public static ObjectNode section(String mrkdwn) {
        ObjectNode block = NODES.objectNode().put("type", "section");
        block.set("text", mrkdwn(mrkdwn));
        return block;
    }

    public static ObjectNode context(String mrkdwn) {
        ObjectNode block = NODES.objectNode().put("type", "context");
        block.putArray("elements").add(mrkdwn(mrkdwn));
        return block;
    }

    public static ObjectNode divider() {
        return NODES.objectNode().put("type", "divider");
    }

    public static ObjectNode actions(String blockId) {
        ObjectNode block = NODES.objectNode().put("type", "actions").put("block_id", blockId);
        block.putArray("elements");
        return block;
    }

    public static ObjectNode button(String text, String actionId, String value) {
        ObjectNode button = NODES.objectNode().put("type", "button").put("action_id", actionId);
        button.set("text", plain(text));
        return value == null ? button : button.put("value", value);
    }

    public static ObjectNode primary(ObjectNode button) {
        return button.put("style", "primary");
    }

    public static ObjectNode mrkdwn(String text) {
        return NODES.objectNode().put("type", "mrkdwn").put("text", text);
    }

    public static ObjectNode plain(String text) {
        return NODES.objectNode().put("type", "plain_text").put("text", text).put("emoji", true);
    }

    /** Cuts text to a limit at a word boundary, marking the cut, so a long value never breaks a message. */
    public static String fit(String text, int limit) {
        if (text.length() <= limit) {
            return text;
        }
        int cut = text.lastIndexOf(' ', limit - 1);
        return text.substring(0, cut > limit / 2 ? cut : limit - 1) + "…";
    }
}
