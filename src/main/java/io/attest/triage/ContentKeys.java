package io.attest.triage;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The text keys the engine reads from {@code triage.yml} (dotted paths below {@code triage:}), and the
 * placeholders each one may use. Loading checks the file against this list.
 */
final class ContentKeys {
    static final String CONFLICT_FINANCIAL = "rationale.conflicts.financial_impact_no_but_auditor_asks";
    static final String CONFLICT_DATA = "rationale.conflicts.customer_data_no_but_security_asks";
    static final String REPORTS_BOTH = "rationale.reports.both";
    static final String REPORTS_UNDETERMINED = "rationale.reports.undetermined";
    static final String CATEGORIES_SECURITY_ONLY = "rationale.soc2_categories.security_only";
    static final String CATEGORIES_WITH_FLAGS = "rationale.soc2_categories.with_flags";
    static final String CATEGORIES_IGNORED = "rationale.soc2_categories.flags_ignored";

    static final String STEP_ASK_REQUESTER = "next_steps.ask_requester";
    static final String STEP_READINESS = "next_steps.readiness";
    static final String STEP_SCOPING = "next_steps.scoping";
    static final String STEP_SOC1_SCOPE = "next_steps.soc1_scope";
    static final String STEP_SOC2_SCOPE = "next_steps.soc2_scope";
    static final String STEP_CUECS = "next_steps.cuecs";
    static final String STEP_DOCUMENTATION = "next_steps.documentation";
    static final String STEP_TRAINING = "next_steps.training";
    static final String STEP_TYPE1_THEN_TYPE2 = "next_steps.type1_then_type2";
    static final String STEP_TYPE2_WINDOW = "next_steps.type2_window";
    static final String STEP_BOTH_TOGETHER = "next_steps.both_together";
    static final String STEP_CPA_FIRM = "next_steps.cpa_firm";

    static final String LIST_AND = "labels.list_and";

    /** Why a report is recommended, in words the buyer can receive: what the service does, else who asked. */
    static final String BUYER_REASON_SOC1_IMPACT = "buyer_summary.reasons.soc1.financial_impact";
    static final String BUYER_REASON_SOC1_REQUESTER = "buyer_summary.reasons.soc1.requester";
    static final String BUYER_REASON_SOC2_DATA = "buyer_summary.reasons.soc2.customer_data";
    static final String BUYER_REASON_SOC2_REQUESTER = "buyer_summary.reasons.soc2.requester";

    /** Placeholder names, written {@code {name}} in the texts. */
    static final String FLAGGED = "flagged";
    static final String CATEGORIES = "categories";
    static final String TYPE = "type";
    static final String SOC1_REASON = "soc1_reason";
    static final String SOC2_REASON = "soc2_reason";

    /** Every key the engine needs, with the placeholders it may use, in file order. */
    static final Map<String, Set<String>> REQUIRED = required();

    private ContentKeys() {
    }

    /** The rationale line for a main input's value, e.g. {@code rationale.customer_data.unsure}. */
    static String rationale(InputKey key, String value) {
        return "rationale." + key.wire + "." + value;
    }

    static String buyerSummary(ReportSet reports) {
        return "buyer_summary." + lower(reports);
    }

    static String buyerType(ReportType type) {
        return "buyer_summary.type." + lower(type);
    }

    static String reportsLabel(ReportSet reports) {
        return "labels.reports." + lower(reports);
    }

    static String typeLabel(ReportType type) {
        return "labels.type." + lower(type);
    }

    static String categoryLabel(Soc2Category category) {
        return "labels.categories." + category.wire();
    }

    static String heading(TriageContent.Heading heading) {
        return "labels.headings." + lower(heading);
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    private static Map<String, Set<String>> required() {
        Map<String, Set<String>> keys = new LinkedHashMap<>();
        for (ReportSet r : ReportSet.values()) {
            keys.put(reportsLabel(r), Set.of());
        }
        for (ReportType t : ReportType.values()) {
            keys.put(typeLabel(t), Set.of());
        }
        for (Soc2Category c : Soc2Category.values()) {
            keys.put(categoryLabel(c), Set.of());
        }
        keys.put(LIST_AND, Set.of());
        for (TriageContent.Heading h : TriageContent.Heading.values()) {
            keys.put(heading(h), Set.of());
        }
        for (InputKey key : InputKey.values()) {
            if (!key.isCategoryFlag()) {
                for (String value : key.allowed) {
                    keys.put(rationale(key, value), Set.of());
                }
            }
        }
        keys.put(CONFLICT_FINANCIAL, Set.of());
        keys.put(CONFLICT_DATA, Set.of());
        keys.put(REPORTS_BOTH, Set.of());
        keys.put(REPORTS_UNDETERMINED, Set.of());
        keys.put(CATEGORIES_SECURITY_ONLY, Set.of());
        keys.put(CATEGORIES_WITH_FLAGS, Set.of(FLAGGED));
        keys.put(CATEGORIES_IGNORED, Set.of(FLAGGED));
        for (String step : new String[] {STEP_ASK_REQUESTER, STEP_READINESS, STEP_SCOPING, STEP_SOC1_SCOPE,
                STEP_CUECS, STEP_DOCUMENTATION, STEP_TRAINING, STEP_TYPE1_THEN_TYPE2, STEP_TYPE2_WINDOW,
                STEP_BOTH_TOGETHER, STEP_CPA_FIRM}) {
            keys.put(step, Set.of());
        }
        keys.put(STEP_SOC2_SCOPE, Set.of(CATEGORIES));
        keys.put(buyerSummary(ReportSet.SOC1), Set.of(TYPE, SOC1_REASON));
        keys.put(buyerSummary(ReportSet.SOC2), Set.of(TYPE, CATEGORIES));
        keys.put(buyerSummary(ReportSet.BOTH), Set.of(TYPE, CATEGORIES, SOC1_REASON, SOC2_REASON));
        keys.put(buyerSummary(ReportSet.UNDETERMINED), Set.of());
        for (ReportType t : ReportType.values()) {
            keys.put(buyerType(t), Set.of());
        }
        for (String reason : new String[] {BUYER_REASON_SOC1_IMPACT, BUYER_REASON_SOC1_REQUESTER,
                BUYER_REASON_SOC2_DATA, BUYER_REASON_SOC2_REQUESTER}) {
            keys.put(reason, Set.of());
        }
        return Collections.unmodifiableMap(keys);
    }
}
