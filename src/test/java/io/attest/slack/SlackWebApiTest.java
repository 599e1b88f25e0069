package io.attest.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.attest.local.LocalSlack;
import io.attest.local.LocalSlack.Fault;
import io.attest.testing.LogCapture;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The Web API client against a Slack that fails the way Slack fails. */
class SlackWebApiTest {

    private static final AtomicInteger CHANNELS = new AtomicInteger();
    private final LocalSlack slack = start();
    private final List<String> refusedTokens = new CopyOnWriteArrayList<>();
    private final SlackWebApi api = new SlackWebApi(slack.apiUrl(), "xoxb-test", Duration.ofSeconds(1), refusedTokens::add, Telemetry.NONE);
    private final LogCapture logs = new LogCapture();
    private final String channel = "CAPI" + CHANNELS.incrementAndGet();

    @AfterEach
    void stop() {
        slack.close();
        logs.close();
    }

    @Nested
    class WhatSlackDidNotDoIsSentAgain {

        @Test
        void a429WaitsAsLongAsRetryAfterSays() throws Exception {
            slack.fail("chat.postMessage", Fault.rateLimited(1));
            Instant before = Instant.now();
            assertTrue(post().delivered());
            assertTrue(Duration.between(before, Instant.now()).toMillis() >= 1000, "Retry-After: 1 was honoured");
            assertEquals(1, posted());
        }

