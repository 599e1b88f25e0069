package io.attest.slack;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Slack's Block Kit limits (DESIGN, "Slack surfaces"); {@link #violations} lists every one a message breaks. */
public final class BlockKitLimits {

    public static final int MAX_BLOCKS = 50;
    public static final int MAX_SECTION_TEXT = 3000;
    public static final int MAX_HEADER_TEXT = 150;
    public static final int MAX_BUTTON_TEXT = 75;
    public static final int MAX_BUTTON_VALUE = 2000;
    public static final int MAX_ID = 255;
    public static final int MAX_CONTEXT_ELEMENTS = 10;
    public static final int MAX_ACTION_ELEMENTS = 25;

    private BlockKitLimits() {
    }

    public static List<String> violations(JsonNode blocks) {
        List<String> problems = new ArrayList<>();
        if (blocks == null || !blocks.isArray()) {
            problems.add("blocks is not an array");
            return problems;
        }
        if (blocks.size() > MAX_BLOCKS) {
            problems.add(blocks.size() + " blocks; at most " + MAX_BLOCKS);
        }
        for (int i = 0; i < blocks.size(); i++) {
            JsonNode block = blocks.get(i);
            String where = "block " + i + " (" + block.path("type").asText() + ")";
            checkLength(problems, where + " block_id", block.path("block_id"), MAX_ID);
            switch (block.path("type").asText()) {
                case "section" -> {
                    checkLength(problems, where + " text", block.path("text").path("text"), MAX_SECTION_TEXT);
                    for (JsonNode field : block.path("fields")) {
                        checkLength(problems, where + " field", field.path("text"), 2000);
                    }
                }
                case "header" -> checkLength(problems, where + " text", block.path("text").path("text"), MAX_HEADER_TEXT);
                case "context" -> {
                    if (block.path("elements").size() > MAX_CONTEXT_ELEMENTS) {
                        problems.add(where + " has more than " + MAX_CONTEXT_ELEMENTS + " elements");
                    }
                    for (JsonNode element : block.path("elements")) {
                        checkLength(problems, where + " element", element.path("text"), MAX_SECTION_TEXT);
                    }
                }
                case "actions" -> {
                    if (block.path("elements").size() > MAX_ACTION_ELEMENTS) {
                        problems.add(where + " has more than " + MAX_ACTION_ELEMENTS + " elements");
                    }
                    for (JsonNode element : block.path("elements")) {
                        checkLength(problems, where + " button text", element.path("text").path("text"), MAX_BUTTON_TEXT);
                        checkLength(problems, where + " button value", element.path("value"), MAX_BUTTON_VALUE);
                        checkLength(problems, where + " action_id", element.path("action_id"), MAX_ID);
                    }
                }
                case "divider" -> {
                }
                case "input" -> checkLength(problems, where + " label", block.path("label").path("text"), 2000);
                default -> problems.add(where + " is a block type Attest does not use");
            }
        }
        return problems;
    }

    private static void checkLength(List<String> problems, String what, JsonNode value, int max) {
        if (!value.isMissingNode() && value.asText().length() > max) {
            problems.add(what + " is " + value.asText().length() + " characters; at most " + max);
        }
    }
}
