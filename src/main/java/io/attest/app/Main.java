package io.attest.app;

import io.attest.knowledge.InvalidKnowledgeBaseException;
import io.attest.knowledge.OurReports;
import io.attest.triage.TriageContent;
import io.attest.triage.TriageEngine;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

/** {@code java -jar attest.jar [serve | ask | triage | validate] ...} */
public final class Main {

    static final String USAGE = """
            usage: java -jar attest.jar [COMMAND]
              serve                      start the server on $PORT (default 3000); the default command
              ask [--json] ["question"]  answer one question, or one per line of standard input
              triage [--json] [key=value ...]
                                         recommend a SOC report; without key=value, one JSON object per stdin line
              validate [dir]             check an intents folder (default ./intents) and list every problem
              drafts                     print the draft intents owners made from the compliance team's answers
              check                      start the whole service on 127.0.0.1 with a throw-away database, ask it
                                         one signed /soc question, and exit 0 only if it answered
            """;

    private Main() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        int code;
        try {
            code = run(Arrays.asList(args), out, System.err);
        } catch (InvalidKnowledgeBaseException e) {
            System.err.println(e.getMessage());
            code = 1;
        } catch (Exception e) {
            // One clear line for the operator; no stack trace for an expected failure.
            System.err.println("attest: " + e.getMessage());
            code = 1;
        }
        if (code != 0 || args.length > 0 && !"serve".equals(args[0])) {
            System.exit(code);
        }
    }

    static int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Config config = Config.fromEnvironment(System.getenv());
        String command = args.isEmpty() ? "serve" : args.get(0);
        List<String> rest = args.isEmpty() ? List.of() : args.subList(1, args.size());
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        return switch (command) {
            case "serve" -> {
                Service service = Wiring.start(config, rest.contains("--local"));
                Runtime.getRuntime().addShutdownHook(new Thread(service::shutdown, "attest-shutdown"));
                ExitSignals.onTermOrInt(service::shutdown);
                yield 0;
            }
            case "ask" -> AskCommand.run(rest, stdin, out, Content.load(ContentLocation.intentsFolder(config)).kb());
            case "triage" -> {
                // The triage wording, and our report profile for "what we already hold"; no intents are needed.
                Path dir = ContentLocation.intentsFolder(config);
                OurReports ours = OurReports.load(dir, Clock.systemDefaultZone());
                yield TriageCommand.run(rest, stdin, out, err, new TriageEngine(TriageContent.load(dir)), ours::whatWeHold);
            }
            case "validate" -> ValidateCommand.run(rest, out, err, config);
            case "drafts" -> DraftsCommand.run(config, out, err);
            case "check" -> CheckCommand.run(System.getenv(), out, err);
            case "help", "--help", "-h" -> {
                out.print(USAGE);
                yield 0;
            }
            default -> {
                err.print("unknown command '" + command + "'\n" + USAGE);
                yield 2;
            }
        };
    }
}
