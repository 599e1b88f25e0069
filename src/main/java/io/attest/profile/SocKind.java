package io.attest.profile;

import java.util.Locale;
import java.util.Optional;

/** The SOC reports a company can hold. The wire name is also the subject id in language.yml ({@code soc2}). */
public enum SocKind {
    SOC1("soc1"), SOC2("soc2"), SOC3("soc3");

    private final String wire;

    SocKind(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** "SOC 2", "soc2", "SOC-2" and "soc 2" alike. */
    static Optional<SocKind> parse(String text) {
        return fromWire(text == null ? "" : text.toLowerCase(Locale.ROOT).replaceAll("[\\s_-]", ""));
    }

    public static Optional<SocKind> fromWire(String wire) {
        for (SocKind kind : values()) {
            if (kind.wire.equals(wire)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
