package io.attest.knowledge;

/** A pointer to another intent, shown as a button ("Did you mean…", related topics). */
public record Suggestion(String intent, String title) {

    static Suggestion of(Intent intent) {
        return new Suggestion(intent.id(), intent.title());
    }
}
