package io.attest.profile;

import java.util.Locale;
import java.util.Optional;

/** The CPA firm's opinion on a report, as the report states it. */
public enum Opinion {
    UNMODIFIED, QUALIFIED, ADVERSE, DISCLAIMER;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Opinion> parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (Opinion o : values()) {
            if (o.wire().equals(t)) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }
}
