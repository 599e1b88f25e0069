package io.attest.triage;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.attest.content.PasteSafety;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * All triage wording, read from {@code triage.yml}: the guided-thread questions, the rationale lines, the
 * next steps, the "what to tell the buyer" templates and the labels and headings renderers show.
 *
 * <p>The file has one top-level key {@code triage:} with the sections {@code questions}, {@code labels},
 * {@code rationale}, {@code next_steps} and {@code buyer_summary}. Loading checks that every text the
 * engine needs is present, that no unknown text keys or placeholders are used in those sections, and that
 * every question exists and its options are legal values of its input. The {@code buyer_summary} texts are pasted
 * to buyers as they are, so they are held to {@link PasteSafety}: no bot name, no {@code /soc} command, no talk of
 * sources, nothing addressed to the vendor. Other sections are ignored.
 */
public final class TriageContent {
    /** The file {@link #load(Path)} reads inside the intents folder. */
    public static final String FILE_NAME = "triage.yml";

    /** Headings renderers use around a recommendation. */
    public enum Heading {
        RECOMMENDATION, SOC2_CATEGORIES, RATIONALE, NEXT_STEPS, BUYER_SUMMARY
    }

    /** Slack's limit for button text. */
    static final int MAX_LABEL_LENGTH = 75;

