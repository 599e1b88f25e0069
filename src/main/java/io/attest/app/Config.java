package io.attest.app;

import java.util.Map;
import java.util.Optional;

/**
 * Everything Attest reads from the environment, read once at start-up.
 * {@link #toString()} never shows the secret or the token.
 */
record Config(String signingSecret, String botToken, int port, String slackApiUrl, String intentsFolder) {

    static final int DEFAULT_PORT = 3000;

    static Config fromEnvironment(Map<String, String> env) {
        return new Config(
                blankToNull(env.get("SLACK_SIGNING_SECRET")),
                blankToNull(env.get("SLACK_BOT_TOKEN")),
                port(env.get("PORT")),
                blankToNull(env.get("SLACK_API_URL")),
                blankToNull(env.get("ATTEST_INTENTS")));
    }

    /** Without both Slack credentials Attest runs in local mode. */
    boolean localMode() {
        return signingSecret == null || botToken == null;
    }

    Optional<String> apiUrl() {
        return Optional.ofNullable(slackApiUrl);
    }

    Config withPort(int newPort) {
        return new Config(signingSecret, botToken, newPort, slackApiUrl, intentsFolder);
    }

    private static int port(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_PORT;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("PORT must be a number from 0 to 65535, not '" + value + "'");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    @Override
    public String toString() {
        return "Config[port=" + port + ", slackApiUrl=" + slackApiUrl + ", intents=" + intentsFolder
                + ", signingSecret=" + (signingSecret == null ? "unset" : "set")
                + ", botToken=" + (botToken == null ? "unset" : "set") + "]";
    }
}
