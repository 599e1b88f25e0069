package io.attest.triage;

/** A triage input with an unknown key or a value that key does not allow. The message names both. */
public final class InvalidTriageInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    InvalidTriageInputException(String message) {
        super(message);
    }
}
