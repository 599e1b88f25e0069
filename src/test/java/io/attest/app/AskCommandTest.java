package io.attest.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.attest.knowledge.Fixtures;
import io.attest.knowledge.KnowledgeBase;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import io.attest.testing.MovableClock;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AskCommandTest {

    private final KnowledgeBase kb = Fixtures.fixtureKnowledgeBase();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void askJsonPrintsTheContractFields() throws Exception {
        JsonNode reply = json.readTree(run(List.of("--json", "is", "soc", "2", "a", "certification?"), ""));
        assertTrue(reply.path("matched").asBoolean());
        assertEquals("soc2_attestation", reply.path("intent").asText());
        assertTrue(reply.path("confidence").asDouble() > 0 && reply.path("confidence").asDouble() <= 1);
        assertTrue(reply.path("answer").asText().contains("attestation"));
        assertEquals("type1_vs_type2", reply.path("suggestions").get(0).path("intent").asText());
        assertTrue(reply.path("suggestions").get(0).has("title"));
    }

    @Test
    void withoutAQuestionItAnswersEachStdinLineInOrder() throws Exception {
        String out = run(List.of("--json"), "is soc 2 a certification?\nhello\n\nwhat is soc 1\n");
        List<String> lines = out.lines().toList();
        assertEquals(4, lines.size(), "one line per input line, blank ones included");
        assertEquals("soc2_attestation", json.readTree(lines.get(0)).path("intent").asText());
        assertFalse(json.readTree(lines.get(1)).path("matched").asBoolean(), "a greeting is not a match");
        assertFalse(json.readTree(lines.get(2)).path("matched").asBoolean());
        assertEquals("soc1_what", json.readTree(lines.get(3)).path("intent").asText());
    }

    @Test
    void outOfScopeIsNotMatchedAndHasNoIntent() throws Exception {
        JsonNode reply = json.readTree(run(List.of("--json", "what's 17 * 23"), ""));
        assertFalse(reply.path("matched").asBoolean());
        assertTrue(reply.path("intent").isNull());
    }

    @Test
    void plainAskPrintsTheAnswerAndTheRepNoteForAPerson() throws Exception {
        String out = run(List.of("are", "we", "soc2", "certified"), "");
        assertTrue(out.contains("attestation"));
        assertTrue(out.contains("For reps:"));
        assertTrue(out.contains("Related: Type 1 vs Type 2"));
    }

    @Test
    void rankListsTheClosestIntentsWithConfidence() throws Exception {
        JsonNode ranked = json.readTree(run(List.of("--rank", "type 1 vs type 2"), ""));
        assertEquals("type1_vs_type2", ranked.get(0).path("intent").asText());
    }

    private String run(List<String> args, String stdin) throws Exception {
        return run(kb, args, stdin);
    }

    private static String run(KnowledgeBase kb, List<String> args, String stdin) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        assertEquals(0, AskCommand.run(args, new BufferedReader(new StringReader(stdin)), out, kb));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** The real intents with the example profile as ours, on a day the test chooses. */
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

        @Test
        void askJsonKeepsItsFieldsAndTheAnswerCarriesTheForUsLine() throws Exception {
            JsonNode reply = new ObjectMapper().readTree(run(ours, List.of("--json", "are we SOC 2 certified?"), ""));
            assertEquals(List.of("matched", "intent", "confidence", "answer", "suggestions"), iterable(reply.fieldNames()));
            assertEquals("soc2_is_attestation", reply.path("intent").asText());
            assertTrue(reply.path("answer").asText().contains("\n\n*For us:* We hold a SOC 2 Type 2 report"), reply.toString());
        }

        @Test
        void anAnswerFromTheProfileIsAnOrdinaryMatchWithItsOwnIntent() throws Exception {
            JsonNode reply = new ObjectMapper().readTree(run(ours, List.of("--json", "do we have a bridge letter?"), ""));
            assertTrue(reply.path("matched").asBoolean());
            assertEquals("our_bridge_letter", reply.path("intent").asText());
            assertTrue(reply.path("answer").asText().startsWith("*A bridge letter from management covers our SOC 1 Type 1 report"));
        }

        @Test
        void plainAskShowsTheRepOnlyNotesOfTheDay() throws Exception {
            CLOCK.moveTo(LocalDate.of(2027, 11, 30));
            try {
                String out = run(ours, List.of("is", "our", "soc", "2", "current?"), "");
                assertTrue(out.contains("For reps: Our SOC 2 Type 2 report's period ended 14 months ago: a new report is due."), out);
            } finally {
                CLOCK.moveTo(LocalDate.of(2026, 11, 15));
            }
        }

        private static List<String> iterable(java.util.Iterator<String> names) {
            List<String> out = new java.util.ArrayList<>();
            names.forEachRemaining(out::add);
            return out;
        }
    }
}
