package io.attest.knowledge;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How Attest reads questions and its fixed replies, from {@code intents/language.yml}.
 *
 * @param synonyms        Solr-format synonym rules ("soc ii, soc-2 => soc2"), applied after lower-casing
 * @param stopWords       words that carry no meaning for matching
 * @param steeringMarkers regular expressions that mark text aimed at the bot rather than a question
 * @param offTaskMarkers  regular expressions that mark a request Attest does not do (write, translate, joke…)
 * @param responses       fixed replies by name: help, fallback, did_you_mean, empty, steering, off_task
 * @param topics          display titles of the topics intents are grouped by
 * @param subjects        what a question can name explicitly, by group (report, type, …): subject id → pattern
 * @param sources         every source an intent may cite: the source documents by title and named public standards
 * @param ourReports      the wording of answers from our report profile ({@code our_reports:}), keys flattened with
 *                        dots ({@code facts.hold_nda}); see {@link io.attest.profile.ProfileWording}
 */
public record Language(
        List<String> synonyms,
        List<String> stopWords,
        List<String> steeringMarkers,
        List<String> offTaskMarkers,
        Map<String, String> responses,
        Map<String, String> topics,
        Map<String, Map<String, String>> subjects,
        List<String> sources,
        Map<String, String> ourReports) {

    static final List<String> REQUIRED_RESPONSES = List.of("help", "fallback", "did_you_mean", "empty", "steering", "off_task");

    public Language {
        synonyms = List.copyOf(synonyms);
        stopWords = List.copyOf(stopWords);
        steeringMarkers = List.copyOf(steeringMarkers);
        offTaskMarkers = List.copyOf(offTaskMarkers);
        responses = Map.copyOf(responses);
        topics = Collections.unmodifiableMap(new LinkedHashMap<>(topics));
        Map<String, Map<String, String>> groups = new LinkedHashMap<>();
        subjects.forEach((group, patterns) -> groups.put(group, Collections.unmodifiableMap(new LinkedHashMap<>(patterns))));
        subjects = Collections.unmodifiableMap(groups);
        sources = List.copyOf(sources);
        ourReports = Map.copyOf(ourReports);
    }

    /** Without wording for our report profile. */
    public Language(List<String> synonyms, List<String> stopWords, List<String> steeringMarkers,
                    List<String> offTaskMarkers, Map<String, String> responses, Map<String, String> topics,
                    Map<String, Map<String, String>> subjects, List<String> sources) {
        this(synonyms, stopWords, steeringMarkers, offTaskMarkers, responses, topics, subjects, sources, Map.of());
    }

    public String topicTitle(String topic) {
        return topics.getOrDefault(topic, topic);
    }

    public String response(String name) {
        return responses.getOrDefault(name, "");
    }

    /** Every subject id, whatever its group. */
    public Set<String> subjectIds() {
        Set<String> ids = new LinkedHashSet<>();
        subjects.values().forEach(p -> ids.addAll(p.keySet()));
        return ids;
    }
}
