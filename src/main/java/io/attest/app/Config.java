package io.attest.app;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything Attest reads from the environment, read once at start-up. A value that cannot be read stops start-up
 * with one line naming the variable. {@link #toString()} never shows the secret or the token.
 *
 * @param workThreads  threads answering after the ack ({@code ATTEST_WORK_THREADS})
 * @param workQueue    answers that may wait for a thread before new ones are refused ({@code ATTEST_WORK_QUEUE})
 * @param slackDeadline how long one answer may keep retrying Slack's Web API ({@code ATTEST_SLACK_DEADLINE})
 * @param slackTimeout  how long one Web API attempt may take ({@code ATTEST_SLACK_TIMEOUT})
 * @param shutdownGrace how long a shutdown may spend finishing accepted work ({@code ATTEST_SHUTDOWN_GRACE}); inside
 *                      the 30 s most platforms allow between SIGTERM and SIGKILL
 * @param startupTimeout how long start-up keeps asking Slack to confirm the token while Slack cannot say
 *                      ({@code ATTEST_STARTUP_TIMEOUT})
 * @param appToken     the app-level token ({@code SLACK_APP_TOKEN}, xapp-…): Socket Mode instead of HTTP; null for HTTP
 * @param metricsPort  where /metrics is served on a listener of its own ({@code METRICS_PORT}); null for none
 * @param metricsToken the bearer token /metrics requires ({@code METRICS_TOKEN}); null for none
 * @param jsonLogs     one JSON object a line ({@code LOG_FORMAT=json}); read by the logging set-up itself, checked here
 */
record Config(String signingSecret, String botToken, int port, String slackApiUrl, String intentsFolder,
              int workThreads, int workQueue, Duration slackDeadline, Duration slackTimeout, Duration shutdownGrace,
              Duration startupTimeout, String appToken, Integer metricsPort, String metricsToken, boolean jsonLogs) {

    static final int DEFAULT_PORT = 3000;
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m)?");

    /** A bearer token shorter than this is too easy to guess for something on a public port. */
    static final int METRICS_TOKEN_MIN_LENGTH = 16;

    static Config fromEnvironment(Map<String, String> env) {
        String botToken = blankToNull(env.get("SLACK_BOT_TOKEN"));
        Integer metricsPort = env.get("METRICS_PORT") == null || env.get("METRICS_PORT").isBlank() ? null
                : port("METRICS_PORT", env.get("METRICS_PORT"));
        int port = port("PORT", env.get("PORT"));
        if (metricsPort != null && metricsPort != 0 && metricsPort == port) {
            throw new IllegalArgumentException("METRICS_PORT must differ from PORT (" + port + "): /metrics gets a listener of its own");
        }
        return new Config(
                blankToNull(env.get("SLACK_SIGNING_SECRET")),
                botToken,
                port,
                blankToNull(env.get("SLACK_API_URL")),
                blankToNull(env.get("ATTEST_INTENTS")),
                count(env, "ATTEST_WORK_THREADS", 8),
                count(env, "ATTEST_WORK_QUEUE", 200),
                duration(env, "ATTEST_SLACK_DEADLINE", Duration.ofSeconds(60)),
                duration(env, "ATTEST_SLACK_TIMEOUT", Duration.ofSeconds(10)),
                duration(env, "ATTEST_SHUTDOWN_GRACE", Duration.ofSeconds(25)),
                duration(env, "ATTEST_STARTUP_TIMEOUT", Duration.ofMinutes(2)),
                appToken(env, botToken),
                metricsPort,
                metricsToken(env),
                jsonLogs(env));
    }

    /** Without Slack credentials (the bot token, and a signing secret or an app token) Attest runs in local mode. */
    boolean localMode() {
        return botToken == null || signingSecret == null && appToken == null;
    }

    /** Socket Mode: Attest connects to Slack instead of serving /slack/events. */
    boolean socketMode() {
        return appToken != null && !localMode();
    }

    /** /metrics is served (and counted) only when it is protected: on a port of its own, or behind a bearer token. */
    boolean metricsEnabled() {
        return metricsPort != null || metricsToken != null;
    }

    /**
     * An app-level token, never printed. One for a bot token (a common mix-up) or without a bot token stops start-up:
     * Socket Mode needs both.
     */
    private static String appToken(Map<String, String> env, String botToken) {
        String token = blankToNull(env.get("SLACK_APP_TOKEN"));
        if (token == null) {
            return null;
        }
        if (!token.startsWith("xapp-")) {
            throw new IllegalArgumentException("SLACK_APP_TOKEN must be an app-level token (it starts with xapp-; "
                    + "Basic Information → App-Level Tokens, with the connections:write scope)");
        }
        if (botToken == null) {
            throw new IllegalArgumentException("SLACK_APP_TOKEN is set but SLACK_BOT_TOKEN is not: Socket Mode needs both");
        }
        return token;
    }

    private static String metricsToken(Map<String, String> env) {
        String token = blankToNull(env.get("METRICS_TOKEN"));
        if (token != null && token.length() < METRICS_TOKEN_MIN_LENGTH) {
            throw new IllegalArgumentException("METRICS_TOKEN must be at least " + METRICS_TOKEN_MIN_LENGTH
                    + " characters (for example: openssl rand -hex 32)");
        }
        return token;
    }

    private static boolean jsonLogs(Map<String, String> env) {
        String value = blankToNull(env.get("LOG_FORMAT"));
        if (value == null || value.equalsIgnoreCase("text")) {
            return false;
        }
        if (value.equalsIgnoreCase("json")) {
            return true;
        }
        throw new IllegalArgumentException("LOG_FORMAT must be json or text, not '" + value + "'");
    }

    Optional<String> apiUrl() {
        return Optional.ofNullable(slackApiUrl);
    }

    private static int port(String name, String value) {
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
            throw new IllegalArgumentException(name + " must be a number from 0 to 65535, not '" + value + "'");
        }
    }

    private static int count(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n < 1 || n > 100_000) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number from 1 to 100000, not '" + value + "'");
        }
    }

    /** "25", "25s", "500ms" or "2m"; a bare number is seconds. */
    private static Duration duration(Map<String, String> env, String name, Duration fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        Matcher m = DURATION.matcher(value.trim().toLowerCase(Locale.ROOT));
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new IllegalArgumentException(name + " must be a duration such as 25s, 500ms or 2m, not '" + value + "'");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofSeconds(n);
        };
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    @Override
    public String toString() {
        return "Config[port=" + port + ", slackApiUrl=" + slackApiUrl + ", intents=" + intentsFolder
                + ", workThreads=" + workThreads + ", workQueue=" + workQueue + ", slackDeadline=" + slackDeadline + ", slackTimeout=" + slackTimeout + ", shutdownGrace=" + shutdownGrace + ", startupTimeout=" + startupTimeout
                + ", signingSecret=" + (signingSecret == null ? "unset" : "set")
                + ", botToken=" + (botToken == null ? "unset" : "set") + ", appToken=" + (appToken == null ? "unset" : "set")
                + ", metricsPort=" + metricsPort + ", metricsToken=" + (metricsToken == null ? "unset" : "set")
                + ", logFormat=" + (jsonLogs ? "json" : "text") + "]";
    }
}
