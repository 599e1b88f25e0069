package io.attest.profile;

import io.attest.triage.Recommendation;
import java.util.ArrayList;
import java.util.List;

/**
 * The triage card's "what we already hold" section and its buyer paragraph, in the profile's wording. Shared by the
 * Slack card and the command line, so both say the same.
 *
 * @param lines         one line per recommended report (met, partly met with what is missing, or not held) and
 *                      per audit under way for it
 * @param buyerSummary  the paragraph for the buyer: when every recommended report is met, one that offers ours;
 *                      otherwise the recommendation's own, followed by an offer of any current report we hold
 */
public record CoverageText(Coverage.Status status, String heading, List<String> lines, String buyerSummary) {

    public CoverageText {
        lines = List.copyOf(lines);
    }

    public static CoverageText of(Coverage coverage, Recommendation rec, ProfileWording w) {
        List<String> lines = new ArrayList<>();
        List<String> offers = new ArrayList<>();
        for (Coverage.Held held : coverage.reports()) {
            String kind = w.name(held.kind(), null);
            switch (held.status()) {
                case MET -> lines.add(w.format("triage.met", "kind", kind, "report", w.report(held.report())));
                case PARTLY_MET -> lines.add(w.format("triage.partly_met", "kind", kind, "report", w.report(held.report()),
                        "gaps", String.join("; ", held.gaps().stream().map(g -> gap(g, w)).toList())));
                case NOT_HELD -> lines.add(w.format("triage.not_held", "kind", kind));
            }
            held.planned().forEach(a -> lines.add(w.format("facts.planned", "name", w.name(a), "date", w.date(a.expected()))));
            if (held.report() != null && held.freshness().current()) {
                offers.add(w.format(held.report().access().nda() ? "triage.offer_nda" : "triage.offer_open",
                        "report", w.report(held.report())));
            }
        }
        String buyer = coverage.status() == Coverage.Status.MET
                ? w.format("triage.buyer_met", "offers", String.join(" ", offers))
                : offers.isEmpty() ? rec.buyerSummary() : rec.buyerSummary() + " " + String.join(" ", offers);
        return new CoverageText(coverage.status(), w.text("triage.heading"), lines, buyer);
    }

    private static String gap(Coverage.Gap gap, ProfileWording w) {
        return switch (gap.shortfall()) {
            case CATEGORIES -> w.format("triage.gap_categories", "categories", w.categories(gap.categories()));
            case TYPE2_NEEDED -> w.text("triage.gap_type2");
            case OUT_OF_DATE -> w.format("triage.gap_out_of_date", "months", Long.toString(gap.months()));
        };
    }
}
