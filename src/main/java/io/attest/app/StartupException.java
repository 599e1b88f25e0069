package io.attest.app;

/** Attest cannot start; the message is the one line the operator needs. */
final class StartupException extends Exception {
    StartupException(String message) {
        super(message);
    }
}
