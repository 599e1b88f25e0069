package io.attest.profile;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which of our facts an intent speaks of: the whole answer of a profile-driven intent ({@code from_profile:}), or the
 * "For us" line under a general answer ({@code for_us:}).
 */
public enum ProfileView {
    /** The reports we hold, and how to request each. */
    REPORTS,
    /** Whether and how a report can be sent, and who approves. */
    SHARING,
    /** The period (or date) each report covers. */
    PERIOD,
    /** How long ago each period ended, the bridge letter, the next report. */
    CURRENCY,
    /** Whether a bridge letter covers the time since each period. */
    BRIDGE_LETTER,
    /** Audits under way or planned. */
    NEXT_AUDIT,
    /** Whom to ask. */
    CONTACT,
    /** The CPA firm's opinion, and whether exceptions were noted. */
    OPINION;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ProfileView> fromWire(String wire) {
        return Arrays.stream(values()).filter(v -> v.wire().equals(wire)).findFirst();
    }

    public static String allowed() {
        return Arrays.stream(values()).map(ProfileView::wire).collect(Collectors.joining(", "));
    }
}
