package io.attest.knowledge;

/** One thing wrong with the knowledge base, located by file and intent id. */
public record Problem(String file, String id, String message) {

    @Override
    public String toString() {
        return file + (id == null ? "" : ": " + id) + ": " + message;
    }
}
