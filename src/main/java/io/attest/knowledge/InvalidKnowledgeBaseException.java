package io.attest.knowledge;

import java.util.List;
import java.util.stream.Collectors;

/** The knowledge base cannot be used; carries every problem found, not just the first. */
public final class InvalidKnowledgeBaseException extends Exception {

    private final transient List<Problem> problems;

    public InvalidKnowledgeBaseException(List<Problem> problems) {
        super(problems.size() + " problem(s) in the knowledge base:\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
