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
        Instant giveUpAt = clock.instant().plus(patience);
        for (int attempt = 1; ; attempt++) {
            AuthCheck check = api.authTest();
            switch (check.verdict()) {
                case CONFIRMED -> {
                    if (attempt > 1) {
                        LOG.info("Slack confirmed the bot token on attempt {}", attempt);
                    }
                    return check.userId();
                }
                case REFUSED -> throw new StartupException("Slack rejected SLACK_BOT_TOKEN (" + check.error()
                        + "). Check the bot token of your Slack app, then start Attest again.");
                case TRY_AGAIN -> {
                    Duration wait = check.retryAfter() != null ? check.retryAfter() : backoff(attempt);
                    if (clock.instant().plus(wait).isAfter(giveUpAt)) {
                        throw new StartupException("Slack did not confirm SLACK_BOT_TOKEN within " + patience.toSeconds()
                                + " s (auth.test: " + check.error() + "); giving up. Check status.slack.com and start again.");
                    }
                    LOG.warn("Slack could not confirm the bot token yet (auth.test: {}, attempt {}); asking again in {} s",
                            check.error(), attempt, String.format(java.util.Locale.ROOT, "%.1f", wait.toMillis() / 1000.0));
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
