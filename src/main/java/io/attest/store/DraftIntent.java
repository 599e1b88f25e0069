package io.attest.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Writes a draft intent, in the shape of {@code intents/*.yml}, from a question and the answer a person gave it. It is
 * a starting point for review, never content by itself: it has one example where validation asks for eight, no
 * {@code about:} and no {@code sources:}, so {@code validate} refuses it until an owner has finished it.
 */
public final class DraftIntent {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR));
    private static final int TITLE_MAX = 75;
    private static final int ID_WORDS = 6;

    private DraftIntent() {
    }

    /** A snake_case id from the question's first words, made unique by {@code number}. */
    public static String idFor(String question, long number) {
        String words = Arrays.stream(question.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 ]", " ").trim().split("\\s+"))
                .filter(w -> !w.isEmpty()).limit(ID_WORDS).collect(Collectors.joining("_"));
        return "draft_" + (words.isEmpty() ? "question" : words) + "_" + number;
    }

    /**
     * @param topic the topic of the closest existing intent, as a first guess
     * @param by    the owner who made it, and {@code repliedBy} who answered, as Slack user ids
     */
    public static String yaml(String id, String question, String answer, String topic, String by, String repliedBy,
                              LocalDate on) {
        ObjectNode root = YAML.createObjectNode();
        ObjectNode intent = root.putArray("intents").addObject();
        intent.put("id", id);
        String title = question.strip().replaceAll("\\s+", " ");
        intent.put("title", title.length() <= TITLE_MAX ? title : title.substring(0, TITLE_MAX - 1) + "…");
        intent.put("topic", topic);
        intent.putArray("examples").add(title.toLowerCase(Locale.ROOT));
        intent.put("answer", answer.strip() + "\n");
        intent.putArray("about");
        intent.putArray("sources");
        String body;
        try {
            body = YAML.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        return "# Draft made by " + by + " on " + on + " from the compliance team's answer (" + repliedBy + ").\n"
                + "# Before adding it to intents/: write at least eight ways people ask it under examples, check the\n"
                + "# answer against your sources and name them under sources, list the subjects it is about (about: [])\n"
                + "# and choose its topic; then run `java -jar target/attest.jar validate`.\n"
                + body;
    }

    static LocalDate today(java.time.Instant now) {
        return now.atZone(ZoneOffset.UTC).toLocalDate();
    }
}
