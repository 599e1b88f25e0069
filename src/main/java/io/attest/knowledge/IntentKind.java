package io.attest.knowledge;

/** What a matched intent means for the reply: a knowledge-base answer, a polite decline, or a hello. */
public enum IntentKind {
    ANSWER, DECLINE, GREETING;

    static IntentKind parse(String value) {
        if (value == null || value.isBlank()) {
            return ANSWER;
        }
        for (IntentKind kind : values()) {
            if (kind.name().equalsIgnoreCase(value.trim())) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown kind '" + value + "'; allowed: answer, decline, greeting");
    }
}
