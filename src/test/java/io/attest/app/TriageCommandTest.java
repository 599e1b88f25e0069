package io.attest.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.attest.knowledge.Fixtures;
import io.attest.knowledge.KnowledgeBase;
import io.attest.testing.MovableClock;
import io.attest.triage.TriageContent;
import io.attest.triage.TriageEngine;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TriageCommandTest {
    private static final TriageEngine ENGINE = new TriageEngine(TriageContent.load(Path.of("intents")));
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

    private int run(String stdin, String... args) {
        return TriageCommand.run(List.of(args), new BufferedReader(new StringReader(stdin)),
                new PrintStream(outBytes, true, StandardCharsets.UTF_8),
                new PrintStream(errBytes, true, StandardCharsets.UTF_8), ENGINE);
    }

    private String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    private List<JsonNode> outLines() throws IOException {
        List<String> lines = out().lines().toList();
        List<JsonNode> nodes = new java.util.ArrayList<>();
        for (String line : lines) {
            nodes.add(JSON.readTree(line));
        }
        return nodes;
    }

    @Test
    void keyValueFormPrintsOneJsonObjectWithTheContractFields() throws IOException {
        int code = run("", "--json", "financial_impact=yes", "customer_data=yes", "requester=auditor",
                "first_audit_soon=yes", "availability=yes");

        assertEquals(0, code, err());
        List<JsonNode> lines = outLines();
        assertEquals(1, lines.size());
        JsonNode rec = lines.get(0);
        assertEquals(List.of("reports", "type", "soc2_categories", "rationale", "next_steps", "buyer_summary"),
                iterableToList(rec.fieldNames()));
        assertEquals("BOTH", rec.get("reports").asText());
        assertEquals("TYPE1_THEN_TYPE2", rec.get("type").asText());
        assertEquals("[\"security\",\"availability\"]", rec.get("soc2_categories").toString());
        assertTrue(rec.get("rationale").isArray() && rec.get("rationale").size() > 0);
        assertTrue(rec.get("next_steps").isArray() && rec.get("next_steps").size() > 0);
        assertTrue(rec.get("buyer_summary").isTextual());
    }

    @Test
    void categoriesAreJsonNullWhenNoSoc2IsRecommended() throws IOException {
        assertEquals(0, run("", "--json", "requester=auditor", "privacy=yes"));

        JsonNode rec = outLines().get(0);
        assertEquals("SOC1", rec.get("reports").asText());
        assertTrue(rec.get("soc2_categories").isNull());
    }

    @Test
    void stdinBatchPrintsOneLinePerInputInOrderAndSkipsBlankLines() throws IOException {
        String stdin = """
                {"financial_impact": "yes", "customer_data": "no", "requester": "auditor", "first_audit_soon": "no"}

                {"financial_impact": "no", "customer_data": "yes", "requester": "security", "first_audit_soon": "yes", "privacy": "yes"}
                {"financial_impact": "no", "customer_data": "no", "requester": "unknown", "first_audit_soon": "no"}
                {"requester": "both", "first_audit_soon": true}
                """;

        assertEquals(0, run(stdin, "--json"), err());

        List<JsonNode> lines = outLines();
        assertEquals(List.of("SOC1", "SOC2", "UNDETERMINED", "BOTH"),
                lines.stream().map(l -> l.get("reports").asText()).toList());
        assertEquals("[\"security\",\"privacy\"]", lines.get(1).get("soc2_categories").toString());
        assertEquals("TYPE1_THEN_TYPE2", lines.get(3).get("type").asText());
        assertTrue(out().lines().allMatch(l -> !l.isBlank() && l.startsWith("{") && l.endsWith("}")));
    }

    @Test
    void aBadLinePrintsAnErrorObjectOnItsLineAndTheRunContinues() throws IOException {
        String stdin = """
                {"requester": "auditor"}
                {"customer_data": "maybe"}
                not json
                ["requester", "auditor"]
                {"requester": 3}
                {"customer_data": "yes"}
                """;

        assertEquals(1, run(stdin, "--json"));

        List<JsonNode> lines = outLines();
        assertEquals(6, lines.size());
        assertEquals("SOC1", lines.get(0).get("reports").asText());
        assertEquals("unknown value 'maybe' for customer_data; allowed: yes, no, unsure",
                lines.get(1).get("error").asText());
        assertTrue(lines.get(2).get("error").asText().startsWith("not valid JSON"));
        assertTrue(lines.get(3).get("error").asText().startsWith("each line must be one JSON object"));
        assertTrue(lines.get(4).get("error").asText().contains("requester"));
        assertEquals("SOC2", lines.get(5).get("reports").asText());
    }

    @Test
    void eachBatchLineIsAnsweredBeforeTheNextOneArrives() throws Exception {
        PipedWriter toCommand = new PipedWriter();
        BufferedReader stdin = new BufferedReader(new PipedReader(toCommand));
        PipedInputStream fromCommand = new PipedInputStream();
        PrintStream out = new PrintStream(new PipedOutputStream(fromCommand), false, StandardCharsets.UTF_8);
        BufferedReader output = new BufferedReader(new InputStreamReader(fromCommand, StandardCharsets.UTF_8));
        CompletableFuture<Integer> code = CompletableFuture.supplyAsync(() ->
                TriageCommand.run(List.of("--json"), stdin, out, new PrintStream(errBytes), ENGINE));

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            toCommand.write("{\"requester\": \"security\"}\n");
            toCommand.flush();
            assertEquals("SOC2", JSON.readTree(output.readLine()).get("reports").asText());
            toCommand.write("{\"requester\": \"auditor\"}\n");
            toCommand.close();
            assertEquals("SOC1", JSON.readTree(output.readLine()).get("reports").asText());
            assertEquals(0, code.get());
        });
    }

    @Test
    void anUnknownKeyOnTheCommandLineExitsTwoWithTheMessageOnStderr() {
        assertEquals(2, run("", "--json", "budget=high"));

        assertTrue(err().contains("unknown key 'budget'; allowed: financial_impact"), err());
        assertEquals("", out());
    }

    @Test
    void anUnknownValueOnTheCommandLineExitsTwoNamingTheKeyAndAllowedValues() {
        assertEquals(2, run("", "--json", "first_audit_soon=maybe"));

        assertTrue(err().contains("unknown value 'maybe' for first_audit_soon; allowed: yes, no"), err());
    }

    @Test
    void anArgumentThatIsNotKeyValueExitsTwo() {
        assertEquals(2, run("", "--json", "financial_impact"));
        assertTrue(err().contains("expected key=value, got 'financial_impact'"), err());
    }

    @Test
    void anUnknownOptionExitsTwo() {
        assertEquals(2, run("", "--yaml"));
        assertTrue(err().contains("unknown option '--yaml'"), err());
    }

    @Test
    void aKeyGivenTwiceExitsTwo() {
        assertEquals(2, run("", "requester=auditor", "requester=security"));
        assertTrue(err().contains("requester given twice"), err());
    }

    @Test
    void withoutJsonTheRecommendationIsPrintedForAPersonToRead() {
        assertEquals(0, run("", "customer_data=yes", "requester=security", "availability=yes"));

        String text = out();
        assertTrue(text.startsWith("Recommendation: SOC 2 (Type 2)\nSOC 2 categories: Security and Availability\n"),
                text);
        assertTrue(text.contains("\nWhy:\n  - "), text);
        assertTrue(text.contains("\nNext steps:\n  1. "), text);
        assertTrue(text.contains("\nWhat to tell the buyer:\n  "), text);
    }

    @Test
    void withNoArgumentsTheGuidedQuestionsAreAskedOnStdin() {
        // financial impact: 1 (Yes), customer data: "no", requester: by label, first audit soon: 2 (No)
        int code = run("1\nno\nmaybe\nFinancial auditor or finance team\n2\n");

        assertEquals(0, code);
        String text = out();
        assertTrue(text.contains("Does the service affect customers' financial statements?"), text);
        assertTrue(text.contains("Who is asking for the report?"), text);
        assertTrue(text.contains("Recommendation: SOC 1 (Type 2)"), text);
        assertTrue(!text.contains("uptime"), "no category question when SOC 2 is off the table");
        assertTrue(err().contains("Please answer with a number from 1 to 4"), err());
    }

    private static List<String> iterableToList(java.util.Iterator<String> it) {
        List<String> list = new java.util.ArrayList<>();
        it.forEachRemaining(list::add);
        return list;
    }

    /** The real content with the example profile as ours (a SOC 2 Type 2 covering Security, Availability, Confidentiality). */
    @Nested
    class WithOurReportProfile {

        static final MovableClock CLOCK = new MovableClock(LocalDate.of(2026, 11, 15));
        @TempDir
        static Path dir;
        static KnowledgeBase ours;

        @BeforeAll
        static void load() throws Exception {
            ours = KnowledgeBase.load(Fixtures.realIntentsWithExampleProfile(dir), CLOCK);
        }

        private int runWithProfile(String stdin, String... args) {
            return TriageCommand.run(List.of(args), new BufferedReader(new StringReader(stdin)),
                    new PrintStream(outBytes, true, StandardCharsets.UTF_8),
                    new PrintStream(errBytes, true, StandardCharsets.UTF_8), ENGINE, ours::whatWeHold);
        }

        @Test
        void aRecommendationOurCurrentReportMeetsSaysSoAndTheBuyerParagraphOffersIt() {
            assertEquals(0, runWithProfile("", "customer_data=yes", "requester=security", "availability=yes"));
            String text = out();
            assertTrue(text.contains("What we already hold:\n  - SOC 2: met by our SOC 2 Type 2 report covering Security, "
                    + "Availability and Confidentiality for the period 1 October 2025 to 30 September 2026"), text);
            assertTrue(text.contains("Ready to share with you under NDA: our current SOC 2 Type 2 report"), text);
            assertFalse(text.contains("we are pursuing"), "a met recommendation is not something we are pursuing: " + text);
        }

        @Test
        void aRecommendationOurReportsPartlyMeetSaysWhatIsMissing() {
            assertEquals(0, runWithProfile("", "financial_impact=yes", "customer_data=yes", "requester=both", "privacy=yes"));
            String text = out();
            assertTrue(text.contains("SOC 1: partly met by our SOC 1 Type 1 report as of 31 March 2026, issued by Harbor & Finch LLP. "
                    + "Missing: a Type 2 (ours is a Type 1)."), text);
            assertTrue(text.contains("Missing: Privacy not in scope."), text);
            assertTrue(text.contains("A SOC 1 Type 2 report is under way, expected by 15 May 2027."), text);
            assertTrue(text.contains("we are pursuing two reports"), "the recommendation's own paragraph stays: " + text);
        }

        @Test
        void jsonKeepsTheDecisionAndAddsWhatWeHold() throws IOException {
            assertEquals(0, runWithProfile("", "--json", "customer_data=yes", "requester=security", "confidentiality=yes"));
            JsonNode node = outLines().get(0);
            assertEquals("SOC2", node.path("reports").asText());
            assertEquals("TYPE2", node.path("type").asText());
            assertEquals("met", node.path("holdings").path("status").asText());
            assertTrue(node.path("buyer_summary").asText().startsWith("Thanks for asking. What your review calls for is already in place."));
        }

        @Test
        void theDecisionIsTheSameWithAndWithoutAProfile() throws IOException {
            String[] inputs = {"--json", "financial_impact=yes", "customer_data=no", "requester=auditor", "first_audit_soon=yes"};
            assertEquals(0, runWithProfile("", inputs));
            JsonNode with = outLines().get(0);
            outBytes.reset();
            assertEquals(0, run("", inputs));
            JsonNode without = outLines().get(0);
            for (String field : List.of("reports", "type", "soc2_categories", "rationale", "next_steps")) {
                assertEquals(without.get(field), with.get(field), field);
            }
            assertFalse(without.has("holdings"), "no profile, no holdings: " + without);
        }
    }
}
