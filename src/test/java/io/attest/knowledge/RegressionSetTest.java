package io.attest.knowledge;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The held-out regression set (src/test/resources/regression/questions.jsonl, different questions from the
 * development set) scored like ../shared/tools/eval-answers scores the development set, so a content edit that
 * breaks matching turns the build red. The thresholds are the product's bar, not tuned to pass.
 */
class RegressionSetTest {

    static final double MIN_IN_SCOPE = 0.95;
    static final double MIN_OUT_OF_SCOPE = 0.95;
    /** For the intent-labelled set: the share of questions whose reply comes from an expected intent. */
    static final double MIN_RIGHT_INTENT = 0.95;

    @Test
    void theRegressionSetMeetsTheQualityBar() throws Exception {
        KnowledgeBase kb = KnowledgeBase.load(Fixtures.realIntents());
        int inScope = 0;
        int inScopeOk = 0;
        int oos = 0;
        int oosOk = 0;
        List<String> failures = new ArrayList<>();
        for (JsonNode item : questions()) {
            Reply reply = kb.ask(item.path("q").asText());
            boolean ok;
            if (item.path("oos").asBoolean(false)) {
                oos++;
                ok = !reply.matched();
                oosOk += ok ? 1 : 0;
            } else {
                inScope++;
                ok = all(item.path("expect"), reply.text(), true) && all(item.path("forbid"), reply.text(), false);
                inScopeOk += ok ? 1 : 0;
            }
            if (!ok) {
                failures.add(item.path("q").asText() + " -> " + reply.kind() + " " + reply.intentId()
                        + String.format(" (%.2f)", reply.confidence()));
            }
        }
        double in = (double) inScopeOk / inScope;
        double out = (double) oosOk / oos;
        String report = String.format("in-scope %.3f (%d/%d), out-of-scope %.3f (%d/%d); misses:%n  %s",
                in, inScopeOk, inScope, out, oosOk, oos, String.join("\n  ", failures));
        System.out.println("Regression set: " + report.lines().findFirst().orElse(""));
        assertTrue(in >= MIN_IN_SCOPE && out >= MIN_OUT_OF_SCOPE, report);
    }

    /**
     * A second held-out set, labelled by intent (src/test/resources/regression/intents.tsv: question, tab, the
     * acceptable intent ids separated by "|", or OOS for a question Attest must decline).
     */
    @Test
    void theIntentLabelledSetLandsOnTheRightIntents() throws Exception {
        KnowledgeBase kb = KnowledgeBase.load(Fixtures.realIntents());
        int total = 0;
        int right = 0;
        List<String> failures = new ArrayList<>();
        try (InputStream in = RegressionSetTest.class.getResourceAsStream("/regression/intents.tsv")) {
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                String[] parts = line.split("\t");
                if (parts.length != 2) {
                    continue;
                }
                total++;
                Reply reply = kb.ask(parts[0]);
                boolean ok = parts[1].equals("OOS") ? !reply.matched()
                        : reply.matched() && List.of(parts[1].split("\\|")).contains(reply.intentId());
                if (ok) {
                    right++;
                } else {
                    failures.add(parts[0] + " -> " + reply.kind() + " " + reply.intentId() + " (expected " + parts[1] + ")");
                }
            }
        }
        double share = (double) right / total;
        System.out.printf("Intent-labelled set: %.3f (%d/%d)%n", share, right, total);
        assertTrue(total >= 300 && share >= MIN_RIGHT_INTENT,
                String.format("%.3f (%d/%d); misses:%n  %s", share, right, total, String.join("\n  ", failures)));
    }

    /** Every expect pattern must be found (wanted=true), or no forbid pattern may be (wanted=false). */
    private static boolean all(JsonNode patterns, String text, boolean wanted) {
        for (JsonNode p : patterns) {
            boolean found = Pattern.compile(p.asText(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text).find();
            if (found != wanted) {
                return false;
            }
        }
        return true;
    }

    private static List<JsonNode> questions() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> items = new ArrayList<>();
        try (InputStream in = RegressionSetTest.class.getResourceAsStream("/regression/questions.jsonl")) {
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    items.add(json.readTree(line));
                }
            }
        }
        return items;
    }
}
