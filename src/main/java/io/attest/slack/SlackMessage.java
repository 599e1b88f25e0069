package io.attest.slack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A message ready for Slack: blocks plus the plain text Slack shows in notifications.
 */
public record SlackMessage(String text, ArrayNode blocks) {

    public String blocksJson() {
        return blocks.toString();
    }

    /** The message as a JSON body (slash-command ack or response_url payload). */
    public ObjectNode toJson() {
        ObjectNode node = BlockKit.JSON.createObjectNode();
        node.put("text", text);
        node.set("blocks", blocks);
        return node;
    }

    /** The message as a slash-command or response_url body that only the person who asked sees. */
    public ObjectNode toEphemeralJson() {
        return toJson().put("response_type", "ephemeral");
    }
}
