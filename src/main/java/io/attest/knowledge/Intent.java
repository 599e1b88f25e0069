package io.attest.knowledge;

import java.util.List;

/**
 * One question people ask, with the ways they ask it and the answer, as written in {@code intents/*.yml}.
 *
 * @param file    the file it came from, so problems can name it
 * @param repNote wording guidance for sales reps; shown to the asker, never shared in a channel (may be null)
 */
public record Intent(
        String id,
        String title,
        String topic,
        IntentKind kind,
        List<String> examples,
        String answer,
        String repNote,
        List<String> related,
        String file) {

    public Intent {
        examples = List.copyOf(examples);
        related = List.copyOf(related);
    }

    public boolean isAnswer() {
        return kind == IntentKind.ANSWER;
    }
}
