package io.attest.profile;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What our profile says for one view of it, on one day: sentences a buyer may read ({@code shared}), and notes only
 * the rep sees ({@code forReps}: a report that is due, a missing or lapsed bridge letter, who approves sending it,
 * exceptions or an opinion to explain). Built per answer, so dates and freshness are always today's.
 */
public final class ProfileAnswers {

    /** The sentences for one answer. */
    public record Facts(List<String> shared, List<String> forReps) {
        public Facts {
            shared = List.copyOf(shared);
            forReps = List.copyOf(forReps);
        }
    }

    private final CompanyProfile profile;
    private final ProfileWording wording;

    public ProfileAnswers(CompanyProfile profile, ProfileWording wording) {
        this.profile = profile;
        this.wording = wording;
    }

    /**
     * @param whole true for the whole answer of a profile-driven intent, false for a "For us" line, which keeps to
     *              the point of the general answer above it
     */
    public Facts facts(ProfileView view, Focus focus, LocalDate today, boolean whole) {
        Builder b = new Builder(today);
        List<HeldReport> held = profile.latest(focus.kinds(), focus.types());
        switch (view) {
            case REPORTS -> {
                held.forEach(r -> {
                    b.shared(wording.format(r.access().nda() ? "facts.hold_nda" : "facts.hold_open",
                            "report", wording.report(r), "url", r.access().url()));
                    if (whole) {
                        b.opinion(r);
                    }
                    b.freshness(r, true);
                });
                b.notHeld(held, focus, whole);
            }
            case SHARING -> {
                held.forEach(r -> {
                    b.shared(wording.format(r.access().nda() ? "facts.send_nda" : "facts.send_open",
                            "name", wording.name(r), "url", r.access().url()));
                    if (r.access().approver() != null) {
                        b.rep(wording.format("for_reps.approver", "name", wording.name(r), "approver", r.access().approver()));
                    }
                    b.cautions(r);
                    b.freshness(r, true);
                });
                b.notHeld(held, focus, false);
            }
            case PERIOD -> {
                held.forEach(r -> {
                    b.shared(r.pointInTime()
                            ? wording.format("facts.covers_date", "name", wording.name(r), "date", wording.date(r.end()))
                            : wording.format("facts.covers_period", "name", wording.name(r),
                            "start", wording.date(r.start()), "end", wording.date(r.end())));
                    b.freshness(r, true);
                });
                b.notHeld(held, focus, false);
            }
            case CURRENCY -> {
                held.forEach(r -> {
                    b.shared(wording.format(r.pointInTime() ? "facts.ended_date" : "facts.ended_period", "name",
                            wording.name(r), "end", wording.date(r.end()), "ago", wording.ago(Freshness.of(r, today).months())));
                    b.freshness(r, true);
                    profile.planned(Set.of(r.kind())).forEach(b::planned);
                });
                b.notHeld(held, focus, whole);
            }
            case BRIDGE_LETTER -> {
                // A SOC 3 rarely has a bridge letter of its own; it is named only when it has one. A "For us" line
                // names the reports a bridge letter matters for: those with one, and those past three months.
                held.stream()
                        .filter(r -> r.kind() != SocKind.SOC3 || r.hasBridgeLetter())
                        .filter(r -> whole || r.hasBridgeLetter() || Freshness.of(r, today).stage() != Freshness.Stage.RECENT)
                        .forEach(r -> {
                            b.shared(r.hasBridgeLetter()
                                    ? wording.format("facts.bridge_yes", "name", wording.name(r), "end", wording.date(r.end()),
                                    "through", wording.date(r.bridgeLetterTo()))
                                    : wording.format("facts.bridge_no", "name", wording.name(r)));
                            b.freshness(r, false);
                        });
                b.notHeld(held, focus, false);
            }
            case NEXT_AUDIT -> {
                List<PlannedAudit> planned = profile.planned(focus.kinds());
                planned.forEach(b::planned);
                if (planned.isEmpty()) {
                    b.shared(wording.text("facts.none_planned"));
                }
                held.forEach(r -> {
                    if (!Freshness.of(r, today).current()) {
                        b.freshness(r, false);
                    }
                });
            }
            case CONTACT -> b.shared(wording.format("facts.contact", "contact", profile.contact().mention()));
            case OPINION -> {
                held.forEach(r -> {
                    b.opinion(r);
                    b.cautions(r);
                });
                b.notHeld(held, focus, false);
            }
        }
        return b.build();
    }

