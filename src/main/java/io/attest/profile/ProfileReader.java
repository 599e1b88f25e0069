package io.attest.profile;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.attest.triage.Soc2Category;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and checks {@code company.yml}. Collects every problem, each with the file and the field, instead of stopping
 * at the first, so the compliance team sees the whole list at once. Checks are about the file alone (dates parse,
 * periods are sane, categories are real, URLs are https) plus one about today: a report whose period has not ended
 * cannot have been issued yet.
 */
public final class ProfileReader {

    /** What reading a folder found: the profile when there is a valid one, and every problem. */
    public record Result(Optional<CompanyProfile> profile, List<ProfileProblem> problems) {
        public Result {
            problems = List.copyOf(problems);
        }
    }

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final Set<String> TOP_FIELDS = Set.of("contact", "reports", "next_audits");
    private static final Set<String> CONTACT_FIELDS = Set.of("name", "slack");
    private static final Set<String> REPORT_FIELDS = Set.of("kind", "type", "categories", "period_start", "period_end",
            "as_of", "cpa_firm", "opinion", "exceptions_noted", "access", "bridge_letter");
    private static final Set<String> ACCESS_FIELDS = Set.of("url", "nda", "approver");
    private static final Set<String> BRIDGE_FIELDS = Set.of("available", "through");
    private static final Set<String> AUDIT_FIELDS = Set.of("kind", "type", "expected");
    private static final Pattern SLACK_USER = Pattern.compile("[UW][A-Z0-9]{2,}");
    private static final Pattern SLACK_GROUP = Pattern.compile("S[A-Z0-9]{2,}");
    /** A Type 2 tests controls over a period; shorter than this it is not a period anyone can rely on. */
    static final int MIN_TYPE2_MONTHS = 1;

    private final String file;
    private final LocalDate today;
    private final List<ProfileProblem> problems = new ArrayList<>();

    private ProfileReader(String file, LocalDate today) {
        this.file = file;
        this.today = today;
    }

    /** The profile in {@code dir} ({@value CompanyProfile#FILE}); none, and no problems, when the file is absent. */
    public static Result load(Path dir, LocalDate today) throws IOException {
        Path path = dir.resolve(CompanyProfile.FILE);
        if (!Files.exists(path)) {
            return new Result(Optional.empty(), List.of());
        }
        return read(path, today);
    }

    /** Reads one profile file, e.g. the shipped example; problems name it by its file name. */
    public static Result read(Path path, LocalDate today) throws IOException {
        return new ProfileReader(path.getFileName().toString(), today).parse(Files.readString(path));
    }

