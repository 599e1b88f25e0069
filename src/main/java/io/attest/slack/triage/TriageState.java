package io.attest.slack.triage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import io.attest.slack.BlockKit;
import java.util.Optional;

/**
 * A triage thread's state, carried in its buttons' values rather than on the server, so a restart or a second
 * instance mid-thread loses nothing. Small by construction: eight answers and a short name stay far below
 * Block Kit's 2,000-character value limit.
 *
 * @param forWhom  who the triage is for ("Acme"), may be empty
 * @param startedBy the user who started it
 * @param rootTs   the ts of the thread's root message, updated with the outcome
 * @param answers  answers so far, by input key
 * @param version  bumped by every Change, so a double click on one version is told apart from a re-answer
 */
record TriageState(String forWhom, String startedBy, String rootTs, Map<String, String> answers, int version) {

    static final int MAX_NAME = 80;

    TriageState {
        answers = Collections.unmodifiableMap(new LinkedHashMap<>(answers));
        forWhom = forWhom == null ? "" : BlockKit.fit(forWhom.strip(), MAX_NAME);
    }

    TriageState with(String key, String value) {
        Map<String, String> next = new LinkedHashMap<>(answers);
        next.put(key, value);
        return new TriageState(forWhom, startedBy, rootTs, next, version);
    }

    TriageState without(String key) {
        Map<String, String> next = new LinkedHashMap<>(answers);
        next.remove(key);
        return new TriageState(forWhom, startedBy, rootTs, next, version + 1);
    }

    String encode() {
        ObjectNode node = BlockKit.JSON.createObjectNode()
                .put("f", forWhom).put("s", startedBy).put("r", rootTs).put("n", version);
        ObjectNode a = node.putObject("a");
        answers.forEach(a::put);
        return node.toString();
    }

    /** Empty when the value was not written by {@link #encode()} (tampered with, or from an old format). */
    static Optional<TriageState> decode(String value) {
        try {
            JsonNode node = BlockKit.JSON.readTree(value);
            if (node == null || !node.isObject() || !node.path("r").isTextual()) {
                return Optional.empty();
            }
            Map<String, String> answers = new LinkedHashMap<>();
            node.path("a").fields().forEachRemaining(e -> answers.put(e.getKey(), e.getValue().asText()));
            return Optional.of(new TriageState(node.path("f").asText(""), node.path("s").asText(""),
                    node.path("r").asText(), answers, node.path("n").asInt(0)));
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
