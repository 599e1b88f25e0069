package io.attest.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.attest.triage.Soc2Category;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProfileReaderTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    /** One SOC 2 Type 2, valid; each case below breaks one thing in it. */
    static final String VALID = """
            company:
              contact:
                name: "the compliance team"
                slack: "S0COMPLY01"
              reports:
                - kind: SOC 2
                  type: Type 2
                  categories: [security, availability]
                  period_start: 2025-10-01
                  period_end: 2026-09-30
                  cpa_firm: "Harbor & Finch LLP"
                  opinion: unmodified
                  exceptions_noted: no
                  access:
                    url: "https://trust.northwind.example/soc2"
                    nda: yes
                    approver: "the Head of Security"
                  bridge_letter:
                    available: yes
                    through: 2026-12-31
              next_audits:
                - kind: SOC 2
                  type: Type 2
                  expected: 2027-11-15
            """;

    @TempDir
    Path dir;

    @Test
    void theShippedExampleIsAValidProfile() throws IOException {
        ProfileReader.Result result = ProfileReader.read(Path.of("intents", CompanyProfile.EXAMPLE_FILE), TODAY);
        assertEquals(List.of(), result.problems());
        CompanyProfile example = result.profile().orElseThrow();
        assertEquals(3, example.reports().size());
        assertEquals(2, example.audits().size());
    }

    @Test
    void aProfileIsReadFieldByField() throws IOException {
        CompanyProfile profile = read(VALID).profile().orElseThrow();
        HeldReport soc2 = profile.reports().get(0);
        assertEquals(SocKind.SOC2, soc2.kind());
        assertEquals(SocType.TYPE2, soc2.type());
        assertEquals(List.of(Soc2Category.SECURITY, Soc2Category.AVAILABILITY), soc2.categories());
        assertEquals(LocalDate.of(2025, 10, 1), soc2.start());
        assertEquals(LocalDate.of(2026, 9, 30), soc2.end());
        assertEquals(Opinion.UNMODIFIED, soc2.opinion());
        assertEquals(Boolean.FALSE, soc2.exceptionsNoted());
        assertEquals(new Access("https://trust.northwind.example/soc2", true, "the Head of Security"), soc2.access());
        assertEquals(LocalDate.of(2026, 12, 31), soc2.bridgeLetterTo());
        assertEquals(new PlannedAudit(SocKind.SOC2, SocType.TYPE2, LocalDate.of(2027, 11, 15)), profile.audits().get(0));
        assertEquals("the compliance team (<!subteam^S0COMPLY01>)", profile.contact().mention());
    }

    @Test
    void aTypeOneIsAsOfOneDateAndASoc3HasNoType() throws IOException {
        String text = VALID.replace("""
                  period_start: 2025-10-01
                  period_end: 2026-09-30
            """, "      as_of: 2026-03-31\n").replace("type: Type 2\n      categories", "type: Type 1\n      categories")
                .replace("      exceptions_noted: no\n", "");
        HeldReport typeOne = read(text).profile().orElseThrow().reports().get(0);
        assertTrue(typeOne.pointInTime());
        assertEquals(typeOne.start(), typeOne.end());

        String soc3 = VALID.replace("kind: SOC 2\n      type: Type 2\n", "kind: SOC 3\n").replace("      exceptions_noted: no\n", "");
        assertEquals(List.of(), read(soc3).problems());
    }

    @Test
    void withoutCompanyYmlThereIsNoProfileAndNoProblem() throws IOException {
        Files.writeString(dir.resolve(CompanyProfile.EXAMPLE_FILE), VALID);
        ProfileReader.Result result = ProfileReader.load(dir, TODAY);
        assertFalse(result.profile().isPresent(), "the example is never read as ours");
        assertEquals(List.of(), result.problems());
    }

    @Nested
    class EveryProblemIsReportedWithFileAndField {

        @ParameterizedTest(name = "{2}")
        @CsvSource(delimiter = '|', textBlock = """
                period_end: 2026-09-30          | period_end: 2025-09-30      | company.yml: reports[1].period_end: 2025-09-30 is not after period_start 2025-10-01
                period_end: 2026-09-30          | period_end: 2025-10-20      | company.yml: reports[1].period_end: the period 2025-10-01 to 2025-10-20 is shorter than a month; a Type 2 tests controls over a period of at least a month
                period_end: 2026-09-30          | period_end: 2026-09-31      | company.yml: reports[1].period_end: '2026-09-31' is not a date; write it as YYYY-MM-DD
                period_end: 2026-09-30          | period_end: 2026-12-31      | company.yml: reports[1].period_end: 2026-12-31 has not come yet: a report is issued only after its period ends; list it under next_audits until then
                period_start: 2025-10-01        | as_of: 2025-10-01           | company.yml: reports[1].as_of: only a Type 1 is as of one date; give 'period_start' and 'period_end'
                kind: SOC 2                     | kind: SOC 4                 | company.yml: reports[1].kind: 'SOC 4' is not a report kind; use SOC 1, SOC 2 or SOC 3
                type: Type 2                    | type: Type 3                | company.yml: reports[1].type: 'Type 3' is not a report type; use Type 1 or Type 2
                '[security, availability]'      | '[security, uptime]'        | company.yml: reports[1].categories: 'uptime' is not a Trust Services category; use security, availability, processing_integrity, confidentiality or privacy
                '[security, availability]'      | '[availability]'            | company.yml: reports[1].categories: has no 'security': Security (the common criteria) is part of every SOC 2 and SOC 3
                opinion: unmodified             | opinion: clean              | company.yml: reports[1].opinion: 'clean' is not an opinion; use unmodified, qualified, adverse or disclaimer
                exceptions_noted: no            | exceptions_noted: maybe     | company.yml: reports[1].exceptions_noted: 'maybe' is not yes or no
                'https://trust.northwind.example/soc2' | 'http://trust.northwind.example/soc2' | company.yml: reports[1].access.url: 'http://trust.northwind.example/soc2' is not an https URL
                'https://trust.northwind.example/soc2' | 'trust portal'          | company.yml: reports[1].access.url: 'trust portal' is not an https URL
                through: 2026-12-31             | through: 2026-06-30         | company.yml: reports[1].bridge_letter.through: 2026-06-30 is not after the period end 2026-09-30; a bridge letter covers the time after the period
                'slack: "S0COMPLY01"'           | 'slack: "#compliance"'      | company.yml: contact.slack: '#compliance' is not a Slack user id (U…, W…) or user group id (S…)
                expected: 2027-11-15            | expected: soon              | company.yml: next_audits[1].expected: 'soon' is not a date; write it as YYYY-MM-DD
                cpa_firm: "Harbor & Finch LLP"  | auditor: "Harbor & Finch LLP" | company.yml: reports[1].cpa_firm: is missing
                """)
        void oneBrokenFieldIsOneProblem(String field, String broken, String problem) throws IOException {
            assertTrue(VALID.contains(field), field);
            ProfileReader.Result result = read(VALID.replace(field, broken));
            assertTrue(result.problems().stream().map(ProfileProblem::toString).anyMatch(problem::equals),
                    result.problems().toString());
            assertFalse(result.profile().isPresent(), "a profile with a problem is not used");
        }

        @Test
        void aSoc1HasNoCategoriesAndATypeOneNotesNoExceptions() throws IOException {
            String text = VALID.replace("kind: SOC 2\n      type: Type 2", "kind: SOC 1\n      type: Type 1")
                    .replace("""
                          period_start: 2025-10-01
                          period_end: 2026-09-30
                    """, "      as_of: 2026-03-31\n");
            assertEquals(List.of(
                    "company.yml: reports[1].categories: a SOC 1 is built on control objectives, not Trust Services categories; leave 'categories' out",
                    "company.yml: reports[1].exceptions_noted: only a Type 2 tests how controls operated, so only a Type 2 notes exceptions"),
                    read(text).problems().stream().map(ProfileProblem::toString).toList());
        }

        @Test
        void unknownFieldsAndAMissingContactAreReported() throws IOException {
            String text = VALID.replace("""
                      contact:
                        name: "the compliance team"
                        slack: "S0COMPLY01"
                    """, "  colour: blue\n");
            assertEquals(List.of(
                    "company.yml: colour: unknown field; allowed: contact, next_audits, reports",
                    "company.yml: contact: is missing: name who answers questions about our reports (a Slack user or user group)"),
                    read(text).problems().stream().map(ProfileProblem::toString).toList());
        }

        @Test
        void everyProblemIsListedNotJustTheFirst() throws IOException {
            String text = VALID.replace("opinion: unmodified", "opinion: clean").replace("expected: 2027-11-15", "expected: soon")
                    .replace("https://trust", "http://trust");
            assertEquals(3, read(text).problems().size(), read(text).problems().toString());
        }

        @Test
        void brokenYamlIsOneProblemWithTheFile() throws IOException {
            List<ProfileProblem> problems = read("company: [unclosed\n").problems();
            assertEquals(1, problems.size());
            assertTrue(problems.get(0).toString().startsWith("company.yml: is not valid YAML"), problems.toString());
        }
    }

    private ProfileReader.Result read(String text) throws IOException {
        Files.writeString(dir.resolve(CompanyProfile.FILE), text);
        return ProfileReader.load(dir, TODAY);
    }
}
