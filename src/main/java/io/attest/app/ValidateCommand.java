package io.attest.app;

import io.attest.knowledge.InvalidKnowledgeBaseException;
import io.attest.knowledge.KnowledgeBase;
import io.attest.knowledge.Problem;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code validate [dir]}: every problem in the intents folder, each with file and id; exit 1 if any. */
final class ValidateCommand {

    private ValidateCommand() {
    }

    static int run(List<String> args, PrintStream out, PrintStream err, Config config) throws IOException {
        Path dir = args.isEmpty() ? ContentLocation.checkoutOrConfigured(config) : Path.of(args.get(0));
        List<String> problems = new ArrayList<>();
        KnowledgeBase.validate(dir).stream().map(Problem::toString).forEach(problems::add);
        if (problems.isEmpty()) {
            try {
                Content.slackTextProblems(KnowledgeBase.load(dir)).stream().map(Problem::toString).forEach(problems::add);
            } catch (InvalidKnowledgeBaseException e) {
                e.problems().stream().map(Problem::toString).forEach(problems::add);
            }
        }
        problems.addAll(Content.triageProblems(dir));
        if (!problems.isEmpty()) {
            problems.forEach(p -> err.println(dir + "/" + p));
            err.println(problems.size() + " problem(s) in " + dir);
            return 1;
        }
        out.println(dir + " is valid: " + Content.summary(dir));
        return 0;
    }
}
