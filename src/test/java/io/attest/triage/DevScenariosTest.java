package io.attest.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The development scenarios of {@code ../shared/dev/triage.jsonl}, when that folder is next to the project. */
class DevScenariosTest {
    private static final Path SCENARIOS = Path.of("../shared/dev/triage.jsonl");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TriageEngine engine = TestContent.engine();

    @TestFactory
    Stream<DynamicTest> everyDevelopmentScenarioGetsTheExpectedReportsTypeAndCategories() throws IOException {
        Assumptions.assumeTrue(Files.exists(SCENARIOS), "no " + SCENARIOS + " next to the project");
        return Files.readAllLines(SCENARIOS).stream().filter(l -> !l.isBlank()).map(line -> {
            JsonNode scenario = read(line);
            Map<String, String> input = new LinkedHashMap<>();
            scenario.get("input").properties().forEach(e -> input.put(e.getKey(), e.getValue().asText()));
            JsonNode expect = scenario.get("expect");
            return DynamicTest.dynamicTest(input.toString(), () -> {
                Recommendation rec = engine.decide(input);
                assertEquals(expect.get("reports").asText(), rec.reports().name());
                assertEquals(expect.get("type").asText(), rec.type().name());
                assertEquals(categories(expect.get("soc2_categories")), rec.soc2Categories() == null ? null
                        : rec.soc2Categories().stream().map(Soc2Category::wire).toList());
            });
        });
    }

    private static List<String> categories(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        List<String> names = new ArrayList<>();
        node.forEach(n -> names.add(n.asText()));
        return names;
    }

    private static JsonNode read(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
