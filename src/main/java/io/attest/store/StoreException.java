package io.attest.store;

/** The store cannot be opened: the message is the one line the operator needs (never a password). */
public final class StoreException extends Exception {

    StoreException(String message) {
        super(message);
    }
}
