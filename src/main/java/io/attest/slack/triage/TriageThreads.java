package io.attest.slack.triage;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.Message;
import io.attest.slack.AfterAck;
import io.attest.slack.Asker;
import io.attest.slack.Delivery;
import io.attest.slack.Job;
import io.attest.slack.JobKind;
import io.attest.slack.Payloads;
import io.attest.slack.SlackWebApi;
import io.attest.slack.Telemetry;
import io.attest.slack.Texts;
import io.attest.slack.Texts.Text;
import io.attest.slack.WorkQueue;
import io.attest.profile.CoverageText;
import io.attest.triage.Recommendation;
import io.attest.triage.TriageEngine;
import io.attest.triage.TriageQuestion;
import io.attest.store.Claims;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The guided triage thread: a root message in the channel, one question per message in its thread, each
 * updated in place once answered (with who answered and a Change button), and a recommendation card at the
 * end. Anyone in the channel may answer. Its state travels in the buttons; the only memory is the store's
 * {@link Claims}, shared by every instance, which stops a double click (or one click delivered to two instances)
 * from posting the next question twice, and lets a click whose
 * posts failed be clicked again.
 */
public final class TriageThreads {

    /** Clicks are remembered for as long as a deal team might come back to a thread the same day. */
    private static final Duration CLICK_MEMORY = Duration.ofHours(6);
    /** A claim outlasts its job's deadline by this much; a holder that died before then frees it at the latest then. */
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(30);

    private final Supplier<TriageEngine> engines;
    private final TriageMessages messages;
    private final SlackWebApi api;
    private final AfterAck afterAck;
    private final Claims clicks;
    private final Clock clock;
    private final Telemetry telemetry;

    /**
     * @param whatWeHold how the reports we hold meet a recommendation, worked out when the card is posted; empty
     *                   without a report profile
     */
    public TriageThreads(Supplier<TriageEngine> engines, Texts texts, SlackWebApi api, AfterAck afterAck, Claims clicks,
                         Clock clock, Function<Recommendation, Optional<CoverageText>> whatWeHold, Telemetry telemetry) {
        this.engines = engines;
        this.messages = new TriageMessages(engines, texts, whatWeHold);
        this.api = api;
        this.afterAck = afterAck;
        this.clicks = clicks;
        this.clock = clock;
        this.telemetry = telemetry;
    }

    /** Read per use, so new wording (local mode reloads content) applies to the next message. */
    private TriageEngine engine() {
        return engines.get();
    }

    /** The "Start triage" button shown in help and declines. */
    public ObjectNode startButton() {
        return messages.startButton();
    }

    /**
     * Posts the root message and the first question; runs after the ack.
     *
     * @param asker how to tell the starter privately if the bot cannot post
     */
    public void start(Job job, String channel, String userId, String forWhom, Asker asker) throws InterruptedException {
        Outcome started = startThread(job, channel, userId, forWhom, asker);
        if (started.notice() != null) {
            afterAck.tellPrivately(job, asker, messages.notice(started.notice()));
        }
    }

    /** Handled when the root and the first question were both posted. */
    private Outcome startThread(Job job, String channel, String userId, String forWhom, Asker asker) throws InterruptedException {
        TriageState blank = new TriageState(forWhom, userId, "", Map.of(), 0);
        Delivery root = api.postMessage(job, channel, null, messages.root(blank, null));
        if (root.notInChannel()) {
            return new Outcome(false, messages.invite(blank));
        }
        if (!root.delivered()) {
            return new Outcome(false, afterAck.failureNotice(asker, root, Text.TRIAGE_START_FAILED));
        }
        TriageState state = new TriageState(forWhom, userId, root.ts(), Map.of(), 0);
        Delivery first = api.postMessage(job, channel, root.ts(),
                messages.question(engine().nextQuestion(state.answers()).orElseThrow(), state));
        if (first.delivered()) {
            telemetry.triageStarted();
        }
        return new Outcome(first.delivered(), afterAck.failureNotice(asker, first, Text.TRIAGE_START_FAILED));
    }

    /** "Start triage" under help or a decline. */
    public Response onStart(BlockActionRequest req, ActionContext ctx) {
        BlockActionPayload p = req.getPayload();
        String channel = Payloads.channel(p);
        String user = Payloads.user(p);
        if (channel == null || user == null) {
            return ctx.ack();
        }
        Asker asker = Asker.viaResponseUrl(user, channel, p.getResponseUrl());
        afterAck.submit(JobKind.STARTING_A_TRIAGE, null, asker, job -> start(job, channel, user, "", asker));
        return ctx.ack();
    }

    /** "Start over" on a recommendation card: one card starts one new triage, however often it is clicked. */
    public Response onRestart(BlockActionRequest req, ActionContext ctx) {
        BlockActionPayload p = req.getPayload();
        Optional<TriageState> state = TriageState.decode(Payloads.value(p));
        String channel = Payloads.channel(p);
        String user = Payloads.user(p);
        String cardTs = Payloads.messageTs(p);
        if (channel == null || user == null || cardTs == null) {
            return ctx.ack();
        }
        Asker asker = Asker.viaResponseUrl(user, channel, p.getResponseUrl());
        String forWhom = state.map(TriageState::forWhom).orElse("");
        handleOnce(cardTs + "#restart", JobKind.RESTARTING_A_TRIAGE, asker, job -> startThread(job, channel, user, forWhom, asker));
        return ctx.ack();
    }

