package io.attest.profile;

import java.util.Locale;
import java.util.Optional;

/** Type 1 (design, as of one date) or Type 2 (operating effectiveness over a period). Wire names are subject ids. */
public enum SocType {
    TYPE1("type1"), TYPE2("type2");

    private final String wire;

    SocType(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** "Type 2", "type2", "Type II" and "type-2" alike. */
    static Optional<SocType> parse(String text) {
        String t = text == null ? "" : text.toLowerCase(Locale.ROOT).replaceAll("[\\s_-]", "");
        return switch (t) {
            case "type1", "typei" -> Optional.of(TYPE1);
            case "type2", "typeii" -> Optional.of(TYPE2);
            default -> Optional.empty();
        };
    }

    public static Optional<SocType> fromWire(String wire) {
        for (SocType type : values()) {
            if (type.wire.equals(wire)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
