package io.attest.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.attest.profile.CompanyProfile;
import io.attest.profile.ProfileView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads every {@code *.yml} in the intents folder. Collects every problem it meets, with file and id,
 * instead of stopping at the first, so a content author sees the whole list at once.
 */
final class KnowledgeBaseLoader {

    static final String LANGUAGE_FILE = "language.yml";
    /** Top-level keys owned by other readers of the same folder (the triage wording). */
    private static final Set<String> FOREIGN_KEYS = Set.of("triage");
    private static final Set<String> INTENT_FIELDS = Set.of("id", "title", "topic", "kind", "examples", "answer",
            "rep_note", "related", "about", "sources", "from_profile", "for_us");

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    private final List<Problem> problems = new ArrayList<>();
    private final List<Intent> intents = new ArrayList<>();
    private Language language;

    static Loaded load(Path dir) throws IOException {
        KnowledgeBaseLoader loader = new KnowledgeBaseLoader();
        loader.readFolder(dir);
        return new Loaded(List.copyOf(loader.intents), loader.language, List.copyOf(loader.problems));
    }

    /** Only {@value #LANGUAGE_FILE}, for what needs the wording but no intents (the triage command). */
    static Loaded loadLanguage(Path dir) {
        KnowledgeBaseLoader loader = new KnowledgeBaseLoader();
        Path file = dir.resolve(LANGUAGE_FILE);
        if (Files.isRegularFile(file)) {
            loader.readFile(file);
        }
        if (loader.language == null) {
            loader.problems.add(new Problem(LANGUAGE_FILE, null, "is missing: synonyms, stop words and fixed replies live there"));
        }
        return new Loaded(List.of(), loader.language, List.copyOf(loader.problems));
    }

    record Loaded(List<Intent> intents, Language language, List<Problem> problems) {
    }