    /** An answer button on a question. */
    public Response onAnswer(BlockActionRequest req, ActionContext ctx) {
        BlockActionPayload p = req.getPayload();
        String[] parts = Payloads.actionId(p).split(":");
        Optional<TriageState> decoded = TriageState.decode(Payloads.value(p));
        String messageTs = Payloads.messageTs(p);
        String channel = Payloads.channel(p);
        String user = Payloads.user(p);
        if (parts.length != 3 || decoded.isEmpty() || messageTs == null || channel == null || user == null
                || alreadyAnswered(p, parts[1])) {
            return ctx.ack();
        }
        String key = parts[1];
        String answer = parts[2];
        Asker asker = Asker.viaResponseUrl(user, channel, p.getResponseUrl());
        handleOnce(messageTs + "#" + decoded.get().version(), JobKind.RECORDING_A_TRIAGE_ANSWER, asker,
                job -> recordAnswer(job, channel, messageTs, key, answer, user, decoded.get(), asker));
        return ctx.ack();
    }

    /** "Change" on an answered question: asks it again. */
    public Response onChange(BlockActionRequest req, ActionContext ctx) {
        BlockActionPayload p = req.getPayload();
        Optional<TriageState> before = TriageState.decode(Payloads.value(p));
        String messageTs = Payloads.messageTs(p);
        String channel = Payloads.channel(p);
        String key = Payloads.blockId(p).replace(TriageActions.ANSWERED_BLOCK, "");
        if (before.isEmpty() || messageTs == null || channel == null) {
            return ctx.ack();
        }
        Asker asker = Asker.viaResponseUrl(Payloads.user(p), channel, p.getResponseUrl());
        handleOnce(messageTs + "#change" + before.get().version(), JobKind.REOPENING_A_TRIAGE_QUESTION, asker, job -> {
            TriageQuestion q;
            try {
                q = engine().content().question(key);
            } catch (IllegalArgumentException e) {
                return Outcome.NOTHING_TO_DO;
            }
            Delivery reopened = api.update(job, channel, messageTs, messages.question(q, before.get().without(key)));
            return new Outcome(reopened.delivered(), afterAck.failureNotice(asker, reopened, Text.TRIAGE_CLICK_FAILED));
        });
        return ctx.ack();
    }

    /**
     * What a click's work came to: handled when its posts went through, and what to tell the clicker, if anything.
     * The notice is sent after the click is released, so that a click on the same button right after it works.
     */
    private record Outcome(boolean handled, String notice) {
        static final Outcome NOTHING_TO_DO = new Outcome(true, null);
    }

    @FunctionalInterface
    private interface ClickWork {
        Outcome run(Job job) throws Exception;
    }

    /**
     * Does a click's work once, across every instance: a click already handled, or being handled, does nothing. The
     * click is claimed when its work starts (after the ack, so the ack never waits for the database) and counts as
     * handled only when its work went through; otherwise it is released, so the same button works when clicked again.
     */
    private void handleOnce(String click, JobKind what, Asker asker, ClickWork work) {
        afterAck.submit(what, null, asker, job -> {
            Duration left = Duration.between(clock.instant(), job.deadline());
            Claims.Claim claim = clicks.claim("click:" + click, (left.isNegative() ? Duration.ZERO : left).plus(LEASE_MARGIN));
            if (claim == null) {
                return;
            }
            Outcome outcome = null;
            try {
                outcome = work.run(job);
            } finally {
                if (outcome != null && outcome.handled()) {
                    claim.done(CLICK_MEMORY);
                } else {
                    claim.release();
                }
            }
            if (outcome.notice() != null) {
                afterAck.tellPrivately(job, asker, messages.notice(outcome.notice()));
            }
        });
    }

    /**
     * Shows the answer on the question, then posts what comes next. The question is updated first: if that fails,
     * nothing has changed and the same button can be clicked again.
     */
    private Outcome recordAnswer(Job job, String channel, String messageTs, String key, String answer, String user,
                                 TriageState before, Asker asker) throws InterruptedException {
        TriageState state = before.with(key, answer);
        TriageQuestion asked;
        try {
            asked = engine().content().question(key);
            engine().decide(state.answers());
        } catch (IllegalArgumentException e) {
            // A value Attest never put on a button (unknown question or answer): nothing to record.
            return Outcome.NOTHING_TO_DO;
        }
        Delivery updated = api.update(job, channel, messageTs, messages.answered(asked, answer, user, before));
        if (!updated.delivered()) {
            return new Outcome(false, afterAck.failureNotice(asker, updated, Text.TRIAGE_CLICK_FAILED));
        }
        Optional<TriageQuestion> next = engine().nextQuestion(state.answers());
        Recommendation outcome = next.isPresent() ? null : engine().decide(state.answers());
        Delivery posted = api.postMessage(job, channel, state.rootTs(),
                next.isPresent() ? messages.question(next.get(), state) : messages.recommendation(outcome, state));
        if (outcome != null && posted.delivered()) {
            telemetry.triageCompleted(outcome.reports());
            api.update(job, channel, state.rootTs(), messages.root(state, outcome));
        }
        // The answer is shown either way, and its buttons are gone: if what comes next is missing, the way on is
        // Change and answer again.
        return new Outcome(true, afterAck.failureNotice(asker, posted, Text.TRIAGE_NEXT_FAILED));
    }

    /** True when the clicked message no longer shows this question's buttons (answered, possibly by someone else). */
    private static boolean alreadyAnswered(BlockActionPayload p, String key) {
        Message message = Payloads.message(p);
        if (message == null || message.getBlocks() == null) {
            return false;
        }
        return message.getBlocks().stream().noneMatch(b -> b != null && (TriageActions.QUESTION_BLOCK + key).equals(b.getBlockId()));
    }
}
