package io.attest.triage;

/** Which report type to pursue. Serialized by {@link #name()}. */
public enum ReportType {
    /** Go straight for a Type 2: controls tested over an observation window. */
    TYPE2,
    /** A Type 1 (design at one date) as a first milestone, then a Type 2. */
    TYPE1_THEN_TYPE2
}
