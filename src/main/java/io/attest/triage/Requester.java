package io.attest.triage;

/** Who at the customer asks for the report. Wire values: {@code auditor}, {@code security}, {@code both}, {@code unknown}. */
public enum Requester {
    AUDITOR("auditor"),
    SECURITY("security"),
    BOTH("both"),
    UNKNOWN("unknown");

    private final String wire;

    Requester(String wire) {
        this.wire = wire;
    }

    /** The value used in inputs, button values and JSON. */
    public String wire() {
        return wire;
    }

    /** A financial auditor or finance team is among those asking. */
    boolean includesAuditor() {
        return this == AUDITOR || this == BOTH;
    }

    /** A security, IT or procurement team is among those asking. */
    boolean includesSecurity() {
        return this == SECURITY || this == BOTH;
    }
}
