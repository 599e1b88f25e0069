package io.attest.triage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The triage decision core: turns {@link TriageInputs} into a {@link Recommendation}, and tells a guided
 * flow which question to ask next. Stateless and thread-safe; all wording comes from {@link TriageContent}.
 */
public final class TriageEngine {
    private final TriageContent content;

    public TriageEngine(TriageContent content) {
        this.content = Objects.requireNonNull(content, "content");
    }

    /** The wording this engine uses, for renderers (questions, labels, headings). */
    public TriageContent content() {
        return content;
    }

    /** SOC 1 is indicated when the service touches customers' financial statements or an auditor asks. */
    static boolean soc1Signal(Answer financialImpact, Requester requester) {
        return financialImpact == Answer.YES || requester.includesAuditor();
    }

    /** SOC 2 is indicated when the service handles customer data or a security team asks. */
    static boolean soc2Signal(Answer customerData, Requester requester) {
        return customerData == Answer.YES || requester.includesSecurity();
    }

    public Recommendation decide(TriageInputs in) {
        ReportSet reports = ReportSet.of(
                soc1Signal(in.financialImpact(), in.requester()),
                soc2Signal(in.customerData(), in.requester()));
        ReportType type = in.firstAuditSoon() ? ReportType.TYPE1_THEN_TYPE2 : ReportType.TYPE2;
        List<Soc2Category> flagged = in.flaggedCategories().stream()
                .filter(c -> c != Soc2Category.SECURITY)
                .toList();
        List<Soc2Category> categories = null;
        if (reports.includesSoc2()) {
            categories = new ArrayList<>();
            categories.add(Soc2Category.SECURITY);
            categories.addAll(flagged);
        }
        return new Recommendation(reports, type, categories,
                rationale(in, reports, flagged),
                nextSteps(reports, type, categories),
                buyerSummary(in, reports, type, categories));
    }

    /** Parses {@code answers} (see {@link TriageInputs#parse}) and decides. */
    public Recommendation decide(Map<String, String> answers) {
        return decide(TriageInputs.parse(answers));
    }

    /**
     * The keys of the questions still to ask, in order: the four main questions not yet answered, then
     * the SOC 2 category questions not yet answered, but those only while a SOC 2 is on the table, that is
     * while the SOC 2 signal holds on the answers so far or could still hold because {@code customer_data}
     * or {@code requester} is unanswered. Since the main questions come first, a category question is
     * only ever next once the SOC 2 signal is known to hold.
     *
     * @throws InvalidTriageInputException for an unknown key or value in {@code answersSoFar}
     */
    public List<String> remainingQuestions(Map<String, String> answersSoFar) {
        Map<InputKey, String> given = TriageInputs.normalize(answersSoFar);
        TriageInputs soFar = TriageInputs.parse(answersSoFar);
        boolean soc2OnTable = !given.containsKey(InputKey.CUSTOMER_DATA)
                || !given.containsKey(InputKey.REQUESTER)
                || soc2Signal(soFar.customerData(), soFar.requester());
        List<String> remaining = new ArrayList<>();
        for (InputKey key : InputKey.values()) {
            if (!given.containsKey(key) && (!key.isCategoryFlag() || soc2OnTable)) {
                remaining.add(key.wire);
            }
        }
        return remaining;
    }

    /**
     * The next question to ask given the answers so far, or empty when the flow is complete and
     * {@link #decide(Map)} can run.
     *
     * @throws InvalidTriageInputException for an unknown key or value in {@code answersSoFar}
     */
    public Optional<TriageQuestion> nextQuestion(Map<String, String> answersSoFar) {
        return remainingQuestions(answersSoFar).stream().findFirst().map(content::question);
    }

