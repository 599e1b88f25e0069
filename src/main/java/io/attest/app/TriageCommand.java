package io.attest.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.attest.profile.CoverageText;
import io.attest.triage.InvalidTriageInputException;
import io.attest.triage.Recommendation;
import io.attest.triage.TriageContent;
import io.attest.triage.TriageContent.Heading;
import io.attest.triage.TriageEngine;
import io.attest.triage.TriageQuestion;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code triage [--json] [key=value ...]}: runs the triage decision core from the command line.
 *
 * <ul>
 *   <li>{@code --json key=value ...}: one JSON object {@code {"reports", "type", "soc2_categories",
 *       "rationale", "next_steps", "buyer_summary"}}, and with a report profile {@code "holdings"}: how the
 *       reports we hold meet it ({@code {"status": "met|partly_met|not_held", "lines": [..]}}), the buyer paragraph
 *       then being the one the triage card shows.</li>
 *   <li>{@code --json} alone: one JSON object of inputs per stdin line (blank lines skipped), one compact
 *       JSON line out for each, in order; a bad line prints {@code {"error": "..."}} and the run goes on,
 *       exiting 1 at the end.</li>
 *   <li>{@code key=value ...} without {@code --json}: the recommendation as a person reads it.</li>
 *   <li>no arguments: asks the guided questions on stdin, then prints the recommendation.</li>
 * </ul>
 * Bad arguments or inputs on the command line print a message on {@code err} and exit 2.
 */
public final class TriageCommand {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USAGE = "usage: triage [--json] [key=value ...]\n"
            + "  keys: financial_impact, customer_data (yes|no|unsure), requester (auditor|security|both|unknown),\n"
            + "        first_audit_soon, availability, processing_integrity, confidentiality, privacy (yes|no)\n"
            + "  --json with no key=value reads one JSON object of inputs per line on stdin";

    private TriageCommand() {
    }

    public static int run(List<String> args, BufferedReader stdin, PrintStream out, PrintStream err,
            TriageEngine engine) {
        return run(args, stdin, out, err, engine, rec -> Optional.empty());
    }

    /** @param whatWeHold how the reports we hold meet a recommendation (empty without a report profile) */
    public static int run(List<String> args, BufferedReader stdin, PrintStream out, PrintStream err,
            TriageEngine engine, Function<Recommendation, Optional<CoverageText>> whatWeHold) {
        boolean json = false;
        Map<String, String> inputs = new LinkedHashMap<>();
        for (String arg : args) {
            if (arg.equals("--json")) {
                json = true;
            } else if (arg.equals("-h") || arg.equals("--help")) {
                out.println(USAGE);
                return 0;
            } else if (arg.startsWith("-")) {
                err.println("triage: unknown option '" + arg + "'\n" + USAGE);
                return 2;
            } else {
                int eq = arg.indexOf('=');
                if (eq <= 0) {
                    err.println("triage: expected key=value, got '" + arg + "'\n" + USAGE);
                    return 2;
                }
                String key = arg.substring(0, eq).trim();
                if (inputs.putIfAbsent(key, arg.substring(eq + 1)) != null) {
                    err.println("triage: " + key + " given twice");
                    return 2;
                }
            }
        }
        try {
            if (inputs.isEmpty()) {
                return json ? batch(stdin, out, engine, whatWeHold) : interactive(stdin, out, err, engine, whatWeHold);
            }
            Recommendation rec;
            try {
                rec = engine.decide(inputs);
            } catch (InvalidTriageInputException e) {
                err.println("triage: " + e.getMessage());
                return 2;
            }
            if (json) {
                out.println(JSON.writeValueAsString(toJson(rec, whatWeHold.apply(rec))));
            } else {
                out.print(toText(rec, engine.content(), whatWeHold.apply(rec)));
            }
            out.flush();
            return 0;
        } catch (IOException e) {
            err.println("triage: cannot read input: " + e.getMessage());
            return 1;
        }
    }

    /** The JSON shape of the {@code triage --json} contract. */
    static ObjectNode toJson(Recommendation rec) {
        return toJson(rec, Optional.empty());
    }

    /** With what we hold, when there is a report profile: an extra {@code holdings} field, and its buyer paragraph. */
    static ObjectNode toJson(Recommendation rec, Optional<CoverageText> held) {
        ObjectNode node = JSON.createObjectNode();
        node.put("reports", rec.reports().name());
        node.put("type", rec.type().name());
        if (rec.soc2Categories() == null) {
            node.putNull("soc2_categories");
        } else {
            ArrayNode cats = node.putArray("soc2_categories");
            rec.soc2Categories().forEach(c -> cats.add(c.wire()));
        }
        rec.rationale().forEach(node.putArray("rationale")::add);
        rec.nextSteps().forEach(node.putArray("next_steps")::add);
        node.put("buyer_summary", held.map(CoverageText::buyerSummary).orElse(rec.buyerSummary()));
        held.ifPresent(h -> {
            ObjectNode holdings = node.putObject("holdings");
            holdings.put("status", h.status().name().toLowerCase(Locale.ROOT));
            h.lines().forEach(holdings.putArray("lines")::add);
        });
        return node;
    }