    private static final List<String> TEXT_SECTIONS = List.of("labels", "rationale", "next_steps", "buyer_summary");
    private static final Set<String> QUESTION_FIELDS = Set.of("key", "text", "help", "options");
    /** Texts under this prefix go to buyers as they are. */
    private static final String BUYER_SUMMARY = "buyer_summary.";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)\\}");
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final List<TriageQuestion> questions;
    private final Map<String, TriageQuestion> questionsByKey;
    private final Map<String, String> texts;

    private TriageContent(List<TriageQuestion> questions, Map<String, String> texts) {
        this.questions = List.copyOf(questions);
        Map<String, TriageQuestion> byKey = new LinkedHashMap<>();
        questions.forEach(q -> byKey.put(q.key(), q));
        this.questionsByKey = Collections.unmodifiableMap(byKey);
        this.texts = Map.copyOf(texts);
    }

    /**
     * Reads and checks {@code triage.yml} in {@code intentsDir}.
     *
     * @throws TriageContentException listing every problem, each naming the file and the key
     */
    public static TriageContent load(Path intentsDir) {
        return load(intentsDir, intentsDir.resolve(FILE_NAME).toString());
    }

    /**
     * Every problem in {@code triage.yml} of {@code intentsDir}, or an empty list when it loads; for a
     * {@code validate} command. Each problem reads {@code triage.yml: key: message}, relative to the folder.
     */
    public static List<String> problems(Path intentsDir) {
        try {
            load(intentsDir, FILE_NAME);
            return List.of();
        } catch (TriageContentException e) {
            return e.problems();
        }
    }

    private static TriageContent load(Path intentsDir, String source) {
        try (InputStream in = Files.newInputStream(intentsDir.resolve(FILE_NAME))) {
            return read(in, source);
        } catch (NoSuchFileException e) {
            throw new TriageContentException(List.of(source + ": file not found"));
        } catch (IOException e) {
            throw new TriageContentException(List.of(source + ": cannot read: " + e.getMessage()));
        }
    }

    /**
     * Reads and checks triage content from a stream, e.g. the copy of {@code intents/triage.yml} on the
     * class path; {@code source} names it in problem messages.
     *
     * @throws TriageContentException listing every problem, each naming {@code source} and the key
     */
    public static TriageContent read(InputStream in, String source) {
        JsonNode root;
        try {
            root = YAML.readTree(in);
        } catch (IOException e) {
            throw new TriageContentException(List.of(source + ": not valid YAML: " + e.getMessage()));
        }
        JsonNode triage = root == null ? null : root.get("triage");
        if (triage == null || !triage.isObject()) {
            throw new TriageContentException(List.of(source + ": triage: missing top-level key"));
        }
        List<String> problems = new ArrayList<>();
        Map<String, String> texts = readTexts(triage, source, problems);
        List<TriageQuestion> questions = readQuestions(triage.get("questions"), source, problems);
        if (!problems.isEmpty()) {
            throw new TriageContentException(problems);
        }
        return new TriageContent(questions, texts);
    }

    /** The guided-thread questions in the order they are asked. */
    public List<TriageQuestion> questions() {
        return questions;
    }

    /**
     * The question for an input key such as {@code customer_data}.
     *
     * @throws IllegalArgumentException for a key that is not a triage input
     */
    public TriageQuestion question(String key) {
        TriageQuestion q = questionsByKey.get(key);
        if (q == null) {
            throw new IllegalArgumentException("no triage question '" + key + "'; known: " + InputKey.allKeysList());
        }
        return q;
    }

    public String heading(Heading heading) {
        return text(ContentKeys.heading(heading));
    }

    /** E.g. "SOC 1 and SOC 2" for {@link ReportSet#BOTH}. */
    public String reportsLabel(ReportSet reports) {
        return text(ContentKeys.reportsLabel(reports));
    }

    public String typeLabel(ReportType type) {
        return text(ContentKeys.typeLabel(type));
    }

    public String categoryLabel(Soc2Category category) {
        return text(ContentKeys.categoryLabel(category));
    }

    /** Category labels as one phrase, e.g. "Security, Availability and Privacy". */
    public String categoryList(List<Soc2Category> categories) {
        List<String> labels = categories.stream().map(this::categoryLabel).toList();
        if (labels.size() <= 1) {
            return String.join("", labels);
        }
        return String.join(", ", labels.subList(0, labels.size() - 1))
                + " " + text(ContentKeys.LIST_AND) + " " + labels.get(labels.size() - 1);
    }

    /** The text at a dotted key below {@code triage:}, e.g. {@code next_steps.readiness}. */
    String text(String key) {
        String text = texts.get(key);
        if (text == null) {
            throw new IllegalStateException("triage content has no text '" + key + "'");
        }
        return text;
    }

    /** The text at {@code key} with each {@code {name}} replaced by {@code values.get(name)}. */
    String format(String key, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text(key));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException("no value for {" + m.group(1) + "} in '" + key + "'");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Map<String, String> readTexts(JsonNode triage, String source, List<String> problems) {
        Map<String, String> texts = new LinkedHashMap<>();
        Set<String> missingSections = new HashSet<>();
        Set<String> notText = new HashSet<>();
        for (String section : TEXT_SECTIONS) {
            JsonNode node = triage.get(section);
            if (node == null || !node.isObject()) {
                problems.add(source + ": triage." + section + ": missing section");
                missingSections.add(section);
            } else {
                flatten(section, node, texts, notText, source, problems);
            }
        }
        for (Map.Entry<String, Set<String>> required : ContentKeys.REQUIRED.entrySet()) {
            String key = required.getKey();
            String text = texts.get(key);
            if (text == null || text.isBlank()) {
                if (!missingSections.contains(key.substring(0, key.indexOf('.'))) && !notText.contains(key)) {
                    problems.add(source + ": triage." + key + ": missing text");
                }
                continue;
            }
            Matcher m = PLACEHOLDER.matcher(text);
            while (m.find()) {
                if (!required.getValue().contains(m.group(1))) {
                    problems.add(source + ": triage." + key + ": unknown placeholder {" + m.group(1) + "}"
                            + (required.getValue().isEmpty() ? "; this text takes none"
                            : "; allowed: " + String.join(", ", required.getValue().stream().sorted().toList())));
                }
            }
        }
        for (Map.Entry<String, String> text : texts.entrySet()) {
            String key = text.getKey();
            if (!ContentKeys.REQUIRED.containsKey(key)) {
                problems.add(source + ": triage." + key + ": unknown key, the triage engine does not use it");
            } else if (key.startsWith(BUYER_SUMMARY)) {
                for (String broken : PasteSafety.problems(text.getValue())) {
                    problems.add(source + ": triage." + key + ": " + broken + "; it is pasted to buyers as it is");
                }
            }
        }
        return texts;
    }

    private static void flatten(String path, JsonNode node, Map<String, String> texts, Set<String> notText,
            String source, List<String> problems) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                flatten(path + "." + e.getKey(), e.getValue(), texts, notText, source, problems);
            }
        } else if (node.isTextual()) {
            texts.put(path, node.asText().strip());
        } else if (node.isNull()) {
            texts.put(path, "");
        } else {
            notText.add(path);
            problems.add(source + ": triage." + path + ": must be text"
                    + (node.isBoolean() ? " (put yes, no, true or false in quotes)" : ""));
        }
    }

    private static List<TriageQuestion> readQuestions(JsonNode list, String source, List<String> problems) {
        Map<InputKey, TriageQuestion> found = new EnumMap<>(InputKey.class);
        if (list == null || !list.isArray()) {
            problems.add(source + ": triage.questions: missing list");
            return List.of();
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            String keyText = item.path("key").asText("");
            InputKey key = InputKey.fromWire(keyText).orElse(null);
            if (key == null) {
                problems.add(source + ": triage.questions[" + i + "].key: unknown input '" + keyText
                        + "'; allowed: " + InputKey.allKeysList());
                continue;
            }
            String where = source + ": triage.questions[" + key.wire + "]";
            if (found.containsKey(key)) {
                problems.add(where + ": asked twice");
                continue;
            }
            item.fieldNames().forEachRemaining(f -> {
                if (!QUESTION_FIELDS.contains(f)) {
                    problems.add(where + "." + f + ": unknown field; allowed: key, text, help, options");
                }
            });
            String text = requiredText(item, "text", where, problems);
            String help = requiredText(item, "help", where, problems);
            List<TriageQuestion.Option> options = readOptions(item.get("options"), key, where, problems);
            found.put(key, new TriageQuestion(key.wire, text, help, options));
        }
        for (InputKey key : InputKey.values()) {
            if (!found.containsKey(key)) {
                problems.add(source + ": triage.questions: no question for '" + key.wire + "'");
            }
        }
        return new ArrayList<>(found.values());
    }

    private static List<TriageQuestion.Option> readOptions(JsonNode list, InputKey key, String where,
            List<String> problems) {
        List<TriageQuestion.Option> options = new ArrayList<>();
        if (list == null || !list.isArray() || list.isEmpty()) {
            problems.add(where + ".options: missing; give at least one of " + key.allowedList());
            return options;
        }
        Set<String> seen = new HashSet<>();
        for (JsonNode option : list) {
            JsonNode valueNode = option.path("value");
            // YAML 1.1 reads an unquoted yes/no as a boolean; take it as the author meant it.
            String value = valueNode.isBoolean() ? (valueNode.asBoolean() ? "yes" : "no") : valueNode.asText("");
            if (!key.allows(value)) {
                problems.add(where + ".options: '" + value + "' is not a legal value of " + key.wire
                        + "; allowed: " + key.allowedList());
                continue;
            }
            if (!seen.add(value)) {
                problems.add(where + ".options: value '" + value + "' appears twice");
            }
            JsonNode labelNode = option.path("label");
            String label = labelNode.isTextual() ? labelNode.asText().strip() : "";
            if (label.isEmpty()) {
                problems.add(where + ".options[" + value + "].label: missing"
                        + (labelNode.isBoolean() ? " (put Yes/No labels in quotes)" : ""));
            } else if (label.length() > MAX_LABEL_LENGTH) {
                problems.add(where + ".options[" + value + "].label: longer than " + MAX_LABEL_LENGTH
                        + " characters, too long for a button");
            }
            options.add(new TriageQuestion.Option(value, label));
        }
        return options;
    }

    private static String requiredText(JsonNode item, String field, String where, List<String> problems) {
        JsonNode node = item.get(field);
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            problems.add(where + "." + field + ": missing text");
            return "";
        }
        return node.asText().strip();
    }
}
