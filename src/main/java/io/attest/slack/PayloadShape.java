package io.attest.slack;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The checks both edges make before Bolt reads a payload, because Bolt would fail on these shapes with an exception
 * that looks like a listener's bug. Over HTTP a body comes in one of Slack's three shapes (a JSON object, a form whose
 * {@code payload} is a JSON object, or a form); in Socket Mode every payload is a JSON object. Failures carry why,
 * never the payload.
 */
final class PayloadShape {

    private PayloadShape() {
    }

    /** An HTTP body: a JSON object (events, returned), or a url-encoded form whose payload, if any, reads. */
    static JsonNode requireHttpBody(String body) {
        String trimmed = body.strip();
        if (trimmed.startsWith("{")) {
            return requireJsonObject(trimmed);
        }
        // Every /soc ack passes here, so the fields are checked where they lie; only an interactivity payload is decoded.
        for (int start = 0, end; start < trimmed.length(); start = end + 1) {
            end = trimmed.indexOf('&', start);
            end = end < 0 ? trimmed.length() : end;
            if (!percentEncoded(trimmed, start, end)) {
                throw new Unreadable(Why.A_FORM_THAT_IS_NOT_URL_ENCODED);
            }
            int eq = trimmed.indexOf('=', start);
            if (eq >= 0 && eq < end && isPayloadName(trimmed.substring(start, eq))) {
                String value = URLDecoder.decode(trimmed.substring(eq + 1, end), StandardCharsets.UTF_8);
                requireActionsReadable(requireJsonObject(value));
            }
        }
        return null;
    }

    /** Whether every {@code %} in {@code text[start, end)} begins an escape of two hex digits, as URL decoding needs. */
    static boolean percentEncoded(String text, int start, int end) {
        for (int i = text.indexOf('%', start); i >= 0 && i < end; i = text.indexOf('%', i + 3)) {
            if (i + 2 >= end || Character.digit(text.charAt(i + 1), 16) < 0 || Character.digit(text.charAt(i + 2), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isPayloadName(String name) {
        return name.equals("payload")
                || (name.indexOf('%') >= 0 || name.indexOf('+') >= 0) && URLDecoder.decode(name, StandardCharsets.UTF_8).equals("payload");
    }

    /** A Socket Mode payload (events, slash commands and interactivity alike): a JSON object. */
    static void requireSocketModePayload(JsonNode payload) {
        if (payload == null || !payload.isObject()) {
            throw new Unreadable(Why.JSON_THAT_IS_NOT_AN_OBJECT);
        }
        requireActionsReadable(payload);
    }

    /** Bolt reads the first action's action_id itself, before any listener can check it. */
    private static void requireActionsReadable(JsonNode payload) {
        JsonNode actions = payload.path("actions");
        if (actions.isMissingNode()) {
            return;
        }
        if (!actions.isArray()) {
            throw new Unreadable(Why.ACTIONS_THAT_ARE_NOT_A_LIST);
        }
        for (JsonNode action : actions) {
            if (!action.isObject() || !action.path("action_id").isTextual()) {
                throw new Unreadable(Why.AN_ACTION_WITHOUT_AN_ACTION_ID);
            }
        }
    }

    static JsonNode requireJsonObject(String json) {
        JsonNode node;
        try {
            node = BlockKit.JSON.readTree(json);
        } catch (IOException e) {
            throw new Unreadable(Why.JSON_THAT_DOES_NOT_PARSE);
        }
        if (node == null || !node.isObject()) {
            throw new Unreadable(Why.JSON_THAT_IS_NOT_AN_OBJECT);
        }
        return node;
    }

    /** Why a payload is not one Slack would send; read as words, the names are what the log says. */
    enum Why {
        JSON_THAT_DOES_NOT_PARSE, JSON_THAT_IS_NOT_AN_OBJECT, A_FORM_THAT_IS_NOT_URL_ENCODED, ACTIONS_THAT_ARE_NOT_A_LIST,
        AN_ACTION_WITHOUT_AN_ACTION_ID, NOT_A_KIND_OF_REQUEST_SLACK_SENDS, BOLT_COULD_NOT_READ_IT,
        AN_ENVELOPE_WITHOUT_AN_ID;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    /** Not a payload Slack would send. Carries why, never the payload. */
    static final class Unreadable extends RuntimeException {
        final Why why;

        Unreadable(Why why) {
            super(why.toString(), null, false, false);
            this.why = why;
        }
    }
}
