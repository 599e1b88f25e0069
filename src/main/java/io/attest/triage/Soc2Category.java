package io.attest.triage;

/**
 * The Trust Services Criteria categories of a SOC 2, in the fixed order the recommendation lists them.
 * {@link #SECURITY} is part of every SOC 2; the others are added when flagged.
 */
public enum Soc2Category {
    SECURITY("security"),
    AVAILABILITY("availability"),
    PROCESSING_INTEGRITY("processing_integrity"),
    CONFIDENTIALITY("confidentiality"),
    PRIVACY("privacy");

    private final String wire;

    Soc2Category(String wire) {
        this.wire = wire;
    }

    /** The JSON / input name, e.g. {@code processing_integrity}. */
    public String wire() {
        return wire;
    }
}
