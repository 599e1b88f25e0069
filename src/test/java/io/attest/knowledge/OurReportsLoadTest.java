package io.attest.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.attest.profile.Coverage;
import io.attest.testing.MovableClock;
import io.attest.triage.Recommendation;
import io.attest.triage.ReportSet;
import io.attest.triage.ReportType;
import io.attest.triage.Soc2Category;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The profile and its wording alone, as the triage command loads them: no intents needed, nothing else checked. */
class OurReportsLoadTest {

    @TempDir
    Path dir;
    private final MovableClock clock = new MovableClock(LocalDate.of(2026, 11, 15));
    private final Recommendation soc2 = new Recommendation(ReportSet.SOC2, ReportType.TYPE2, List.of(Soc2Category.SECURITY),
            List.of(), List.of(), "We are pursuing a SOC 2.");

    @Test
    void theProfileAndItsWordingLoadWithoutTheIntents() throws Exception {
        Files.copy(Fixtures.fixtureIntents().resolve("language.yml"), dir.resolve("language.yml"));
        Files.copy(Path.of("intents", "company.example.yml"), dir.resolve("company.yml"));
        Files.writeString(dir.resolve("broken.yml"), "intents: [not, what, the, triage, needs\n");
        OurReports ours = OurReports.load(dir, clock);
        assertEquals(Coverage.Status.MET, ours.whatWeHold(soc2).orElseThrow().status());
        clock.moveTo(LocalDate.of(2027, 11, 30));
        assertEquals(Coverage.Status.PARTLY_MET, ours.whatWeHold(soc2).orElseThrow().status(), "read on the day it is asked");
    }

    @Test
    void withoutAProfileThereIsNothingToCompare() throws Exception {
        Files.copy(Fixtures.fixtureIntents().resolve("language.yml"), dir.resolve("language.yml"));
        assertTrue(OurReports.load(dir, clock).whatWeHold(soc2).isEmpty());
    }

    @Test
    void aBrokenProfileOrMissingWordingIsRefusedWithFileAndField() throws Exception {
        Files.writeString(dir.resolve("language.yml"), Files.readString(Fixtures.fixtureIntents().resolve("language.yml"))
                .replace("      heading: \"What we already hold\"\n", ""));
        Files.writeString(dir.resolve("company.yml"), "company:\n  contact: {name: x, slack: nobody}\n");
        InvalidKnowledgeBaseException e = assertThrows(InvalidKnowledgeBaseException.class, () -> OurReports.load(dir, clock));
        assertEquals(List.of("language.yml: our_reports: triage.heading: is missing",
                "company.yml: contact.slack: 'nobody' is not a Slack user id (U…, W…) or user group id (S…)"),
                e.problems().stream().map(Problem::toString).toList());
    }
}
