package io.attest.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FreshnessTest {

    @ParameterizedTest(name = "ended {0}, asked {1}: {2}, {3} months")
    @CsvSource(textBlock = """
            2026-09-30, 2026-09-30, RECENT, 0
            2026-09-30, 2026-10-29, RECENT, 0
            2026-09-30, 2026-12-30, RECENT, 3
            2026-09-30, 2026-12-31, BRIDGE, 3
            2026-09-30, 2027-05-15, BRIDGE, 7
            2026-09-30, 2027-09-30, BRIDGE, 12
            2026-09-30, 2027-10-01, DUE, 12
            2026-09-30, 2027-11-30, DUE, 14
            2026-09-30, 2026-06-30, RECENT, 0
            """)
    void aReportIsRecentForThreeMonthsBridgedUpToTwelveAndDueAfter(LocalDate end, LocalDate today, Freshness.Stage stage,
                                                                   long months) {
        HeldReport report = new HeldReport(SocKind.SOC2, SocType.TYPE2, List.of(), end.minusYears(1), end, "Firm",
                Opinion.UNMODIFIED, false, new Access("https://x.example", true, null), null);
        assertEquals(new Freshness(stage, months), Freshness.of(report, today));
    }
}
