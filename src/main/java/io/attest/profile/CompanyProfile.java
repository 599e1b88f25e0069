package io.attest.profile;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The company's own SOC reports, from {@code intents/company.yml}: what it holds, what is under way, and whom to
 * ask. Immutable; nothing in it depends on today's date, so answers compute freshness when they are given.
 */
public record CompanyProfile(List<HeldReport> reports, List<PlannedAudit> audits, Contact contact) {

    /** The file the profile is read from, in the intents folder. */
    public static final String FILE = "company.yml";
    /** The filled-in example that ships with Attest; never read as the profile. */
    public static final String EXAMPLE_FILE = "company.example.yml";

    public CompanyProfile {
        reports = List.copyOf(reports);
        audits = List.copyOf(audits);
    }

    /**
     * The most recent report of each kind in {@code kinds} (all kinds when empty), of a type in {@code types} (any
     * when empty), in kind order: what an answer speaks of. Older reports of the same kind are history.
     */
    public List<HeldReport> latest(Set<SocKind> kinds, Set<SocType> types) {
        return reports.stream()
                .filter(r -> kinds.isEmpty() || kinds.contains(r.kind()))
                .filter(r -> types.isEmpty() || r.type() != null && types.contains(r.type()))
                .collect(Collectors.groupingBy(HeldReport::kind, TreeMap::new,
                        Collectors.maxBy(Comparator.comparing(HeldReport::end))))
                .values().stream().flatMap(Optional::stream).toList();
    }

    /** The audits under way for {@code kinds} (all when empty), soonest first. */
    public List<PlannedAudit> planned(Set<SocKind> kinds) {
        return audits.stream()
                .filter(a -> kinds.isEmpty() || kinds.contains(a.kind()))
                .sorted(Comparator.comparing(PlannedAudit::expected))
                .toList();
    }
}
