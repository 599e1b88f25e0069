package io.attest.store;

/**
 * The database could not be reached, or did not do what was asked, while Attest was running. Whoever asked decides
 * what the person is told; answering never depends on the store.
 */
public final class StoreUnavailable extends Exception {

    StoreUnavailable(String what, Throwable cause) {
        super(what + ": the database is unavailable", cause, false, false);
    }
}