    private Result parse(String text) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (IOException e) {
            problem(null, "is not valid YAML: " + firstLine(e.getMessage()));
            return done(null);
        }
        JsonNode company = root == null ? null : root.get("company");
        if (company == null || !company.isObject()) {
            problem(null, "must be a mapping with one top-level key 'company'");
            return done(null);
        }
        root.fieldNames().forEachRemaining(key -> {
            if (!key.equals("company")) {
                problem(null, "unknown top-level key '" + key + "'; the profile lives under 'company'");
            }
        });
        unknownFields(company, null, TOP_FIELDS);
        Contact contact = contact(company.get("contact"));
        List<HeldReport> reports = new ArrayList<>();
        int index = 0;
        for (JsonNode item : list(company, "reports")) {
            report(item, "reports[" + ++index + "]").ifPresent(reports::add);
        }
        List<PlannedAudit> audits = new ArrayList<>();
        index = 0;
        for (JsonNode item : list(company, "next_audits")) {
            audit(item, "next_audits[" + ++index + "]").ifPresent(audits::add);
        }
        return done(problems.isEmpty() ? new CompanyProfile(reports, audits, contact) : null);
    }

    private Result done(CompanyProfile profile) {
        return new Result(Optional.ofNullable(profile), problems);
    }

    private Contact contact(JsonNode node) {
        String where = "contact";
        if (node == null || node.isNull()) {
            problem(where, "is missing: name who answers questions about our reports (a Slack user or user group)");
            return null;
        }
        if (!node.isObject()) {
            problem(where, "must be a mapping with 'name' and 'slack'");
            return null;
        }
        unknownFields(node, where, CONTACT_FIELDS);
        String name = requiredText(node, where, "name");
        String slack = requiredText(node, where, "slack");
        if (slack != null && !SLACK_USER.matcher(slack).matches() && !SLACK_GROUP.matcher(slack).matches()) {
            problem(where + ".slack", "'" + slack + "' is not a Slack user id (U…, W…) or user group id (S…)");
            slack = null;
        }
        return name == null || slack == null ? null : new Contact(name, slack);
    }

    private Optional<HeldReport> report(JsonNode node, String where) {
        if (!node.isObject()) {
            problem(where, "must be a mapping");
            return Optional.empty();
        }
        int before = problems.size();
        unknownFields(node, where, REPORT_FIELDS);
        SocKind kind = kind(node, where);
        SocType type = type(node, where, kind);
        List<Soc2Category> categories = categories(node, where, kind);
        LocalDate start;
        LocalDate end;
        if (type == SocType.TYPE1) {
            for (String field : List.of("period_start", "period_end")) {
                if (node.has(field)) {
                    problem(where + "." + field, "a Type 1 is as of one date: give 'as_of', not a period");
                }
            }
            start = date(node, where, "as_of", true);
            end = start;
        } else {
            if (node.has("as_of")) {
                problem(where + ".as_of", "only a Type 1 is as of one date; give 'period_start' and 'period_end'");
            }
            start = date(node, where, "period_start", true);
            end = date(node, where, "period_end", true);
            if (start != null && end != null) {
                if (!start.isBefore(end)) {
                    problem(where + ".period_end", end + " is not after period_start " + start);
                } else if (start.plusMonths(MIN_TYPE2_MONTHS).isAfter(end.plusDays(1))) {
                    problem(where + ".period_end", "the period " + start + " to " + end
                            + " is shorter than a month; a Type 2 tests controls over a period of at least a month");
                }
            }
        }
        if (end != null && end.isAfter(today)) {
            problem(where + "." + (type == SocType.TYPE1 ? "as_of" : "period_end"), end
                    + " has not come yet: a report is issued only after its period ends; list it under next_audits until then");
        }
        String firm = requiredText(node, where, "cpa_firm");
        Opinion opinion = null;
        String opinionText = requiredText(node, where, "opinion");
        if (opinionText != null) {
            opinion = Opinion.parse(opinionText).orElse(null);
            if (opinion == null) {
                problem(where + ".opinion", "'" + opinionText + "' is not an opinion; use unmodified, qualified, adverse or disclaimer");
            }
        }
        Boolean exceptions = null;
        boolean testsOperation = type == SocType.TYPE2;
        boolean typeKnown = type != null || kind == SocKind.SOC3;
        if (node.has("exceptions_noted")) {
            if (!testsOperation && typeKnown) {
                problem(where + ".exceptions_noted", "only a Type 2 tests how controls operated, so only a Type 2 notes exceptions");
            } else {
                exceptions = bool(node, where, "exceptions_noted");
            }
        } else if (testsOperation) {
            problem(where + ".exceptions_noted", "is missing: say whether the report notes exceptions (yes or no)");
        }
        Access access = access(node.get("access"), where + ".access");
        LocalDate bridge = bridgeLetter(node.get("bridge_letter"), where + ".bridge_letter", end);
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new HeldReport(kind, type, categories, start, end, firm, opinion, exceptions, access, bridge));
    }

    private Optional<PlannedAudit> audit(JsonNode node, String where) {
        if (!node.isObject()) {
            problem(where, "must be a mapping");
            return Optional.empty();
        }
        int before = problems.size();
        unknownFields(node, where, AUDIT_FIELDS);
        SocKind kind = kind(node, where);
        SocType type = type(node, where, kind);
        LocalDate expected = date(node, where, "expected", true);
        return problems.size() > before ? Optional.empty() : Optional.of(new PlannedAudit(kind, type, expected));
    }

    private SocKind kind(JsonNode node, String where) {
        String text = requiredText(node, where, "kind");
        if (text == null) {
            return null;
        }
        Optional<SocKind> kind = SocKind.parse(text);
        if (kind.isEmpty()) {
            problem(where + ".kind", "'" + text + "' is not a report kind; use SOC 1, SOC 2 or SOC 3");
        }
        return kind.orElse(null);
    }

    /** A SOC 3 has no type; a SOC 1 and a SOC 2 are a Type 1 or a Type 2. */
    private SocType type(JsonNode node, String where, SocKind kind) {
        if (kind == SocKind.SOC3) {
            if (node.has("type")) {
                problem(where + ".type", "a SOC 3 has no type; leave 'type' out");
            }
            return null;
        }
        String text = requiredText(node, where, "type");
        if (text == null) {
            return null;
        }
        Optional<SocType> type = SocType.parse(text);
        if (type.isEmpty()) {
            problem(where + ".type", "'" + text + "' is not a report type; use Type 1 or Type 2");
        }
        return type.orElse(null);
    }

    /** SOC 2 and SOC 3 scope Trust Services categories, Security always among them; a SOC 1 has control objectives. */
    private List<Soc2Category> categories(JsonNode node, String where, SocKind kind) {
        JsonNode list = node.get("categories");
        String field = where + ".categories";
        if (kind == SocKind.SOC1) {
            if (list != null) {
                problem(field, "a SOC 1 is built on control objectives, not Trust Services categories; leave 'categories' out");
            }
            return List.of();
        }
        if (list == null || list.isNull()) {
            if (kind != null) {
                problem(field, "is missing: list the Trust Services categories in scope, security first");
            }
            return List.of();
        }
        if (!list.isArray()) {
            problem(field, "must be a list, e.g. [security, availability]");
            return List.of();
        }
        EnumSet<Soc2Category> found = EnumSet.noneOf(Soc2Category.class);
        for (JsonNode item : list) {
            String text = item.asText("").trim().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
            Optional<Soc2Category> category = category(text);
            if (category.isEmpty()) {
                problem(field, "'" + item.asText() + "' is not a Trust Services category; use security, availability, "
                        + "processing_integrity, confidentiality or privacy");
            } else if (!found.add(category.get())) {
                problem(field, "lists '" + text + "' twice");
            }
        }
        if (!found.isEmpty() && !found.contains(Soc2Category.SECURITY)) {
            problem(field, "has no 'security': Security (the common criteria) is part of every SOC 2 and SOC 3");
        }
        return List.copyOf(found);
    }

    private static Optional<Soc2Category> category(String wire) {
        for (Soc2Category c : Soc2Category.values()) {
            if (c.wire().equals(wire)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    private Access access(JsonNode node, String where) {
        if (node == null || node.isNull()) {
            problem(where, "is missing: give the trust-portal or request 'url' and whether an 'nda' is needed");
            return null;
        }
        if (!node.isObject()) {
            problem(where, "must be a mapping with 'url', 'nda' and optionally 'approver'");
            return null;
        }
        unknownFields(node, where, ACCESS_FIELDS);
        String url = requiredText(node, where, "url");
        if (url != null && !https(url)) {
            problem(where + ".url", "'" + url + "' is not an https URL");
        }
        Boolean nda = node.has("nda") ? bool(node, where, "nda") : null;
        if (!node.has("nda")) {
            problem(where + ".nda", "is missing: say whether an NDA is needed first (yes or no)");
        }
        String approver = optionalText(node, where, "approver");
        return url == null || nda == null ? null : new Access(url, nda, approver);
    }

    private LocalDate bridgeLetter(JsonNode node, String where, LocalDate periodEnd) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            problem(where, "must be a mapping with 'available' and 'through'");
            return null;
        }
        unknownFields(node, where, BRIDGE_FIELDS);
        Boolean available = node.has("available") ? bool(node, where, "available") : null;
        if (!node.has("available")) {
            problem(where + ".available", "is missing: say whether a bridge letter is available (yes or no)");
        }
        if (!Boolean.TRUE.equals(available)) {
            if (node.has("through") && Boolean.FALSE.equals(available)) {
                problem(where + ".through", "is given, but 'available' is no");
            }
            return null;
        }
        LocalDate through = date(node, where, "through", true);
        if (through != null && periodEnd != null && !through.isAfter(periodEnd)) {
            problem(where + ".through", through + " is not after the period end " + periodEnd
                    + "; a bridge letter covers the time after the period");
        }
        return through;
    }

    private List<JsonNode> list(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            problem(field, "must be a list");
            return List.of();
        }
        List<JsonNode> items = new ArrayList<>();
        node.forEach(items::add);
        return items;
    }

    private LocalDate date(JsonNode node, String where, String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                problem(where + "." + field, "is missing: write the date as YYYY-MM-DD");
            }
            return null;
        }
        try {
            return LocalDate.parse(value.asText().trim());
        } catch (DateTimeParseException e) {
            problem(where + "." + field, "'" + value.asText() + "' is not a date; write it as YYYY-MM-DD");
            return null;
        }
    }

    /** YAML 1.1 reads an unquoted yes/no as true/false; either spelling means what the author meant. */
    private Boolean bool(JsonNode node, String where, String field) {
        JsonNode value = node.get(field);
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        switch (value.asText("").trim().toLowerCase(Locale.ROOT)) {
            case "yes", "true" -> {
                return true;
            }
            case "no", "false" -> {
                return false;
            }
            default -> {
                problem(where + "." + field, "'" + value.asText() + "' is not yes or no");
                return null;
            }
        }
    }

    private String requiredText(JsonNode node, String where, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || !value.isValueNode() || value.asText().isBlank()) {
            problem(where + "." + field, value != null && value.isContainerNode() ? "must be text" : "is missing");
            return null;
        }
        return value.asText().trim();
    }

    private String optionalText(JsonNode node, String where, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isValueNode() || value.asText().isBlank()) {
            problem(where + "." + field, "must be text, or left out");
            return null;
        }
        return value.asText().trim();
    }

    private static boolean https(String url) {
        try {
            URI uri = new URI(url);
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private void unknownFields(JsonNode node, String where, Set<String> allowed) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                problem(where == null ? name : where + "." + name, "unknown field; allowed: " + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }

    private void problem(String field, String message) {
        problems.add(new ProfileProblem(file, field, message));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
