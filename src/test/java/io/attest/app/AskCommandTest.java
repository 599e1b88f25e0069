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
import java.util.List;
import org.junit.jupiter.api.Test;

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
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        assertEquals(0, AskCommand.run(args, new BufferedReader(new StringReader(stdin)), out, kb));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
