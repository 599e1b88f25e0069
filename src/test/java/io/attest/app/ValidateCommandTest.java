package io.attest.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.attest.knowledge.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void aValidFolderExitsZeroWithASummary() throws Exception {
        assertEquals(0, validate(Fixtures.fixtureIntents()));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("is valid"));
    }

    @Test
    void everyProblemIsPrintedWithFileAndIdAndTheExitIsNonZero(@TempDir Path dir) throws Exception {
        Fixtures.copyOfFixture(dir);
        String answers = Files.readString(dir.resolve("answers.yml"));
        Files.writeString(dir.resolve("answers.yml"), answers.replace("related: [type1_vs_type2]", "related: [missing_one]"));
        Files.writeString(dir.resolve("triage.yml"), "triage:\n  questions: []\n");
        assertEquals(1, validate(dir));
        String printed = err.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("answers.yml: soc2_attestation: related 'missing_one' does not exist"), printed);
        assertTrue(printed.contains("triage.yml"), "triage wording is validated too: " + printed);
    }

    @Test
    void aLanguageFileWithoutOneOfTheSlackTextsIsReported(@TempDir Path dir) throws Exception {
        Fixtures.copyOfFixture(dir);
        String language = Files.readString(dir.resolve("language.yml"));
        Files.writeString(dir.resolve("language.yml"), language.replaceAll("(?m)^    share_button: .*\n", ""));
        assertEquals(1, validate(dir));
        String printed = err.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("language.yml: responses: 'share_button' is missing"), printed);
    }

    @Test
    void aBrokenReportProfileIsPrintedWithFileAndField(@TempDir Path dir) throws Exception {
        Fixtures.copyOfFixture(dir);
        Files.writeString(dir.resolve("company.yml"), """
                company:
                  contact: {name: "the compliance team", slack: "S0COMPLY01"}
                  reports:
                    - {kind: SOC 2, type: Type 2, categories: [security], period_start: 2025-10-01, period_end: 2025-09-01,
                       cpa_firm: "Harbor & Finch LLP", opinion: unmodified, exceptions_noted: no,
                       access: {url: "http://trust.example.com", nda: yes}}
                """);
        assertEquals(1, validate(dir));
        String printed = err.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("company.yml: reports[1].period_end: 2025-09-01 is not after period_start 2025-10-01"), printed);
        assertTrue(printed.contains("company.yml: reports[1].access.url: 'http://trust.example.com' is not an https URL"), printed);
    }

    @Test
    void aValidProfileIsCountedInTheSummaryAndItsAbsenceIsNamed(@TempDir Path dir) throws Exception {
        Fixtures.copyOfFixture(dir);
        assertEquals(0, validate(dir));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("no report profile yet (company.yml; see company.example.yml)"),
                out.toString(StandardCharsets.UTF_8));
        Files.copy(Path.of("intents", "company.example.yml"), dir.resolve("company.yml"));
        out.reset();
        assertEquals(0, validate(dir));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("our report profile (3 report(s), 2 audit(s) under way)"),
                out.toString(StandardCharsets.UTF_8));
    }

    private int validate(Path dir) throws Exception {
        return ValidateCommand.run(List.of(dir.toString()), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Config.fromEnvironment(Map.of()));
    }
}
