package io.attest.triage;

/** An answer to a yes/no/not-sure question. Wire values: {@code yes}, {@code no}, {@code unsure}. */
public enum Answer {
    YES("yes"),
    NO("no"),
    UNSURE("unsure");

    private final String wire;

    Answer(String wire) {
        this.wire = wire;
    }

    /** The value used in inputs, button values and JSON. */
    public String wire() {
        return wire;
    }
}
