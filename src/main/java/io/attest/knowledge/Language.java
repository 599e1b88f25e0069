package io.attest.knowledge;

import java.util.List;
import java.util.Map;

/**
 * How Attest reads questions and its fixed replies, from {@code intents/language.yml}.
 *
 * @param synonyms        Solr-format synonym rules ("soc ii, soc-2 => soc2"), applied after lower-casing
 * @param stopWords       words that carry no meaning for matching
 * @param steeringMarkers regular expressions that mark text aimed at the bot rather than a question
 * @param responses       fixed replies by name: help, fallback, did_you_mean, empty, steering
 * @param topics          display titles of the topics intents are grouped by
 */
public record Language(
        List<String> synonyms,
        List<String> stopWords,
        List<String> steeringMarkers,
        Map<String, String> responses,
        Map<String, String> topics) {

    static final List<String> REQUIRED_RESPONSES = List.of("help", "fallback", "did_you_mean", "empty", "steering");

    public Language {
        synonyms = List.copyOf(synonyms);
        stopWords = List.copyOf(stopWords);
        steeringMarkers = List.copyOf(steeringMarkers);
        responses = Map.copyOf(responses);
        topics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(topics));
    }

    public String topicTitle(String topic) {
        return topics.getOrDefault(topic, topic);
    }

    public String response(String name) {
        return responses.getOrDefault(name, "");
    }
}
