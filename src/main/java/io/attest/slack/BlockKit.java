package io.attest.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Small builders for Block Kit JSON; messages are plain Jackson trees, so tests compare them as JSON. */
public final class BlockKit {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** A modal's title and its submit and close labels. */
    static final int MODAL_TITLE = 24;
    static final int MAX_OPTION_TEXT = 75;

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

    /**
     * A modal view for views.open.
     *
     * @param privateMetadata what the submission needs to know, carried by Slack (at most 3,000 characters)
     */
    public static ObjectNode modal(String callbackId, String title, String submit, String close, ArrayNode blocks,
                                   String privateMetadata) {
        ObjectNode view = NODES.objectNode().put("type", "modal").put("callback_id", callbackId);
        view.set("title", plain(fit(title, MODAL_TITLE)));
        if (submit != null) {
            view.set("submit", plain(fit(submit, MODAL_TITLE)));
        }
        view.set("close", plain(fit(close, MODAL_TITLE)));
        view.set("blocks", blocks);
        view.put("private_metadata", privateMetadata == null ? "" : privateMetadata);
        return view;
    }

    /** The App Home tab's view for views.publish. */
    public static ObjectNode home(ArrayNode blocks) {
        ObjectNode view = NODES.objectNode().put("type", "home");
        view.set("blocks", blocks);
        return view;
    }

    /** An input block of a modal. */
    public static ObjectNode input(String blockId, String label, ObjectNode element, boolean optional, String hint) {
        ObjectNode block = NODES.objectNode().put("type", "input").put("block_id", blockId).put("optional", optional);
        block.set("label", plain(label));
        block.set("element", element);
        if (hint != null) {
            block.set("hint", plain(hint));
        }
        return block;
    }

    public static ObjectNode textInput(String actionId, boolean multiline, int maxLength, String initialValue) {
        ObjectNode input = NODES.objectNode().put("type", "plain_text_input").put("action_id", actionId)
                .put("multiline", multiline).put("max_length", maxLength);
        return initialValue == null ? input : input.put("initial_value", initialValue);
    }

    /** Checkboxes, each option's value and label in pairs. */
    public static ObjectNode checkboxes(String actionId, String... valuesAndLabels) {
        ObjectNode element = NODES.objectNode().put("type", "checkboxes").put("action_id", actionId);
        ArrayNode options = element.putArray("options");
        for (int i = 0; i + 1 < valuesAndLabels.length; i += 2) {
            ObjectNode option = options.addObject().put("value", valuesAndLabels[i]);
            option.set("text", plain(fit(valuesAndLabels[i + 1], MAX_OPTION_TEXT)));
        }
        return element;
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
