package io.attest.triage;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The triage inputs, in the order the guided thread asks them, with the values each one allows. */
enum InputKey {
    FINANCIAL_IMPACT("financial_impact", List.of("yes", "no", "unsure"), null),
    CUSTOMER_DATA("customer_data", List.of("yes", "no", "unsure"), null),
    REQUESTER("requester", List.of("auditor", "security", "both", "unknown"), null),
    FIRST_AUDIT_SOON("first_audit_soon", List.of("yes", "no"), null),
    AVAILABILITY("availability", List.of("yes", "no"), Soc2Category.AVAILABILITY),
    PROCESSING_INTEGRITY("processing_integrity", List.of("yes", "no"), Soc2Category.PROCESSING_INTEGRITY),
    CONFIDENTIALITY("confidentiality", List.of("yes", "no"), Soc2Category.CONFIDENTIALITY),
    PRIVACY("privacy", List.of("yes", "no"), Soc2Category.PRIVACY);

    final String wire;
    final List<String> allowed;
    /** The SOC 2 category this flag adds, or null for the four main inputs. */
    final Soc2Category category;

    InputKey(String wire, List<String> allowed, Soc2Category category) {
        this.wire = wire;
        this.allowed = allowed;
        this.category = category;
    }

    boolean isCategoryFlag() {
        return category != null;
    }

    boolean allows(String value) {
        return allowed.contains(value);
    }

    String allowedList() {
        return String.join(", ", allowed);
    }

    static Optional<InputKey> fromWire(String key) {
        return Arrays.stream(values()).filter(k -> k.wire.equals(key)).findFirst();
    }

    static String allKeysList() {
        return Arrays.stream(values()).map(k -> k.wire).collect(Collectors.joining(", "));
    }
}