    /** Collects sentences once each, in order. */
    private final class Builder {
        private final LocalDate today;
        private final Set<String> shared = new LinkedHashSet<>();
        private final Set<String> forReps = new LinkedHashSet<>();

        Builder(LocalDate today) {
            this.today = today;
        }

        void shared(String sentence) {
            shared.add(sentence);
        }

        void rep(String sentence) {
            forReps.add(sentence);
        }

        /**
         * Within three months nothing is said; from three to twelve months the bridge letter is mentioned (unless the
         * answer already speaks of it: {@code mentionBridge} false), or its absence or lapse flagged to the rep; after
         * twelve months the rep is told a new report is due.
         */
        void freshness(HeldReport r, boolean mentionBridge) {
            Freshness f = Freshness.of(r, today);
            String contact = profile.contact().mention();
            switch (f.stage()) {
                case RECENT -> { }
                case BRIDGE -> {
                    if (!r.hasBridgeLetter()) {
                        rep(wording.format("for_reps.no_bridge", "name", wording.name(r), "months", Long.toString(f.months()),
                                "contact", contact));
                    } else if (r.bridgeLetterTo().isBefore(today)) {
                        rep(wording.format("for_reps.bridge_lapsed", "name", wording.name(r),
                                "through", wording.date(r.bridgeLetterTo()), "contact", contact));
                    } else if (mentionBridge) {
                        shared(wording.format("facts.bridge_since", "name", wording.name(r),
                                "through", wording.date(r.bridgeLetterTo())));
                    }
                }
                case DUE -> rep(wording.format("for_reps.due", "name", wording.name(r), "months", Long.toString(f.months()),
                        "contact", contact));
            }
        }

        void opinion(HeldReport r) {
            String key = r.exceptionsNoted() == null ? "facts.opinion"
                    : r.exceptionsNoted() ? "facts.opinion_exceptions" : "facts.opinion_no_exceptions";
            shared(wording.format(key, "name", wording.name(r), "opinion", wording.opinion(r.opinion())));
        }

        /** An opinion other than unmodified, or exceptions, are for the rep to raise with compliance first. */
        void cautions(HeldReport r) {
            String contact = profile.contact().mention();
            if (r.opinion() != Opinion.UNMODIFIED) {
                rep(wording.format("for_reps.opinion", "name", wording.name(r), "opinion", wording.opinion(r.opinion()),
                        "contact", contact));
            }
            if (Boolean.TRUE.equals(r.exceptionsNoted())) {
                rep(wording.format("for_reps.exceptions", "name", wording.name(r), "contact", contact));
            }
        }

        void planned(PlannedAudit a) {
            shared(wording.format("facts.planned", "name", wording.name(a), "date", wording.date(a.expected())));
            if (a.expected().isBefore(today)) {
                rep(wording.format("for_reps.plan_overdue", "name", wording.name(a), "date", wording.date(a.expected()),
                        "contact", profile.contact().mention()));
            }
        }

        /**
         * What we do not hold: each kind (or type) the question named without a report of ours, with any audit under
         * way for it; or, when nothing in focus is held, that we hold no SOC report yet and what is under way.
         *
         * @param whatIsComing also every audit under way for the kinds in focus
         */
        void notHeld(List<HeldReport> held, Focus focus, boolean whatIsComing) {
            SocType onlyType = focus.types().size() == 1 ? focus.types().iterator().next() : null;
            if (focus.asked() && focus.kinds().isEmpty() && onlyType != null) {
                if (held.isEmpty()) {
                    shared(wording.format("facts.not_held", "name", wording.name(null, onlyType)));
                    profile.planned(Set.of()).stream().filter(a -> a.type() == onlyType).forEach(this::planned);
                }
            } else if (focus.asked() && !focus.kinds().isEmpty()) {
                for (SocKind kind : SocKind.values()) {
                    if (focus.kinds().contains(kind) && held.stream().noneMatch(r -> r.kind() == kind)) {
                        shared(wording.format("facts.not_held", "name", wording.name(kind, onlyType)));
                        profile.planned(Set.of(kind)).forEach(this::planned);
                    }
                }
            } else if (held.isEmpty()) {
                shared(wording.text("facts.none_held"));
                profile.planned(focus.kinds()).forEach(this::planned);
            }
            if (whatIsComing) {
                profile.planned(focus.kinds()).forEach(this::planned);
            }
        }

        Facts build() {
            return new Facts(new ArrayList<>(shared), new ArrayList<>(forReps));
        }
    }
}
