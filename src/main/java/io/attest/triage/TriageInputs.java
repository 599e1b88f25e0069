package io.attest.triage;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The answers the decision core works from.
 *
 * <p>Missing inputs: {@code financial_impact} and {@code customer_data} count as {@code unsure} (no signal,
 * and the rationale says what to confirm), {@code requester} as {@code unknown}, {@code first_audit_soon}
 * as {@code no} (aim for a Type 2), and each SOC 2 category flag as {@code no}.
 *
 * @param flaggedCategories optional SOC 2 categories answered yes; {@link Soc2Category#SECURITY} is
 *                          always included in a SOC 2 and need not be flagged
 */
public record TriageInputs(
        Answer financialImpact,
        Answer customerData,
        Requester requester,
        boolean firstAuditSoon,
        Set<Soc2Category> flaggedCategories) {

    public TriageInputs {
        Objects.requireNonNull(financialImpact, "financialImpact");
        Objects.requireNonNull(customerData, "customerData");
        Objects.requireNonNull(requester, "requester");
        EnumSet<Soc2Category> copy = EnumSet.noneOf(Soc2Category.class);
        copy.addAll(Objects.requireNonNull(flaggedCategories, "flaggedCategories"));
        flaggedCategories = Collections.unmodifiableSet(copy);
    }

    /**
     * Reads inputs as they arrive from the CLI, JSON or button values: keys and values are the wire names
     * ({@code financial_impact=yes}), compared without regard to case or surrounding spaces. A null value
     * counts as missing.
     *
     * @throws InvalidTriageInputException for an unknown key or a value the key does not allow; the message
     *                                     names the key and lists what is allowed
     */
    public static TriageInputs parse(Map<String, String> answers) {
        Map<InputKey, String> values = normalize(answers);
        Set<Soc2Category> flagged = EnumSet.noneOf(Soc2Category.class);
        for (InputKey key : InputKey.values()) {
            if (key.isCategoryFlag() && "yes".equals(values.get(key))) {
                flagged.add(key.category);
            }
        }
        return new TriageInputs(
                answer(values.getOrDefault(InputKey.FINANCIAL_IMPACT, "unsure")),
                answer(values.getOrDefault(InputKey.CUSTOMER_DATA, "unsure")),
                requester(values.getOrDefault(InputKey.REQUESTER, "unknown")),
                "yes".equals(values.get(InputKey.FIRST_AUDIT_SOON)),
                flagged);
    }

    /** Validated, lower-cased values of the keys that were given (null values left out). */
    static Map<InputKey, String> normalize(Map<String, String> answers) {
        Map<InputKey, String> values = new EnumMap<>(InputKey.class);
        for (Map.Entry<String, String> e : answers.entrySet()) {
            String rawKey = e.getKey() == null ? "" : e.getKey();
            InputKey key = InputKey.fromWire(rawKey.trim().toLowerCase(Locale.ROOT))
                    .orElseThrow(() -> new InvalidTriageInputException(
                            "unknown key '" + rawKey + "'; allowed: " + InputKey.allKeysList()));
            if (e.getValue() == null) {
                continue;
            }
            String value = e.getValue().trim().toLowerCase(Locale.ROOT);
            if (!key.allows(value)) {
                throw new InvalidTriageInputException("unknown value '" + e.getValue() + "' for " + key.wire
                        + "; allowed: " + key.allowedList());
            }
            values.put(key, value);
        }
        return values;
    }

    private static Answer answer(String wire) {
        for (Answer a : Answer.values()) {
            if (a.wire().equals(wire)) {
                return a;
            }
        }
        throw new IllegalStateException("validated value " + wire);
    }

    private static Requester requester(String wire) {
        for (Requester r : Requester.values()) {
            if (r.wire().equals(wire)) {
                return r;
            }
        }
        throw new IllegalStateException("validated value " + wire);
    }
}
