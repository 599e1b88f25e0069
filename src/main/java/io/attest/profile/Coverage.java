package io.attest.profile;

import io.attest.triage.Recommendation;
import io.attest.triage.ReportSet;
import io.attest.triage.ReportType;
import io.attest.triage.Soc2Category;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What we already hold against what a triage recommends, report by report. The recommendation itself is the decision
 * core's and is never changed here; this only says how far our current reports go towards it.
 *
 * <p>A recommended report is <em>met</em> by a report of its kind whose period ended no more than twelve months ago,
 * of a type that fits (a Type 2 when a Type 2 is recommended; a Type 1 or a Type 2 when a Type 1 comes first) and,
 * for a SOC 2, with every recommended category in scope. It is <em>partly met</em> by a report of its kind that falls
 * short in any of those ways (each shortfall is a {@link Gap}), and <em>not held</em> when we have no report of its
 * kind. A SOC 3 never stands in for a SOC 2: buyers' reviews need the restricted-use report's detail.
 */
public record Coverage(Status status, List<Held> reports) {

    public enum Status { MET, PARTLY_MET, NOT_HELD }

    public enum Shortfall {
        /** Recommended SOC 2 categories our report leaves out. */
        CATEGORIES,
        /** Ours is a Type 1; a Type 2 is recommended. */
        TYPE2_NEEDED,
        /** Our period ended more than twelve months ago. */
        OUT_OF_DATE
    }

    /** One way our report falls short: the categories it leaves out, or the months since its period ended. */
    public record Gap(Shortfall shortfall, List<Soc2Category> categories, long months) {
        public Gap {
            categories = List.copyOf(categories);
        }
    }

    /**
     * One recommended report kind.
     *
     * @param report  our report that comes closest, or null when we hold none of this kind
     * @param planned audits of this kind under way, soonest first
     */
    public record Held(SocKind kind, Status status, HeldReport report, Freshness freshness, List<Gap> gaps,
                       List<PlannedAudit> planned) {
        public Held {
            gaps = List.copyOf(gaps);
            planned = List.copyOf(planned);
        }
    }

    public Coverage {
        reports = List.copyOf(reports);
    }

    /** How our reports meet {@code rec} on {@code today}; empty when the recommendation names no report yet. */
    public static Optional<Coverage> of(Recommendation rec, CompanyProfile profile, LocalDate today) {
        List<SocKind> kinds = new ArrayList<>();
        if (rec.reports().includesSoc1()) {
            kinds.add(SocKind.SOC1);
        }
        if (rec.reports().includesSoc2()) {
            kinds.add(SocKind.SOC2);
        }
        if (kinds.isEmpty() || rec.reports() == ReportSet.UNDETERMINED) {
            return Optional.empty();
        }
        List<Held> held = new ArrayList<>();
        for (SocKind kind : kinds) {
            held.add(held(kind, rec, profile, today));
        }
        Status status;
        if (held.stream().allMatch(h -> h.status() == Status.MET)) {
            status = Status.MET;
        } else if (held.stream().allMatch(h -> h.status() == Status.NOT_HELD)) {
            status = Status.NOT_HELD;
        } else {
            status = Status.PARTLY_MET;
        }
        return Optional.of(new Coverage(status, held));
    }

    private static Held held(SocKind kind, Recommendation rec, CompanyProfile profile, LocalDate today) {
        List<PlannedAudit> planned = profile.planned(Set.of(kind));
        HeldReport best = null;
        List<Gap> bestGaps = null;
        List<HeldReport> ofKind = profile.reports().stream().filter(r -> r.kind() == kind)
                .sorted(Comparator.comparing(HeldReport::end).reversed()).toList();
        for (HeldReport report : ofKind) {
            List<Gap> gaps = gaps(report, rec, today);
            if (best == null || gaps.size() < bestGaps.size()) {
                best = report;
                bestGaps = gaps;
            }
        }
        if (best == null) {
            return new Held(kind, Status.NOT_HELD, null, null, List.of(), planned);
        }
        return new Held(kind, bestGaps.isEmpty() ? Status.MET : Status.PARTLY_MET, best, Freshness.of(best, today),
                bestGaps, planned);
    }

    private static List<Gap> gaps(HeldReport report, Recommendation rec, LocalDate today) {
        List<Gap> gaps = new ArrayList<>();
        if (report.kind() == SocKind.SOC2 && rec.soc2Categories() != null) {
            List<Soc2Category> missing = rec.soc2Categories().stream().filter(c -> !report.categories().contains(c)).toList();
            if (!missing.isEmpty()) {
                gaps.add(new Gap(Shortfall.CATEGORIES, missing, 0));
            }
        }
        if (rec.type() == ReportType.TYPE2 && report.type() == SocType.TYPE1) {
            gaps.add(new Gap(Shortfall.TYPE2_NEEDED, List.of(), 0));
        }
        Freshness freshness = Freshness.of(report, today);
        if (!freshness.current()) {
            gaps.add(new Gap(Shortfall.OUT_OF_DATE, List.of(), freshness.months()));
        }
        return gaps;
    }
}
