package io.attest.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.attest.knowledge.InvalidKnowledgeBaseException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code attest check}: the whole service, started as for Slack, answers one signed /soc question, or the check fails. */
class CheckCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void theServiceStartedAsForSlackAnswersTheSignedQuestionWithoutTheConfiguredDatabase() throws Exception {
        // A configured database is set aside (this one cannot be reached), and so are the Slack credentials.
        Map<String, String> env = Map.of("DATABASE_URL", "postgres://nobody:secret@127.0.0.1:1/none",
                "SLACK_SIGNING_SECRET", "a-real-secret-the-check-must-not-use", "SLACK_BOT_TOKEN", "xoxb-not-for-the-check");
        int code = CheckCommand.run(env, print(out), print(err));

        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        String said = out.toString(StandardCharsets.UTF_8);
        assertTrue(said.startsWith("attest check: answered a signed /soc in "), said);
        assertTrue(said.contains("SOC 2 is an attestation, not a certification"), "the real answer to its question: " + said);
    }

    @Test
    void theCheckSetsAsideSocketModeAndTheMetricsPortOfTheServiceAlreadyRunning() throws Exception {
        // After a deploy the running service holds METRICS_PORT; the check must not need it, nor connect to Slack.
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Map<String, String> env = Map.of("SLACK_APP_TOKEN", "xapp-not-for-the-check", "SLACK_BOT_TOKEN", "xoxb-not-for-the-check",
                    "METRICS_PORT", Integer.toString(taken.getLocalPort()), "METRICS_TOKEN", "a-metrics-token-for-the-check");
            int code = CheckCommand.run(env, print(out), print(err));
            assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void contentThatCannotLoadFailsTheCheckWithItsProblems(@TempDir Path intents) throws Exception {
        Files.writeString(intents.resolve("broken.yml"), "intents: [ {id: x, examples: [");
        InvalidKnowledgeBaseException failure = assertThrows(InvalidKnowledgeBaseException.class,
                () -> CheckCommand.run(Map.of("ATTEST_INTENTS", intents.toString()), print(out), print(err)));
        assertTrue(failure.getMessage().contains("broken.yml"), failure.getMessage());
    }

    private static PrintStream print(ByteArrayOutputStream to) {
        return new PrintStream(to, true, StandardCharsets.UTF_8);
    }
}
