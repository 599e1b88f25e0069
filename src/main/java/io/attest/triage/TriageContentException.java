package io.attest.triage;

import java.util.List;

/** {@code triage.yml} is missing, unreadable or incomplete. Every problem names the file and the key. */
public final class TriageContentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    TriageContentException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    /** One line per problem, each starting with the file it was found in. */
    public List<String> problems() {
        return problems;
    }
}
