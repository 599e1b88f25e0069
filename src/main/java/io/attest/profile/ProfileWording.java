package io.attest.profile;

import io.attest.content.PasteSafety;
import io.attest.triage.Soc2Category;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The wording of everything said from our report profile, read from {@code language.yml}'s {@code our_reports}
 * section (keys flattened with dots: {@code facts.hold_nda}). Loading checks it against {@link #KEYS}: every text
 * present, no unknown keys or placeholders, and the texts that reach buyers safe to paste.
 */
public final class ProfileWording {

    /** Dates as a buyer reads them anywhere: "30 September 2026". */
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)\\}");

    /** The pattern that marks a question about our own reports; the only key that is not wording. */
    public static final String ASKS_ABOUT_US = "asks_about_us";

    /** Every key the answers and the triage card use, with the placeholders each may hold, in file order. */
    public static final Map<String, Set<String>> KEYS = keys();

    /** Texts that can reach a buyer (answers, the "For us" line, the buyer paragraph): held to paste-safety. */
    private static final List<String> SHAREABLE = List.of("labels.", "phrases.", "facts.", "triage.offer_", "triage.buyer_");

    private final Map<String, String> texts;

    public ProfileWording(Map<String, String> texts) {
        this.texts = Map.copyOf(texts);
    }

    private static Map<String, Set<String>> keys() {
        Map<String, Set<String>> k = new LinkedHashMap<>();
        k.put(ASKS_ABOUT_US, Set.of());
        for (SocKind kind : SocKind.values()) {
            k.put("labels." + kind.wire(), Set.of());
        }
        for (SocType type : SocType.values()) {
            k.put("labels." + type.wire(), Set.of());
        }
        for (Soc2Category c : Soc2Category.values()) {
            k.put("labels." + c.wire(), Set.of());
        }
        k.put("labels.and", Set.of());
        for (Opinion o : Opinion.values()) {
            k.put("labels.opinion_" + o.wire(), Set.of());
        }
        k.put("phrases.report", Set.of("name", "when", "firm"));
        k.put("phrases.report_scoped", Set.of("name", "categories", "when", "firm"));
        k.put("phrases.period", Set.of("start", "end"));
        k.put("phrases.as_of", Set.of("date"));
        k.put("phrases.ago_months", Set.of("months"));
        k.put("phrases.ago_one_month", Set.of());
        k.put("phrases.ago_recent", Set.of());
        k.put("facts.for_us", Set.of("facts"));
        k.put("facts.hold_nda", Set.of("report", "url"));
        k.put("facts.hold_open", Set.of("report", "url"));
        k.put("facts.not_held", Set.of("name"));
        k.put("facts.none_held", Set.of());
        k.put("facts.planned", Set.of("name", "date"));
        k.put("facts.none_planned", Set.of());
        k.put("facts.bridge_since", Set.of("name", "through"));
        k.put("facts.send_nda", Set.of("name", "url"));
        k.put("facts.send_open", Set.of("name", "url"));
        k.put("facts.covers_period", Set.of("name", "start", "end"));
        k.put("facts.covers_date", Set.of("name", "date"));
        k.put("facts.ended_period", Set.of("name", "end", "ago"));
        k.put("facts.ended_date", Set.of("name", "end", "ago"));
        k.put("facts.bridge_yes", Set.of("name", "end", "through"));
        k.put("facts.bridge_no", Set.of("name"));
        k.put("facts.opinion", Set.of("name", "opinion"));
        k.put("facts.opinion_exceptions", Set.of("name", "opinion"));
        k.put("facts.opinion_no_exceptions", Set.of("name", "opinion"));
        k.put("facts.contact", Set.of("contact"));
        k.put("for_reps.due", Set.of("name", "months", "contact"));
        k.put("for_reps.no_bridge", Set.of("name", "months", "contact"));
        k.put("for_reps.bridge_lapsed", Set.of("name", "through", "contact"));
        k.put("for_reps.approver", Set.of("name", "approver"));
        k.put("for_reps.exceptions", Set.of("name", "contact"));
        k.put("for_reps.opinion", Set.of("name", "opinion", "contact"));
        k.put("for_reps.plan_overdue", Set.of("name", "date", "contact"));
        k.put("missing", Set.of());
        k.put("triage.heading", Set.of());
        k.put("triage.met", Set.of("kind", "report"));
        k.put("triage.partly_met", Set.of("kind", "report", "gaps"));
        k.put("triage.not_held", Set.of("kind"));
        k.put("triage.gap_categories", Set.of("categories"));
        k.put("triage.gap_type2", Set.of());
        k.put("triage.gap_out_of_date", Set.of("months"));
        k.put("triage.offer_nda", Set.of("report"));
        k.put("triage.offer_open", Set.of("report"));
        k.put("triage.buyer_met", Set.of("offers"));
        return Collections.unmodifiableMap(k);
    }

    /** Every problem with {@code texts}, each as "key: what is wrong"; empty when they are complete and safe. */
    public static List<String> problems(Map<String, String> texts) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Set<String>> key : KEYS.entrySet()) {
            String text = texts.get(key.getKey());
            if (text == null || text.isBlank()) {
                problems.add(key.getKey() + ": is missing");
                continue;
            }
            if (key.getKey().equals(ASKS_ABOUT_US)) {
                try {
                    Pattern.compile(text);
                } catch (java.util.regex.PatternSyntaxException e) {
                    problems.add(key.getKey() + ": '" + text + "' is not a valid pattern");
                }
                continue;
            }
            Matcher m = PLACEHOLDER.matcher(text);
            while (m.find()) {
                if (!key.getValue().contains(m.group(1))) {
                    problems.add(key.getKey() + ": unknown placeholder {" + m.group(1) + "}"
                            + (key.getValue().isEmpty() ? "; this text takes none"
                            : "; allowed: " + String.join(", ", key.getValue().stream().sorted().toList())));
                }
            }
            if (SHAREABLE.stream().anyMatch(key.getKey()::startsWith)) {
                for (String broken : PasteSafety.problems(text)) {
                    problems.add(key.getKey() + ": " + broken + "; it reaches buyers as it is");
                }
            }
        }
        for (String key : texts.keySet()) {
            if (!KEYS.containsKey(key)) {
                problems.add(key + ": unknown key, nothing uses it");
            }
        }
        return problems;
    }

    /** The text at {@code key} with each {@code {name}} filled: pass names and values alternately. */
    public String format(String key, String... namesAndValues) {
        String text = texts.getOrDefault(key, "");
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            values.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), "")));
        }
        m.appendTail(out);
        return out.toString();
    }

    public String text(String key) {
        return texts.getOrDefault(key, "");
    }

    public String date(LocalDate date) {
        return DATE.format(date);
    }

    /** "SOC 2 Type 2", "SOC 3"; "Type 2" when only the type is known. */
    public String name(SocKind kind, SocType type) {
        String kindLabel = kind == null ? "" : text("labels." + kind.wire());
        String typeLabel = type == null ? "" : text("labels." + type.wire());
        return (kindLabel + " " + typeLabel).strip();
    }

    public String name(HeldReport report) {
        return name(report.kind(), report.type());
    }

    public String name(PlannedAudit audit) {
        return name(audit.kind(), audit.type());
    }

    /** "Security, Availability and Confidentiality". */
    public String categories(List<Soc2Category> categories) {
        List<String> labels = categories.stream().map(c -> text("labels." + c.wire())).toList();
        if (labels.size() <= 1) {
            return String.join("", labels);
        }
        return String.join(", ", labels.subList(0, labels.size() - 1)) + " " + text("labels.and") + " "
                + labels.get(labels.size() - 1);
    }

    public String opinion(Opinion opinion) {
        return text("labels.opinion_" + opinion.wire());
    }

    /** "SOC 2 Type 2 report covering Security and Availability for the period …, issued by …". */
    public String report(HeldReport r) {
        String when = r.pointInTime() ? format("phrases.as_of", "date", date(r.end()))
                : format("phrases.period", "start", date(r.start()), "end", date(r.end()));
        return r.categories().isEmpty()
                ? format("phrases.report", "name", name(r), "when", when, "firm", r.cpaFirm())
                : format("phrases.report_scoped", "name", name(r), "categories", categories(r.categories()),
                "when", when, "firm", r.cpaFirm());
    }

    /** "14 months ago", "a month ago", "less than a month ago". */
    public String ago(long months) {
        if (months <= 0) {
            return text("phrases.ago_recent");
        }
        return months == 1 ? text("phrases.ago_one_month") : format("phrases.ago_months", "months", Long.toString(months));
    }
}
