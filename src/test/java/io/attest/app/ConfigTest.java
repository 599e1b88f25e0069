package io.attest.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigTest {

    @Test
    void withBothCredentialsAttestTalksToSlack() {
        Config config = Config.fromEnvironment(Map.of("SLACK_SIGNING_SECRET", "s3cr3t", "SLACK_BOT_TOKEN", "xoxb-1", "PORT", "8080"));
        assertFalse(config.localMode());
        assertEquals(8080, config.port());
    }

    @Test
    void withoutEitherCredentialAttestStartsInLocalMode() {
        assertTrue(Config.fromEnvironment(Map.of()).localMode());
        assertTrue(Config.fromEnvironment(Map.of("SLACK_BOT_TOKEN", "xoxb-1")).localMode());
        assertTrue(Config.fromEnvironment(Map.of("SLACK_SIGNING_SECRET", " ", "SLACK_BOT_TOKEN", "xoxb-1")).localMode());
    }

    @Test
    void thePortDefaultsTo3000AndMustBeANumber() {
        assertEquals(3000, Config.fromEnvironment(Map.of()).port());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Config.fromEnvironment(Map.of("PORT", "eighty")));
        assertTrue(e.getMessage().contains("PORT"));
    }

    @Test
    void defaultsSuitAPlatformThatGivesThirtySecondsBetweenSigtermAndSigkill() {
        Config defaults = Config.fromEnvironment(Map.of());
        assertEquals(8, defaults.workThreads());
        assertEquals(200, defaults.workQueue());
        assertEquals(java.time.Duration.ofSeconds(60), defaults.slackDeadline());
        assertEquals(java.time.Duration.ofSeconds(10), defaults.slackTimeout());
        assertEquals(java.time.Duration.ofSeconds(25), defaults.shutdownGrace(), "inside the 30 s most platforms give");
        assertEquals(java.time.Duration.ofMinutes(2), defaults.startupTimeout());
        Config tuned = Config.fromEnvironment(Map.of("ATTEST_WORK_THREADS", "2", "ATTEST_WORK_QUEUE", "50",
                "ATTEST_SLACK_DEADLINE", "90s"));
        assertEquals(2, tuned.workThreads());
        assertEquals(50, tuned.workQueue());
        assertEquals(java.time.Duration.ofSeconds(90), tuned.slackDeadline());
    }

    @Test
    void durationsReadAsSecondsMillisecondsOrMinutes() {
        assertEquals(java.time.Duration.ofSeconds(25), Config.fromEnvironment(Map.of("ATTEST_SLACK_DEADLINE", "25")).slackDeadline());
        assertEquals(java.time.Duration.ofMillis(500), Config.fromEnvironment(Map.of("ATTEST_SLACK_DEADLINE", "500ms")).slackDeadline());
        assertEquals(java.time.Duration.ofMinutes(2), Config.fromEnvironment(Map.of("ATTEST_SLACK_DEADLINE", "2m")).slackDeadline());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"ATTEST_WORK_THREADS, 0", "ATTEST_WORK_THREADS, many", "ATTEST_WORK_QUEUE, -5",
            "ATTEST_SLACK_DEADLINE, soon", "ATTEST_SLACK_DEADLINE, 0s", "ATTEST_SLACK_DEADLINE, 5h",
            "ATTEST_SLACK_TIMEOUT, -1", "ATTEST_SHUTDOWN_GRACE, 25 seconds", "ATTEST_OWNERS, alice", "ATTEST_OWNERS, 'U1ABC,@bob'",
            "ATTEST_EXPERTS_CHANNEL, #compliance", "ATTEST_RETENTION_DAYS, 0", "ATTEST_RETENTION_DAYS, forever",
            "METRICS_PORT, 70000", "METRICS_PORT, nine", "METRICS_TOKEN, short", "LOG_FORMAT, yaml",
            "SLACK_APP_TOKEN, xoxb-a-bot-token-by-mistake"})
    void aValueThatCannotBeReadStopsStartUpNamingTheVariable(String name, String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Config.fromEnvironment(Map.of(name, value)));
        assertTrue(e.getMessage().startsWith(name), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void theStoreOwnersExpertsAndRetentionHaveDefaultsAndAreRead() {
        Config defaults = Config.fromEnvironment(Map.of());
        assertEquals(90, defaults.retentionDays());
        assertTrue(defaults.owners().isEmpty());
        assertTrue(defaults.experts().isEmpty());
        assertEquals(io.attest.store.StoreSettings.Engine.H2, defaults.store().engine());
        assertTrue(defaults.store().describe().endsWith("data"), "the embedded database is under ./data by default");
        Config set = Config.fromEnvironment(Map.of("ATTEST_OWNERS", "U0AAA1, U0BBB2", "ATTEST_EXPERTS_CHANNEL", "C0EXPERTS",
                "ATTEST_RETENTION_DAYS", "30", "DATABASE_URL", "postgres://a:b@db:5432/attest"));
        assertEquals(java.util.Set.of("U0AAA1", "U0BBB2"), set.owners());
        assertEquals("C0EXPERTS", set.experts().orElseThrow());
        assertEquals(30, set.retentionDays());
        assertEquals(io.attest.store.StoreSettings.Engine.POSTGRESQL, set.store().engine());
    }

    @Test
    void printingTheConfigNeverShowsTheSecretOrTheToken() {
        String printed = Config.fromEnvironment(Map.of("SLACK_SIGNING_SECRET", "s3cr3t-value", "SLACK_BOT_TOKEN", "xoxb-secret-token",
                "SLACK_APP_TOKEN", "xapp-secret-app-token", "METRICS_TOKEN", "secret-metrics-token-0123",
                "DATABASE_URL", "postgres://attest:db-passw0rd@db:5432/attest")).toString();
        assertFalse(printed.contains("s3cr3t-value"));
        assertFalse(printed.contains("xoxb-secret-token"));
        assertFalse(printed.contains("xapp-secret-app-token"));
        assertFalse(printed.contains("secret-metrics-token-0123"));
        assertFalse(printed.contains("db-passw0rd"));
        assertTrue(printed.contains("signingSecret=set"));
        assertTrue(printed.contains("appToken=set"));
    }

    @Test
    void anAppTokenMeansSocketModeWhichNeedsNoSigningSecret() {
        Config socket = Config.fromEnvironment(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xapp-1"));
        assertFalse(socket.localMode());
        assertTrue(socket.socketMode());
        Config http = Config.fromEnvironment(Map.of("SLACK_SIGNING_SECRET", "s", "SLACK_BOT_TOKEN", "xoxb-1"));
        assertFalse(http.socketMode());
        assertTrue(Config.fromEnvironment(Map.of("SLACK_SIGNING_SECRET", "s", "SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xapp-1"))
                .socketMode(), "with both, Socket Mode: no public URL is needed");
    }

    @Test
    void anAppTokenWithoutABotTokenStopsStartUpRatherThanFallingBackToLocalMode() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Config.fromEnvironment(Map.of("SLACK_APP_TOKEN", "xapp-1")));
        assertTrue(e.getMessage().contains("SLACK_BOT_TOKEN"), e.getMessage());
    }

    @Test
    void aBotTokenGivenAsTheAppTokenIsRefusedWithoutPrintingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Config.fromEnvironment(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xoxb-the-bot-token")));
        assertTrue(e.getMessage().contains("xapp-"), e.getMessage());
        assertFalse(e.getMessage().contains("xoxb-the-bot-token"));
    }

    @Test
    void metricsAreOffUnlessAPortOrATokenProtectsThem() {
        assertFalse(Config.fromEnvironment(Map.of()).metricsEnabled());
        assertTrue(Config.fromEnvironment(Map.of("METRICS_PORT", "9464")).metricsEnabled());
        assertTrue(Config.fromEnvironment(Map.of("METRICS_TOKEN", "0123456789abcdef")).metricsEnabled());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Config.fromEnvironment(Map.of("PORT", "8080", "METRICS_PORT", "8080")));
        assertTrue(e.getMessage().startsWith("METRICS_PORT must differ from PORT"), e.getMessage());
    }
}
