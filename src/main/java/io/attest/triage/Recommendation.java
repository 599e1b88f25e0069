package io.attest.triage;

import java.util.List;

/**
 * What the triage recommends.
 *
 * @param soc2Categories Security first, then the flagged categories in {@link Soc2Category} order, when a
 *                       SOC 2 is recommended ({@link ReportSet#SOC2} or {@link ReportSet#BOTH}); null otherwise
 * @param rationale      one line per deciding answer, conflict or answer to confirm
 * @param nextSteps      ordered steps for the team
 * @param buyerSummary   a paragraph a rep can paste to the buyer as is
 */
public record Recommendation(
        ReportSet reports,
        ReportType type,
        List<Soc2Category> soc2Categories,
        List<String> rationale,
        List<String> nextSteps,
        String buyerSummary) {

    public Recommendation {
        soc2Categories = soc2Categories == null ? null : List.copyOf(soc2Categories);
        rationale = List.copyOf(rationale);
        nextSteps = List.copyOf(nextSteps);
    }
}
