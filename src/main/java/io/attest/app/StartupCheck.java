package io.attest.app;

import io.attest.slack.SlackWebApi;
import io.attest.slack.SlackWebApi.AuthCheck;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * auth.test at start-up. Only a definite rejection of the token stops Attest; anything else (429, 5xx, a timeout, a
 * dropped connection) is Slack having a bad moment, waited out with backoff for a while, one line per attempt, so a
 * Slack incident does not put Attest into a crash loop.
 */
final class StartupCheck {

    private static final Logger LOG = LoggerFactory.getLogger(StartupCheck.class);
    private static final Duration FIRST_WAIT = Duration.ofSeconds(1);
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

    private StartupCheck() {
    }

    /**
     * @param patience how long to keep asking while Slack cannot say ({@code ATTEST_STARTUP_TIMEOUT})
     * @return the bot's own user id
     * @throws StartupException with the one line the operator needs, when Slack refuses the token or never answers
     */
    static String confirmToken(SlackWebApi api, Duration patience, Clock clock) throws StartupException, InterruptedException {
        return confirm(new Token("SLACK_BOT_TOKEN", "the bot token", "auth.test", "the bot token of your Slack app"), () -> {
            AuthCheck check = api.authTest();
            return new Answer(check.verdict(), check.userId(), check.error(), check.retryAfter());
        }, patience, clock);
    }

    /**
     * apps.connections.open with the app-level token, for Socket Mode: refused (a wrong, revoked or bot token, or one
     * without connections:write) stops start-up with one line; a Slack incident is waited out as for the bot token.
     *
     * @return the URL of the first Socket Mode connection
     */
    static String openSocketMode(SlackWebApi api, String appToken, Duration patience, Clock clock)
            throws StartupException, InterruptedException {
        return confirm(new Token("SLACK_APP_TOKEN", "the app token", "apps.connections.open",
                "the app-level token of your Slack app (Basic Information → App-Level Tokens, scope connections:write)"), () -> {
            SlackWebApi.ConnectionUrl url = api.openSocketModeConnection(appToken);
            return new Answer(url.verdict(), url.url(), url.error(), url.retryAfter());
        }, patience, clock);
    }

    /** Which token is checked, named as the operator knows it. */
    private record Token(String variable, String name, String method, String where) {
    }

    private record Answer(AuthCheck.Verdict verdict, String value, String error, Duration retryAfter) {
    }

    @FunctionalInterface
    private interface Ask {
        Answer ask() throws InterruptedException;
    }

    private static String confirm(Token token, Ask slack, Duration patience, Clock clock) throws StartupException, InterruptedException {
        Instant giveUpAt = clock.instant().plus(patience);
        for (int attempt = 1; ; attempt++) {
            Answer check = slack.ask();
            switch (check.verdict()) {
                case CONFIRMED -> {
                    if (attempt > 1) {
                        LOG.info("Slack confirmed {} on attempt {}", token.name(), attempt);
                    }
                    return check.value();
                }
                case REFUSED -> throw new StartupException("Slack rejected " + token.variable() + " (" + check.error()
                        + "). Check " + token.where() + ", then start Attest again.");
                case TRY_AGAIN -> {
                    Duration wait = check.retryAfter() != null ? check.retryAfter() : backoff(attempt);
                    if (clock.instant().plus(wait).isAfter(giveUpAt)) {
                        throw new StartupException("Slack did not confirm " + token.variable() + " within " + patience.toSeconds()
                                + " s (" + token.method() + ": " + check.error() + "); giving up. Check status.slack.com and start again.");
                    }
                    LOG.warn("Slack could not confirm {} yet ({}: {}, attempt {}); asking again in {} s", token.name(),
                            token.method(), check.error(), attempt, String.format(java.util.Locale.ROOT, "%.1f", wait.toMillis() / 1000.0));
                    Thread.sleep(wait.toMillis());
                }
                default -> throw new IllegalStateException(check.verdict().name());
            }
        }
    }

    private static Duration backoff(int attempt) {
        long ceiling = Math.min(LONGEST_WAIT.toMillis(), FIRST_WAIT.toMillis() << Math.min(attempt - 1, 10));
        return Duration.ofMillis(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
    }
}
