package io.attest.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.attest.knowledge.KnowledgeBase;
import io.attest.knowledge.Reply;
import io.attest.knowledge.Suggestion;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/**
 * {@code ask ["question"]} and {@code ask --json ["question"]}. Without a question it answers one question
 * per line of standard input, in order, in one process, so a whole question set costs one start-up.
 */
final class AskCommand {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AskCommand() {
    }

    static int run(List<String> args, BufferedReader stdin, PrintStream out, KnowledgeBase kb) throws IOException {
        boolean json = args.contains("--json");
        boolean rank = args.contains("--rank");
        List<String> words = args.stream().filter(a -> !a.startsWith("--")).toList();
        if (!words.isEmpty()) {
            answer(kb, String.join(" ", words), json, rank, out);
            return 0;
        }
        for (String line = stdin.readLine(); line != null; line = stdin.readLine()) {
            answer(kb, line, json, rank, out);
        }
        return 0;
    }

    private static void answer(KnowledgeBase kb, String question, boolean json, boolean rank, PrintStream out)
            throws IOException {
        if (rank) {
            // For content authors: the closest intents and their confidence, to see why something matched.
            ArrayNode ranked = JSON.createArrayNode();
            kb.rank(question, 5).forEach(m -> ranked.addObject().put("intent", m.intent().id())
                    .put("confidence", Math.round(m.confidence() * 1000) / 1000.0));
            out.println(ranked);
            out.flush();
        } else {
            print(kb.ask(question), json, out);
        }
    }

    private static void print(Reply reply, boolean json, PrintStream out) throws IOException {
        out.println(json ? JSON.writeValueAsString(toJson(reply)) : toText(reply));
        out.flush();
    }

    static ObjectNode toJson(Reply reply) {
        ObjectNode node = JSON.createObjectNode();
        node.put("matched", reply.matched());
        node.put("intent", reply.intentId());
        node.put("confidence", Math.round(reply.confidence() * 1000) / 1000.0);
        node.put("answer", reply.answerText());
        ArrayNode suggestions = node.putArray("suggestions");
        for (Suggestion s : reply.suggestions()) {
            suggestions.addObject().put("intent", s.intent()).put("title", s.title());
        }
        return node;
    }

    private static String toText(Reply reply) {
        StringBuilder text = new StringBuilder(reply.answerText());
        if (reply.repNote() != null) {
            text.append("\n\nFor reps: ").append(reply.repNote());
        }
        // What our report profile tells only the rep (a report that is due, who approves sending it…).
        reply.forReps().forEach(note -> text.append("\n\nFor reps: ").append(note));
        if (!reply.suggestions().isEmpty()) {
            text.append(reply.matched() ? "\n\nRelated: " : "\n\nTry: ");
            text.append(String.join(" · ", reply.suggestions().stream().map(Suggestion::title).toList()));
        }
        return text.append('\n').toString();
    }
}
