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
    void printingTheConfigNeverShowsTheSecretOrTheToken() {
        String printed = Config.fromEnvironment(Map.of("SLACK_SIGNING_SECRET", "s3cr3t-value", "SLACK_BOT_TOKEN", "xoxb-secret-token")).toString();
        assertFalse(printed.contains("s3cr3t-value"));
        assertFalse(printed.contains("xoxb-secret-token"));
        assertTrue(printed.contains("signingSecret=set"));
    }
}
