package io.attest.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a Slack message as a person would: which sentences ask something, which tell the story around it, and which
 * ask for something Attest does not do (write a poem, translate, summarise an email, tell a joke). A long message is
 * matched by its questions, so the story cannot drag the answer elsewhere.
 */
final class MessageReader {

    /** Up to this many words a message is read whole: a short question needs no splitting. */
    static final int SHORT_MESSAGE_WORDS = 25;

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])[\"')\\]]*\\s+|\\n+|(?<=\\?)(?=\\S)|\\s+-{1,2}\\s+");
    private static final Pattern INTERROGATIVE = Pattern.compile(
            "^(so |and |but |also |ok |okay |hey |hi |quick q:? |question:? |q:? )*"
                    + "(what|whats|what's|which|who|whom|whose|why|how|when|where|is|isn't|are|aren't|do|does|doesn't|"
                    + "did|can|could|should|would|will|won't|may|must|shall|has|have|any|anyone|anybody)\\b.*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ASKING = Pattern.compile(
            "\\b(need to know|want to know|wondering|not sure (if|whether|what|which|how|who)|any idea|can we|"
                    + "do we (need|have)|is it true|tell me|explain|help me understand|confirm (if|whether|that)|"
                    + "curious (if|whether|what|how)|clarify)\\b",
            Pattern.CASE_INSENSITIVE);

    private final List<Pattern> offTask;

    MessageReader(List<String> offTaskMarkers) {
        this.offTask = offTaskMarkers.stream().map(m -> Pattern.compile(m, Pattern.CASE_INSENSITIVE)).toList();
    }

    /** One sentence of a message: whether it asks something, and whether it asks for something Attest does not do. */
    record Part(String text, boolean question, boolean offTask) {
    }

    /** The message's sentences in order, each classified. */
    List<Part> parts(String message) {
        List<Part> parts = new ArrayList<>();
        for (String sentence : SENTENCE_END.split(message)) {
            String text = sentence.strip();
            if (text.isEmpty() || text.chars().noneMatch(Character::isLetterOrDigit)) {
                continue;
            }
            boolean question = text.endsWith("?") || INTERROGATIVE.matcher(text).matches() || ASKING.matcher(text).find();
            parts.add(new Part(text, question, offTask(text)));
        }
        return parts;
    }

    boolean offTask(String text) {
        return offTask.stream().anyMatch(p -> p.matcher(text).find());
    }

    static int words(String text) {
        String s = text.strip();
        return s.isEmpty() ? 0 : s.split("\\s+").length;
    }
}
