package io.attest.triage;

/** Which SOC report(s) the triage recommends. Serialized by {@link #name()}. */
public enum ReportSet {
    SOC1,
    SOC2,
    BOTH,
    /** Neither report is indicated yet: ask the requesting customer who needs a report and why. */
    UNDETERMINED;

    static ReportSet of(boolean soc1, boolean soc2) {
        if (soc1 && soc2) {
            return BOTH;
        }
        if (soc1) {
            return SOC1;
        }
        return soc2 ? SOC2 : UNDETERMINED;
    }

    public boolean includesSoc1() {
        return this == SOC1 || this == BOTH;
    }

    public boolean includesSoc2() {
        return this == SOC2 || this == BOTH;
    }
}
