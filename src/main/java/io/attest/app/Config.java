package io.attest.app;

import io.attest.store.StoreSettings;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * @param databaseUrl   PostgreSQL ({@code DATABASE_URL}); null for the embedded database. Never shown: it holds a password
 * @param dataFolder    the embedded database's folder ({@code ATTEST_DATA}); null for ./data
 * @param owners        content owners' Slack user ids ({@code ATTEST_OWNERS}): they see and work the gap queue
 * @param expertsChannel the channel id questions are taken to people in ({@code ATTEST_EXPERTS_CHANNEL}); null for none
 * @param retentionDays how long question text is kept ({@code ATTEST_RETENTION_DAYS})
 * @param appToken     the app-level token ({@code SLACK_APP_TOKEN}, xapp-…): Socket Mode instead of HTTP; null for HTTP
 * @param metricsPort  where /metrics is served on a listener of its own ({@code METRICS_PORT}); null for none
 * @param metricsToken the bearer token /metrics requires ({@code METRICS_TOKEN}); null for none
 * @param jsonLogs     one JSON object a line ({@code LOG_FORMAT=json}); read by the logging set-up itself, checked here
 */
record Config(String signingSecret, String botToken, int port, String slackApiUrl, String intentsFolder,
              int workThreads, int workQueue, Duration slackDeadline, Duration slackTimeout, Duration shutdownGrace,
              Duration startupTimeout, String databaseUrl, String dataFolder, Set<String> owners, String expertsChannel,
              int retentionDays, String appToken, Integer metricsPort, String metricsToken, boolean jsonLogs) {

    static final int DEFAULT_PORT = 3000;
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m)?");
    private static final Pattern USER_ID = Pattern.compile("[UW][A-Z0-9]{2,20}");
    private static final Pattern CHANNEL_ID = Pattern.compile("[CG][A-Z0-9]{2,20}");

    Config {
        owners = Set.copyOf(owners);
    }

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
                blankToNull(env.get("DATABASE_URL")),
                blankToNull(env.get("ATTEST_DATA")),
                owners(env.get("ATTEST_OWNERS")),
                channel(env.get("ATTEST_EXPERTS_CHANNEL")),
                number(env, "ATTEST_RETENTION_DAYS", 90, 1, 3650),
                appToken(env, botToken),
                metricsPort,
                metricsToken(env),
                jsonLogs(env));
    }

    /** Where the store is; a DATABASE_URL that cannot be read throws with one line naming it (never its value). */
    StoreSettings store() {
        return StoreSettings.of(databaseUrl, dataFolder);
    }

    /** The same configuration with these owners added (local mode makes the person at the console one). */
    Config withOwner(String userId) {
        Set<String> more = new LinkedHashSet<>(owners);
        more.add(userId);
        return new Config(signingSecret, botToken, port, slackApiUrl, intentsFolder, workThreads, workQueue, slackDeadline,
                slackTimeout, shutdownGrace, startupTimeout, databaseUrl, dataFolder, more, expertsChannel, retentionDays, appToken,
                metricsPort, metricsToken, jsonLogs);
    }

    /** The same configuration with this experts' channel, unless one is configured. */
    Config withExpertsIfNone(String channel) {
        return expertsChannel != null ? this : new Config(signingSecret, botToken, port, slackApiUrl, intentsFolder, workThreads,
                workQueue, slackDeadline, slackTimeout, shutdownGrace, startupTimeout, databaseUrl, dataFolder, owners, channel,
                retentionDays, appToken, metricsPort, metricsToken, jsonLogs);
    }

    Optional<String> experts() {
        return Optional.ofNullable(expertsChannel);
    }

    private static Set<String> owners(String value) {
        Set<String> ids = new LinkedHashSet<>();
        if (value == null || value.isBlank()) {
            return ids;
        }
        for (String part : value.split("[,\\s]+")) {
            String id = part.trim();
            if (id.isEmpty()) {
                continue;
            }
            if (!USER_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("ATTEST_OWNERS must be Slack user ids (U…) separated by commas, not '" + id + "'");
            }
            ids.add(id);
        }
        return ids;
    }

    private static String channel(String value) {
        String id = blankToNull(value);
        if (id != null && !CHANNEL_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("ATTEST_EXPERTS_CHANNEL must be a channel id (C… or G…, shown in the channel's "
                    + "details), not '" + id + "'");
        }
        return id;
    }

    private static int number(Map<String, String> env, String name, int fallback, int min, int max) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number from " + min + " to " + max + ", not '" + value + "'");
        }
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
                + ", databaseUrl=" + (databaseUrl == null ? "unset" : "set") + ", data=" + dataFolder + ", owners=" + owners
                + ", expertsChannel=" + expertsChannel + ", retentionDays=" + retentionDays
                + ", signingSecret=" + (signingSecret == null ? "unset" : "set")
                + ", botToken=" + (botToken == null ? "unset" : "set") + ", appToken=" + (appToken == null ? "unset" : "set")
                + ", metricsPort=" + metricsPort + ", metricsToken=" + (metricsToken == null ? "unset" : "set")
                + ", logFormat=" + (jsonLogs ? "json" : "text") + "]";
    }
}