    private List<String> rationale(TriageInputs in, ReportSet reports, List<Soc2Category> flagged) {
        List<String> lines = new ArrayList<>();
        lines.add(in.financialImpact() == Answer.NO && in.requester().includesAuditor()
                ? content.text(ContentKeys.CONFLICT_FINANCIAL)
                : content.text(ContentKeys.rationale(InputKey.FINANCIAL_IMPACT, in.financialImpact().wire())));
        lines.add(in.customerData() == Answer.NO && in.requester().includesSecurity()
                ? content.text(ContentKeys.CONFLICT_DATA)
                : content.text(ContentKeys.rationale(InputKey.CUSTOMER_DATA, in.customerData().wire())));
        lines.add(content.text(ContentKeys.rationale(InputKey.REQUESTER, in.requester().wire())));
        if (reports == ReportSet.BOTH) {
            lines.add(content.text(ContentKeys.REPORTS_BOTH));
        } else if (reports == ReportSet.UNDETERMINED) {
            lines.add(content.text(ContentKeys.REPORTS_UNDETERMINED));
        }
        lines.add(content.text(ContentKeys.rationale(InputKey.FIRST_AUDIT_SOON, in.firstAuditSoon() ? "yes" : "no")));
        Map<String, String> flaggedValue = Map.of(ContentKeys.FLAGGED, content.categoryList(flagged));
        if (reports.includesSoc2()) {
            lines.add(flagged.isEmpty()
                    ? content.text(ContentKeys.CATEGORIES_SECURITY_ONLY)
                    : content.format(ContentKeys.CATEGORIES_WITH_FLAGS, flaggedValue));
        } else if (!flagged.isEmpty()) {
            lines.add(content.format(ContentKeys.CATEGORIES_IGNORED, flaggedValue));
        }
        return lines;
    }

    private List<String> nextSteps(ReportSet reports, ReportType type, List<Soc2Category> categories) {
        List<String> steps = new ArrayList<>();
        if (reports == ReportSet.UNDETERMINED) {
            steps.add(content.text(ContentKeys.STEP_ASK_REQUESTER));
        }
        steps.add(content.text(ContentKeys.STEP_READINESS));
        steps.add(content.text(ContentKeys.STEP_SCOPING));
        if (reports.includesSoc1()) {
            steps.add(content.text(ContentKeys.STEP_SOC1_SCOPE));
        }
        if (reports.includesSoc2()) {
            steps.add(content.format(ContentKeys.STEP_SOC2_SCOPE,
                    Map.of(ContentKeys.CATEGORIES, content.categoryList(categories))));
        }
        if (reports.includesSoc1()) {
            steps.add(content.text(ContentKeys.STEP_CUECS));
        }
        steps.add(content.text(ContentKeys.STEP_DOCUMENTATION));
        steps.add(content.text(ContentKeys.STEP_TRAINING));
        steps.add(content.text(type == ReportType.TYPE1_THEN_TYPE2
                ? ContentKeys.STEP_TYPE1_THEN_TYPE2 : ContentKeys.STEP_TYPE2_WINDOW));
        if (reports == ReportSet.BOTH) {
            steps.add(content.text(ContentKeys.STEP_BOTH_TOGETHER));
        }
        steps.add(content.text(ContentKeys.STEP_CPA_FIRM));
        return steps;
    }

    /**
     * The paragraph for the buyer. Its reasons are the real ones: what the service does for the buyer when that was
     * answered yes, otherwise the request the buyer's side made; it never names a requester nobody mentioned.
     */
    private String buyerSummary(TriageInputs in, ReportSet reports, ReportType type, List<Soc2Category> categories) {
        return content.format(ContentKeys.buyerSummary(reports), Map.of(
                ContentKeys.TYPE, content.text(ContentKeys.buyerType(type)),
                ContentKeys.CATEGORIES, categories == null ? "" : content.categoryList(categories),
                ContentKeys.SOC1_REASON, content.text(in.financialImpact() == Answer.YES
                        ? ContentKeys.BUYER_REASON_SOC1_IMPACT : ContentKeys.BUYER_REASON_SOC1_REQUESTER),
                ContentKeys.SOC2_REASON, content.text(in.customerData() == Answer.YES
                        ? ContentKeys.BUYER_REASON_SOC2_DATA : ContentKeys.BUYER_REASON_SOC2_REQUESTER)));
    }
}
