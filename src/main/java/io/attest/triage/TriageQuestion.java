package io.attest.triage;

import java.util.List;

/**
 * One question of the guided triage thread.
 *
 * @param key     the input it answers, e.g. {@code financial_impact}
 * @param text    the question as shown
 * @param help    one line of explanation with examples
 * @param options the buttons, in order
 */
public record TriageQuestion(String key, String text, String help, List<Option> options) {

    /** A button: {@code value} is the input value it sets, {@code label} the button text. */
    public record Option(String value, String label) {
    }

    public TriageQuestion {
        options = List.copyOf(options);
    }

    /** The button label for a value, or the value itself when no option has it. */
    public String labelFor(String value) {
        return options.stream().filter(o -> o.value().equals(value)).map(Option::label).findFirst().orElse(value);
    }
}