        @Test
        void a429HoldsBackTheMethodsOtherCallsUntilRetryAfterHasPassed() throws Exception {
            slack.fail("chat.postMessage", Fault.rateLimited(2));
            Thread first = new Thread(() -> {
                try {
                    post();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            first.start();
            slack.await(c -> c.outcome().equals("http 429"), 1);
            Instant limited = Instant.now();
            assertTrue(post().delivered());
            assertTrue(Duration.between(limited, Instant.now()).toMillis() >= 1500, "the second call waited for the hold");
            first.join(20_000);
            assertEquals(2, posted());
        }

        @Test
        void a503IsRetriedWithBackoff() throws Exception {
            slack.fail("chat.postMessage", Fault.status(503), 2);
            assertTrue(post().delivered());
            assertEquals(3, slack.calls("chat.postMessage").size());
            assertEquals(1, posted());
        }

        @Test
        void whenSlackKeepsFailingTheCallGivesUpAtTheDeadlineAndSaysSoOnce() throws Exception {
            slack.fail("chat.postMessage", Fault.status(503), 1000);
            Delivery d = api.postMessage(job(Duration.ofSeconds(2)), channel, null, message("hello"));
            assertEquals(Delivery.Status.UNAVAILABLE, d.status());
            assertEquals(1, logs.problems("chat.postMessage gave up", "http_503", "[Ev-api]").size());
            assertEquals(0, posted());
        }
    }

    @Nested
    class APostThatMayHaveArrivedIsLookedForBeforeItIsSentAgain {

        @Test
        void aConnectionDroppedAfterSlackPostedItIsNotPostedTwice() throws Exception {
            slack.fail("chat.postMessage", Fault.dropAfterDoingIt());
            Delivery d = post();
            assertTrue(d.delivered());
            assertEquals(1, posted());
            assertEquals(1, slack.calls("chat.postMessage").size(), "found, so not sent again");
            assertEquals(1, slack.calls("conversations.history").size());
            assertEquals(slack.workspace().messages(channel).get(0).ts(), d.ts());
        }

        @Test
        void anAnswerThatCameTooLateIsFoundInTheThreadAndNotPostedTwice() throws Exception {
            String root = rootMessage();
            slack.fail("chat.postMessage", Fault.lateAnswer(Duration.ofSeconds(3)));
            assertTrue(api.postMessage(job(Duration.ofSeconds(30)), channel, root, message("in the thread")).delivered());
            assertEquals(1, slack.calls("conversations.replies").size());
            assertEquals(2, posted(), "the root and one reply");
        }

        @Test
        void aConnectionDroppedBeforeSlackDidAnythingIsPostedAgainOnce() throws Exception {
            slack.fail("chat.postMessage", Fault.drop());
            assertTrue(post().delivered());
            assertEquals(2, slack.calls("chat.postMessage").size());
            assertEquals(1, posted());
        }

        @Test
        void a500IsLookedForAndThenPostedAgain() throws Exception {
            slack.fail("chat.postMessage", Fault.status(500));
            slack.fail("chat.postMessage", Fault.notOk("internal_error"));
            assertTrue(post().delivered());
            assertEquals(2, slack.calls("conversations.history").size());
            assertEquals(1, posted());
        }

        @Test
        void whenSlackWillNotListTheChannelThePostIsNotSentAgain() throws Exception {
            slack.fail("chat.postMessage", Fault.drop());
            slack.fail("conversations.history", Fault.notOk("missing_scope"));
            Delivery d = post();
            assertEquals(Delivery.Status.UNCERTAIN, d.status());
            assertEquals(1, slack.calls("chat.postMessage").size());
            assertEquals(1, logs.problems("chat.postMessage may not have arrived", "[Ev-api]").size());
        }
    }

    @Nested
    class WhatCannotBeLookedForIsNeverSentTwice {

        @Test
        void anEphemeralMessageWhoseConnectionDroppedIsNotSentAgain() throws Exception {
            slack.fail("chat.postEphemeral", Fault.dropAfterDoingIt());
            Delivery d = api.postEphemeral(job(Duration.ofSeconds(30)), channel, "U1", null, message("only you"));
            assertEquals(Delivery.Status.UNCERTAIN, d.status());
            assertEquals(1, slack.calls("chat.postEphemeral").size(), "neither Attest nor its HTTP client sent it again");
            assertEquals(1, logs.problems("chat.postEphemeral may not have arrived", "connection_dropped").size());
        }

        @Test
        void anUpdateIsSimplySentAgainBecauseTwiceIsTheSameAsOnce() throws Exception {
            String ts = rootMessage();
            slack.fail("chat.update", Fault.status(500));
            slack.fail("chat.update", Fault.dropAfterDoingIt());
            assertTrue(api.update(job(Duration.ofSeconds(30)), channel, ts, message("updated")).delivered());
            assertEquals(3, slack.calls("chat.update").size());
            assertEquals("updated", slack.workspace().messages(channel).get(0).text());
        }

        @Test
        void aResponseUrlReplacementIsSentAgainButANewResponseUrlMessageIsNot() throws Exception {
            slack.fail("response_url", Fault.status(502));
            assertTrue(api.respond(job(Duration.ofSeconds(30)), slack.responseUrl("r1"),
                    message("x").toEphemeralJson().put("replace_original", true)).delivered());
            slack.fail("response_url", Fault.status(502));
            assertEquals(Delivery.Status.UNCERTAIN, api.respond(job(Duration.ofSeconds(30)), slack.responseUrl("r2"),
                    message("x").toEphemeralJson().put("replace_original", false)).status());
            assertEquals(3, slack.calls("response_url").size());
        }
    }

    @Nested
    class WhatSlackRefusesIsFinal {

        @Test
        void aPermanentErrorIsNotRetriedAndIsLoggedOnceWithMethodErrorAndCorrelationId() throws Exception {
            slack.fail("chat.postMessage", Fault.notOk("is_archived"));
            Delivery d = post();
            assertEquals(Delivery.Status.REJECTED, d.status());
            assertEquals("is_archived", d.error());
            assertEquals(1, slack.calls("chat.postMessage").size());
            List<ILoggingEvent> lines = logs.problems("chat.postMessage", "is_archived");
            assertEquals(1, lines.size());
            assertEquals(Level.WARN, lines.get(0).getLevel());
            assertTrue(lines.get(0).getFormattedMessage().contains("answering a mention [Ev-api]"));
        }

        @Test
        void aRevokedTokenIsLoggedLoudlyAndReported() throws Exception {
            slack.rejectTokensWith("token_revoked");
            Delivery d = post();
            assertTrue(d.tokenRefused());
            assertEquals(List.of("token_revoked"), refusedTokens);
            List<ILoggingEvent> lines = logs.problems("chat.postMessage failed: token_revoked", "SLACK_BOT_TOKEN");
            assertEquals(1, lines.size());
            assertEquals(Level.ERROR, lines.get(0).getLevel());
        }

        @Test
        void noLogLineShowsTheTokenOrAResponseUrl() throws Exception {
            slack.fail("response_url", Fault.status(404));
            api.respond(job(Duration.ofSeconds(5)), slack.responseUrl("secret-hook"), message("x").toEphemeralJson());
            slack.rejectTokensWith("invalid_auth");
            post();
            assertFalse(logs.events().isEmpty());
            for (ILoggingEvent e : logs.events()) {
                assertFalse(e.getFormattedMessage().contains("xoxb-test"), e.getFormattedMessage());
                assertFalse(e.getFormattedMessage().contains("secret-hook"), e.getFormattedMessage());
            }
        }
    }

    @Nested
    class AtStartUp {

        @Test
        void authTestSaysWhoTheBotIs() throws Exception {
            SlackWebApi.AuthCheck check = api.authTest();
            assertEquals(SlackWebApi.AuthCheck.Verdict.CONFIRMED, check.verdict());
            assertEquals(LocalSlack.BOT_USER_ID, check.userId());
        }

        @Test
        void onlyADefiniteRejectionIsARefusal() throws Exception {
            slack.fail("auth.test", Fault.status(503));
            slack.fail("auth.test", Fault.rateLimited(3));
            slack.fail("auth.test", Fault.drop());
            slack.fail("auth.test", Fault.notOk("internal_error"));
            for (int i = 0; i < 4; i++) {
                assertEquals(SlackWebApi.AuthCheck.Verdict.TRY_AGAIN, api.authTest().verdict());
            }
            slack.fail("auth.test", Fault.notOk("account_inactive"));
            assertEquals(SlackWebApi.AuthCheck.Verdict.REFUSED, api.authTest().verdict());
        }
    }

    private Delivery post() throws InterruptedException {
        return api.postMessage(job(Duration.ofSeconds(30)), channel, null, message("hello"));
    }

    private String rootMessage() throws InterruptedException {
        return api.postMessage(job(Duration.ofSeconds(30)), channel, null, message("root")).ts();
    }

    /** Messages the bot posted in this test's channel, as Slack holds them. */
    private long posted() {
        slack.settle();
        return slack.workspace().messages(channel).size();
    }

    private static Job job(Duration deadline) {
        return new Job(JobKind.ANSWERING_A_MENTION, "Ev-api", Instant.now(), Instant.now().plus(deadline),
                new java.util.concurrent.atomic.AtomicReference<>());
    }

    private static SlackMessage message(String text) {
        return new SlackMessage(text, BlockKit.blocks().add(BlockKit.section(text)));
    }

    private static LocalSlack start() {
        try {
            return LocalSlack.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
