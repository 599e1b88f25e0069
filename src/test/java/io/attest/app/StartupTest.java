package io.attest.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.attest.local.LocalSlack;
import io.attest.local.LocalSlack.Fault;
import io.attest.testing.LogCapture;
import io.attest.testing.SignedClient;
import io.attest.testing.SlackPayloads;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Start-up checks the token once, rides out a Slack incident, and stops only when Slack says no for good. */
class StartupTest {

    private LocalSlack slack;
    private LogCapture logs;

    @BeforeEach
    void start() throws Exception {
        slack = LocalSlack.start();
        logs = new LogCapture();
    }

    @AfterEach
    void stop() {
        slack.close();
        logs.close();
    }

    @Test
    void startUpSurvivesA503AndARateLimitLoggingOneLinePerAttemptWithoutStackTraces() throws Exception {
        slack.fail("auth.test", Fault.status(503));
        slack.fail("auth.test", Fault.rateLimited(1));
        slack.fail("auth.test", Fault.drop());
        Service service = Wiring.start(TestConfigs.forSlack(slack), false);
        try {
            assertEquals(4, slack.calls("auth.test").size());
            List<ILoggingEvent> attempts = logs.problems("Slack could not confirm the bot token yet");
            assertEquals(3, attempts.size(), "one line per failed attempt");
            assertTrue(attempts.get(0).getFormattedMessage().contains("http_503"));
            assertTrue(attempts.get(1).getFormattedMessage().contains("ratelimited"));
            attempts.forEach(e -> assertNull(e.getThrowableProxy(), "no stack trace"));
            assertTrue(logs.events().stream().anyMatch(e -> e.getFormattedMessage().contains("confirmed the bot token on attempt 4")));
        } finally {
            service.shutdown();
        }
    }

    @Test
    void aSlashCommandIsAnsweredWhileSlackIsStillConfirmingTheToken() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        slack.fail("auth.test", Fault.status(503), 2); // Slack's first two answers are 503s: about two seconds of retries
        CompletableFuture<Service> starting = CompletableFuture.supplyAsync(() -> {
            try {
                return Wiring.start(TestConfigs.forSlack(slack, "PORT", Integer.toString(port)), false);
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });
        try {
            SignedClient client = new SignedClient(port, TestConfigs.SECRET);
            HttpResponse<String> answer = null;
            for (int i = 0; i < 200 && answer == null; i++) {
                try {
                    answer = client.post(SlackPayloads.slashCommand("is soc 2 a certification?", "C1", "U1",
                            slack.responseUrl("early")));
                } catch (IOException notListeningYet) {
                    Thread.sleep(25);
                }
            }
            assertTrue(answer != null && answer.statusCode() == 200, "answered while start-up was still asking Slack");
            assertTrue(answer.body().contains("attestation"), answer.body());
            assertFalse(starting.isDone(), "the token was not confirmed yet");
        } finally {
            starting.get(30, TimeUnit.SECONDS).shutdown();
        }
        assertEquals(3, slack.calls("auth.test").size());
    }

    @Nested
    class ItStops {

        @ParameterizedTest
        @ValueSource(strings = {"invalid_auth", "not_authed", "account_inactive", "token_revoked"})
        void whenSlackRejectsTheTokenWithOneClearLine(String error) {
            slack.fail("auth.test", Fault.notOk(error));
            StartupException e = assertThrows(StartupException.class, () -> Wiring.start(TestConfigs.forSlack(slack), false));
            assertTrue(e.getMessage().contains("SLACK_BOT_TOKEN") && e.getMessage().contains(error), e.getMessage());
            assertFalse(e.getMessage().contains(TestConfigs.TOKEN), "the token itself is never printed");
            assertEquals(1, e.getMessage().lines().count());
            assertEquals(1, slack.calls("auth.test").size(), "a definite no is not asked again");
        }

        @Test
        void whenDatabaseUrlCannotBeReadBeforeAskingSlackAnything() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Wiring.start(
                    TestConfigs.forSlack(slack, "DATABASE_URL", "mysql://attest:pa55word@db/attest"), false));
            assertTrue(e.getMessage().startsWith("DATABASE_URL"), e.getMessage());
            assertFalse(e.getMessage().contains("pa55word"));
            assertEquals(1, e.getMessage().lines().count());
            assertEquals(0, slack.calls("auth.test").size());
        }

        @Test
        void whenTheDatabaseCannotBeReachedWithinTheStartupTimeout() {
            io.attest.store.StoreException e = assertThrows(io.attest.store.StoreException.class, () -> Wiring.start(
                    TestConfigs.forSlack(slack, "DATABASE_URL", "postgres://attest:pa55word@127.0.0.1:9/attest",
                            "ATTEST_STARTUP_TIMEOUT", "1s"), false));
            assertTrue(e.getMessage().startsWith("Cannot reach the database (PostgreSQL at 127.0.0.1:9/attest) within 1 s"),
                    e.getMessage());
            assertFalse(e.getMessage().contains("pa55word"));
            assertEquals(1, e.getMessage().lines().count());
            assertTrue(logs.problems("The database is not answering yet").size() >= 1, "it kept asking for a while");
            logs.problems("The database is not answering yet").forEach(l -> assertNull(l.getThrowableProxy(), "no stack trace"));
        }

        @Test
        void whenSlackCannotSayForLongerThanTheStartupTimeout() {
            slack.fail("auth.test", Fault.status(503), 1000);
            StartupException e = assertThrows(StartupException.class,
                    () -> Wiring.start(TestConfigs.forSlack(slack, "ATTEST_STARTUP_TIMEOUT", "2s"), false));
            assertTrue(e.getMessage().contains("did not confirm SLACK_BOT_TOKEN within 2 s"), e.getMessage());
            assertEquals(1, e.getMessage().lines().count());
            assertTrue(slack.calls("auth.test").size() >= 2, "it kept asking for a while");
        }
    }
}
