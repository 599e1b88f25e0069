package io.attest.profile;

import static io.attest.triage.Soc2Category.AVAILABILITY;
import static io.attest.triage.Soc2Category.CONFIDENTIALITY;
import static io.attest.triage.Soc2Category.PRIVACY;
import static io.attest.triage.Soc2Category.SECURITY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.attest.profile.Coverage.Gap;
import io.attest.profile.Coverage.Shortfall;
import io.attest.profile.Coverage.Status;
import io.attest.triage.Recommendation;
import io.attest.triage.ReportSet;
import io.attest.triage.ReportType;
import io.attest.triage.Soc2Category;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What we hold against what triage recommends, as a table: recommendation × profile → status and what is missing. */
class CoverageTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    static final Contact CONTACT = new Contact("the compliance team", "S0COMPLY01");

    static final HeldReport SOC2_T2_SEC_AVAIL = soc2(SocType.TYPE2, LocalDate.of(2026, 9, 30), SECURITY, AVAILABILITY);
    static final HeldReport SOC2_T1_SEC_AVAIL = soc2(SocType.TYPE1, LocalDate.of(2026, 9, 30), SECURITY, AVAILABILITY);
    static final HeldReport SOC2_T2_14_MONTHS_OLD = soc2(SocType.TYPE2, LocalDate.of(2025, 9, 29), SECURITY, AVAILABILITY);
    static final HeldReport SOC2_T2_OLD_BUT_WIDER = soc2(SocType.TYPE2, LocalDate.of(2026, 3, 31), SECURITY, AVAILABILITY, PRIVACY);
    static final HeldReport SOC1_T2 = new HeldReport(SocKind.SOC1, SocType.TYPE2, List.of(), LocalDate.of(2025, 7, 1),
            LocalDate.of(2026, 6, 30), "Firm", Opinion.UNMODIFIED, false, new Access("https://x.example/soc1", true, null), null);
    static final HeldReport SOC3 = new HeldReport(SocKind.SOC3, null, List.of(SECURITY, AVAILABILITY), LocalDate.of(2025, 10, 1),
            LocalDate.of(2026, 9, 30), "Firm", Opinion.UNMODIFIED, null, new Access("https://x.example/soc3", false, null), null);

    static Stream<Arguments> table() {
        return Stream.of(
                row("a current SOC 2 Type 2 with every category meets it",
                        rec(ReportSet.SOC2, ReportType.TYPE2, SECURITY, AVAILABILITY), List.of(SOC2_T2_SEC_AVAIL),
                        Status.MET, List.of(Status.MET), List.of()),
                row("a category the buyer needs is missing",
                        rec(ReportSet.SOC2, ReportType.TYPE2, SECURITY, AVAILABILITY, CONFIDENTIALITY), List.of(SOC2_T2_SEC_AVAIL),
                        Status.PARTLY_MET, List.of(Status.PARTLY_MET), List.of(new Gap(Shortfall.CATEGORIES, List.of(CONFIDENTIALITY), 0))),
                row("a Type 1 where a Type 2 is needed",
                        rec(ReportSet.SOC2, ReportType.TYPE2, SECURITY), List.of(SOC2_T1_SEC_AVAIL),
                        Status.PARTLY_MET, List.of(Status.PARTLY_MET), List.of(new Gap(Shortfall.TYPE2_NEEDED, List.of(), 0))),
                row("a Type 1 meets a Type 1 first",
                        rec(ReportSet.SOC2, ReportType.TYPE1_THEN_TYPE2, SECURITY), List.of(SOC2_T1_SEC_AVAIL),
                        Status.MET, List.of(Status.MET), List.of()),
                row("a report whose period ended 14 months ago is out of date",
                        rec(ReportSet.SOC2, ReportType.TYPE2, SECURITY), List.of(SOC2_T2_14_MONTHS_OLD),
                        Status.PARTLY_MET, List.of(Status.PARTLY_MET), List.of(new Gap(Shortfall.OUT_OF_DATE, List.of(), 14))),
                row("a SOC 3 never stands in for a SOC 2",
                        rec(ReportSet.SOC2, ReportType.TYPE2, SECURITY), List.of(SOC3),
                        Status.NOT_HELD, List.of(Status.NOT_HELD), List.of()),
                row("a SOC 2 does nothing for a SOC 1",
                        rec(ReportSet.SOC1, ReportType.TYPE2), List.of(SOC2_T2_SEC_AVAIL),
                        Status.NOT_HELD, List.of(Status.NOT_HELD), List.of()),
                row("both recommended, only the SOC 2 held",
                        rec(ReportSet.BOTH, ReportType.TYPE2, SECURITY), List.of(SOC2_T2_SEC_AVAIL),
                        Status.PARTLY_MET, List.of(Status.NOT_HELD, Status.MET), List.of()),
                row("both recommended, both held",
                        rec(ReportSet.BOTH, ReportType.TYPE2, SECURITY, AVAILABILITY), List.of(SOC1_T2, SOC2_T2_SEC_AVAIL),
                        Status.MET, List.of(Status.MET, Status.MET), List.of()),
                row("of two SOC 2 reports, the one that meets the need counts, even if older",
                        rec(ReportSet.SOC2, ReportType.TYPE2, SECURITY, PRIVACY), List.of(SOC2_T2_SEC_AVAIL, SOC2_T2_OLD_BUT_WIDER),
                        Status.MET, List.of(Status.MET), List.of()),
                row("nothing held",
                        rec(ReportSet.SOC2, ReportType.TYPE2, SECURITY), List.of(),
                        Status.NOT_HELD, List.of(Status.NOT_HELD), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void ourReportsMeetTheRecommendationAsFarAsTheyGo(String name, Recommendation rec, List<HeldReport> held, Status overall,
                                                       List<Status> perReport, List<Gap> lastGaps) {
        Coverage coverage = Coverage.of(rec, new CompanyProfile(held, List.of(), CONTACT), TODAY).orElseThrow();
        assertEquals(overall, coverage.status());
        assertEquals(perReport, coverage.reports().stream().map(Coverage.Held::status).toList());
        assertEquals(lastGaps, coverage.reports().get(coverage.reports().size() - 1).gaps());
    }

    @Test
    void anUndeterminedRecommendationIsNotComparedWithAnything() {
        Recommendation rec = new Recommendation(ReportSet.UNDETERMINED, ReportType.TYPE2, null, List.of(), List.of(), "ask");
        assertTrue(Coverage.of(rec, new CompanyProfile(List.of(SOC2_T2_SEC_AVAIL), List.of(), CONTACT), TODAY).isEmpty());
    }

    @Test
    void anAuditUnderWayForAReportWeLackIsNamed() {
        PlannedAudit soc1 = new PlannedAudit(SocKind.SOC1, SocType.TYPE1, LocalDate.of(2027, 5, 15));
        Coverage coverage = Coverage.of(rec(ReportSet.SOC1, ReportType.TYPE2),
                new CompanyProfile(List.of(), List.of(soc1), CONTACT), TODAY).orElseThrow();
        assertEquals(List.of(soc1), coverage.reports().get(0).planned());
    }

    @Test
    void theSameReportAgesOutOfMeetingIt() {
        CompanyProfile profile = new CompanyProfile(List.of(SOC2_T2_SEC_AVAIL), List.of(), CONTACT);
        Recommendation rec = rec(ReportSet.SOC2, ReportType.TYPE2, SECURITY);
        assertEquals(Status.MET, Coverage.of(rec, profile, LocalDate.of(2027, 9, 30)).orElseThrow().status());
        assertEquals(Status.PARTLY_MET, Coverage.of(rec, profile, LocalDate.of(2027, 10, 1)).orElseThrow().status());
    }

    private static Arguments row(String name, Recommendation rec, List<HeldReport> held, Status overall, List<Status> perReport,
                                 List<Gap> gaps) {
        return Arguments.of(name, rec, held, overall, perReport, gaps);
    }

    private static Recommendation rec(ReportSet reports, ReportType type, Soc2Category... categories) {
        return new Recommendation(reports, type, reports.includesSoc2() ? Arrays.asList(categories) : null,
                List.of(), List.of(), "We are pursuing it.");
    }

    private static HeldReport soc2(SocType type, LocalDate end, Soc2Category... categories) {
        LocalDate start = type == SocType.TYPE1 ? end : end.minusYears(1).plusDays(1);
        return new HeldReport(SocKind.SOC2, type, List.of(categories), start, end, "Harbor & Finch LLP", Opinion.UNMODIFIED,
                type == SocType.TYPE2 ? Boolean.FALSE : null, new Access("https://trust.example/soc2", true, null), null);
    }
}