    private void readFolder(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            problems.add(new Problem(dir.toString(), null, "is not a folder of intents"));
            return;
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(p -> isContent(p.getFileName().toString())).sorted().toList();
        }
        if (files.isEmpty()) {
            problems.add(new Problem(dir.toString(), null, "holds no .yml files"));
        }
        for (Path file : files) {
            readFile(file);
        }
        if (language == null) {
            problems.add(new Problem(LANGUAGE_FILE, null, "is missing: synonyms, stop words and fixed replies live there"));
        }
    }

    /**
     * The intents and wording files: every {@code .yml} but our report profile ({@code company.yml}, read by
     * {@link io.attest.profile.ProfileReader}) and examples ({@code *.example.yml}), which are never content.
     */
    static boolean isContent(String fileName) {
        return fileName.endsWith(".yml") && !fileName.equals(CompanyProfile.FILE) && !fileName.endsWith(".example.yml");
    }

    private void readFile(Path path) {
        String file = path.getFileName().toString();
        JsonNode root;
        try {
            root = yaml.readTree(Files.readString(path));
        } catch (IOException | RuntimeException e) {
            problems.add(new Problem(file, null, "is not valid YAML: " + firstLine(e.getMessage())));
            return;
        }
        if (root == null || !root.isObject()) {
            problems.add(new Problem(file, null, "must be a mapping with an 'intents' list"));
            return;
        }
        for (Iterator<String> keys = root.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            switch (key) {
                case "intents" -> readIntents(file, root.get(key));
                case "language" -> readLanguage(file, root.get(key));
                default -> {
                    if (!FOREIGN_KEYS.contains(key)) {
                        problems.add(new Problem(file, null, "unknown top-level key '" + key + "'"));
                    }
                }
            }
        }
    }

    private void readIntents(String file, JsonNode list) {
        if (!list.isArray()) {
            problems.add(new Problem(file, null, "'intents' must be a list"));
            return;
        }
        int index = 0;
        for (JsonNode node : list) {
            index++;
            String id = text(node, "id");
            String where = id == null ? "intent #" + index : id;
            if (!node.isObject()) {
                problems.add(new Problem(file, where, "must be a mapping"));
                continue;
            }
            node.fieldNames().forEachRemaining(field -> {
                if (!INTENT_FIELDS.contains(field)) {
                    problems.add(new Problem(file, where, "unknown field '" + field + "'"));
                }
            });
            IntentKind kind;
            try {
                kind = IntentKind.parse(text(node, "kind"));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(file, where, e.getMessage()));
                continue;
            }
            if (kind == IntentKind.ANSWER && !node.has("about")) {
                problems.add(new Problem(file, where, "has no 'about': list the subjects its answer speaks to, or [] when it is general"));
            }
            intents.add(new Intent(
                    id == null ? "" : id.trim(),
                    orEmpty(text(node, "title")).trim(),
                    orEmpty(text(node, "topic")).trim(),
                    kind,
                    strings(file, where, node.get("examples"), "examples"),
                    orEmpty(text(node, "answer")).strip(),
                    blankToNull(text(node, "rep_note")),
                    strings(file, where, node.get("related"), "related"),
                    strings(file, where, node.get("about"), "about"),
                    strings(file, where, node.get("sources"), "sources"),
                    view(file, where, node, "from_profile"),
                    view(file, where, node, "for_us"),
                    file));
        }
    }

    private ProfileView view(String file, String where, JsonNode node, String field) {
        String value = text(node, field);
        if (value == null || value.isBlank()) {
            return null;
        }
        return ProfileView.fromWire(value.trim()).orElseGet(() -> {
            problems.add(new Problem(file, where, field + " '" + value.trim() + "' is not one of: " + ProfileView.allowed()));
            return null;
        });
    }

    private void readLanguage(String file, JsonNode node) {
        if (language != null) {
            problems.add(new Problem(file, null, "a second 'language' section; keep one, in " + LANGUAGE_FILE));
            return;
        }
        Map<String, String> responses = new LinkedHashMap<>();
        JsonNode r = node.get("responses");
        if (r != null && r.isObject()) {
            r.fields().forEachRemaining(e -> responses.put(e.getKey(), e.getValue().asText().strip()));
        }
        Map<String, String> topics = new LinkedHashMap<>();
        JsonNode t = node.get("topics");
        if (t != null && t.isObject()) {
            t.fields().forEachRemaining(e -> topics.put(e.getKey(), e.getValue().asText().strip()));
        }
        Map<String, Map<String, String>> subjects = new LinkedHashMap<>();
        JsonNode s = node.get("subjects");
        if (s != null && s.isObject()) {
            s.fields().forEachRemaining(group -> {
                Map<String, String> patterns = new LinkedHashMap<>();
                if (group.getValue().isObject()) {
                    group.getValue().fields().forEachRemaining(e -> patterns.put(e.getKey(), e.getValue().asText()));
                } else {
                    problems.add(new Problem(file, "subjects", "group '" + group.getKey() + "' must map subject ids to patterns"));
                }
                subjects.put(group.getKey(), patterns);
            });
        }
        language = new Language(
                strings(file, "language", node.get("synonyms"), "synonyms"),
                strings(file, "language", node.get("stop_words"), "stop_words"),
                strings(file, "language", node.get("steering_markers"), "steering_markers"),
                strings(file, "language", node.get("off_task_markers"), "off_task_markers"),
                responses,
                topics,
                subjects,
                strings(file, "language", node.get("sources"), "sources"),
                ourReports(file, node.get("our_reports")));
    }

    /** The our_reports wording, its nested keys flattened with dots ({@code facts.hold_nda}). */
    private Map<String, String> ourReports(String file, JsonNode node) {
        Map<String, String> texts = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return texts;
        }
        if (!node.isObject()) {
            problems.add(new Problem(file, "our_reports", "must be a mapping of texts"));
            return texts;
        }
        flatten(file, "", node, texts);
        return texts;
    }

    private void flatten(String file, String prefix, JsonNode node, Map<String, String> texts) {
        node.fields().forEachRemaining(e -> {
            String key = prefix + e.getKey();
            if (e.getValue().isObject()) {
                flatten(file, key + ".", e.getValue(), texts);
            } else if (e.getValue().isTextual()) {
                texts.put(key, e.getValue().asText().strip());
            } else {
                problems.add(new Problem(file, "our_reports", "'" + key + "' must be text"));
            }
        });
    }

    private List<String> strings(String file, String where, JsonNode node, String field) {
        List<String> values = new ArrayList<>();
        if (node == null || node.isNull()) {
            return values;
        }
        if (!node.isArray()) {
            problems.add(new Problem(file, where, "'" + field + "' must be a list"));
            return values;
        }
        for (JsonNode item : node) {
            if (item.isValueNode() && !item.asText().isBlank()) {
                values.add(item.asText().trim());
            } else {
                problems.add(new Problem(file, where, "'" + field + "' has an empty or nested entry"));
            }
        }
        return values;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