    /** The recommendation as a person reads it, with the headings and labels from the content. */
    static String toText(Recommendation rec, TriageContent content) {
        return toText(rec, content, Optional.empty());
    }

    /** With what we hold right under the recommendation, as the triage card shows it. */
    static String toText(Recommendation rec, TriageContent content, Optional<CoverageText> held) {
        StringBuilder sb = new StringBuilder();
        sb.append(content.heading(Heading.RECOMMENDATION)).append(": ")
                .append(content.reportsLabel(rec.reports())).append(" (")
                .append(content.typeLabel(rec.type())).append(")\n");
        if (rec.soc2Categories() != null) {
            sb.append(content.heading(Heading.SOC2_CATEGORIES)).append(": ")
                    .append(content.categoryList(rec.soc2Categories())).append('\n');
        }
        held.ifPresent(h -> {
            sb.append('\n').append(h.heading()).append(":\n");
            h.lines().forEach(line -> sb.append("  - ").append(line).append('\n'));
        });
        sb.append('\n').append(content.heading(Heading.RATIONALE)).append(":\n");
        rec.rationale().forEach(line -> sb.append("  - ").append(line).append('\n'));
        sb.append('\n').append(content.heading(Heading.NEXT_STEPS)).append(":\n");
        List<String> steps = rec.nextSteps();
        for (int i = 0; i < steps.size(); i++) {
            sb.append("  ").append(i + 1).append(". ").append(steps.get(i)).append('\n');
        }
        sb.append('\n').append(content.heading(Heading.BUYER_SUMMARY)).append(":\n")
                .append("  ").append(held.map(CoverageText::buyerSummary).orElse(rec.buyerSummary())).append('\n');
        return sb.toString();
    }

    private static int batch(BufferedReader stdin, PrintStream out, TriageEngine engine,
            Function<Recommendation, Optional<CoverageText>> whatWeHold) throws IOException {
        boolean failed = false;
        for (String line = stdin.readLine(); line != null; line = stdin.readLine()) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode result;
            try {
                Recommendation rec = engine.decide(inputsOf(JSON.readTree(line)));
                result = toJson(rec, whatWeHold.apply(rec));
            } catch (JsonProcessingException e) {
                result = error("not valid JSON: " + e.getOriginalMessage());
            } catch (IllegalArgumentException e) { // includes InvalidTriageInputException
                result = error(e.getMessage());
            }
            failed |= result.has("error");
            out.println(JSON.writeValueAsString(result));
            out.flush();
        }
        return failed ? 1 : 0;
    }

    /** A JSON object of inputs as strings; true/false count as yes/no and null as missing. */
    private static Map<String, String> inputsOf(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("each line must be one JSON object of inputs, e.g. "
                    + "{\"financial_impact\": \"yes\", \"requester\": \"auditor\"}");
        }
        Map<String, String> inputs = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            JsonNode v = e.getValue();
            if (v.isTextual()) {
                inputs.put(e.getKey(), v.asText());
            } else if (v.isBoolean()) {
                inputs.put(e.getKey(), v.asBoolean() ? "yes" : "no");
            } else if (v.isNull()) {
                inputs.put(e.getKey(), null);
            } else {
                throw new IllegalArgumentException("value for " + e.getKey() + " must be a string, got " + v);
            }
        }
        return inputs;
    }

    private static ObjectNode error(String message) {
        return JSON.createObjectNode().put("error", message);
    }

    /** Asks the guided questions one by one; at end of input the unanswered ones keep their defaults. */
    private static int interactive(BufferedReader stdin, PrintStream out, PrintStream err, TriageEngine engine,
            Function<Recommendation, Optional<CoverageText>> whatWeHold) throws IOException {
        Map<String, String> answers = new LinkedHashMap<>();
        for (Optional<TriageQuestion> next = engine.nextQuestion(answers); next.isPresent();
                next = engine.nextQuestion(answers)) {
            TriageQuestion q = next.get();
            out.println(q.text());
            out.println("  " + q.help());
            List<TriageQuestion.Option> options = q.options();
            for (int i = 0; i < options.size(); i++) {
                out.println("  " + (i + 1) + ") " + options.get(i).label());
            }
            String value = null;
            while (value == null) {
                out.print("> ");
                out.flush();
                String line = stdin.readLine();
                if (line == null) {
                    out.println();
                    Recommendation rec = engine.decide(answers);
                    out.print(toText(rec, engine.content(), whatWeHold.apply(rec)));
                    out.flush();
                    return 0;
                }
                value = choose(line.trim(), options);
                if (value == null) {
                    err.println("Please answer with a number from 1 to " + options.size() + " or an option.");
                }
            }
            answers.put(q.key(), value);
            out.println();
        }
        Recommendation rec = engine.decide(answers);
        out.print(toText(rec, engine.content(), whatWeHold.apply(rec)));
        out.flush();
        return 0;
    }

    private static String choose(String reply, List<TriageQuestion.Option> options) {
        for (int i = 0; i < options.size(); i++) {
            TriageQuestion.Option o = options.get(i);
            if (reply.equals(String.valueOf(i + 1)) || reply.equalsIgnoreCase(o.value())
                    || reply.equalsIgnoreCase(o.label())) {
                return o.value();
            }
        }
        return null;
    }
}
