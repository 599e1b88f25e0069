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
import io.attest.slack.EventDeduplicator;
import io.attest.slack.Job;
import io.attest.slack.Payloads;
import io.attest.slack.SlackMessage;
import io.attest.slack.SlackWebApi;
import io.attest.slack.Texts;
import io.attest.slack.Texts.Text;
import io.attest.triage.Recommendation;
import io.attest.triage.TriageEngine;
import io.attest.triage.TriageQuestion;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The guided triage thread: a root message in the channel, one question per message in its thread, each
 * updated in place once answered (with who answered and a Change button), and a recommendation card at the
 * end. Anyone in the channel may answer. Its state travels in the buttons; the only memory here is a short
 * list of clicks already taken, which stops a double click from posting the next question twice.
 */
public final class TriageThreads {

    private final Supplier<TriageEngine> engines;
    private final TriageMessages messages;
    private final SlackWebApi api;
    private final AfterAck afterAck;
    private final EventDeduplicator clicks;

    public TriageThreads(Supplier<TriageEngine> engines, Texts texts, SlackWebApi api, AfterAck afterAck, Clock clock) {
        this.engines = engines;
        this.messages = new TriageMessages(engines, texts);
        this.api = api;
        this.afterAck = afterAck;
        this.clicks = new EventDeduplicator(10_000, Duration.ofHours(6), clock);
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
    public void start(Job job, String channel, String userId, String forWhom, Asker asker) throws Exception {
        TriageState blank = new TriageState(forWhom, userId, "", Map.of(), 0);
        Delivery root = api.postMessage(job, channel, null, messages.root(blank, null));
        if (root.notInChannel()) {
            afterAck.tellPrivately(job, asker, messages.notice(messages.invite(blank)));
            return;
        }
        if (!root.delivered()) {
            afterAck.tellAboutFailure(job, asker, root, Text.TRIAGE_START_FAILED);
            return;
        }
        TriageState state = new TriageState(forWhom, userId, root.ts(), Map.of(), 0);
        Delivery first = api.postMessage(job, channel, root.ts(),
                messages.question(engine().nextQuestion(state.answers()).orElseThrow(), state));
        afterAck.tellAboutFailure(job, asker, first, Text.TRIAGE_START_FAILED);
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
        afterAck.submit("starting a triage", null, asker, job -> start(job, channel, user, "", asker));
        return ctx.ack();
    }

    /** "Start over" on a recommendation card. */
    public Response onRestart(BlockActionRequest req, ActionContext ctx) {
        BlockActionPayload p = req.getPayload();
        Optional<TriageState> state = TriageState.decode(Payloads.value(p));
        String channel = Payloads.channel(p);
        String user = Payloads.user(p);
        String cardTs = Payloads.messageTs(p);
        if (channel == null || user == null || cardTs != null && !clicks.firstTime(cardTs + "#restart")) {
            // One card starts one new triage, however often it is clicked.
            return ctx.ack();
        }
        Asker asker = Asker.viaResponseUrl(user, channel, p.getResponseUrl());
        afterAck.submit("restarting a triage", null, asker, job ->
                start(job, channel, user, state.map(TriageState::forWhom).orElse(""), asker));
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
                || alreadyAnswered(p, parts[1]) || !clicks.firstTime(messageTs + "#" + decoded.get().version())) {
            return ctx.ack();
        }
        String key = parts[1];
        String answer = parts[2];
        TriageState state = decoded.get().with(key, answer);
        afterAck.submit("recording a triage answer", null, Asker.viaResponseUrl(user, channel, p.getResponseUrl()), job -> {
            TriageQuestion asked;
            try {
                asked = engine().content().question(key);
                engine().decide(state.answers());
            } catch (IllegalArgumentException e) {
                // A value Attest never put on a button (unknown question or answer): nothing to record.
                return;
            }
            api.update(job, channel, messageTs, messages.answered(asked, answer, user, decoded.get()));
            Optional<TriageQuestion> next = engine().nextQuestion(state.answers());
            if (next.isPresent()) {
                api.postMessage(job, channel, state.rootTs(), messages.question(next.get(), state));
            } else {
                Recommendation r = engine().decide(state.answers());
                api.postMessage(job, channel, state.rootTs(), messages.recommendation(r, state));
                api.update(job, channel, state.rootTs(), messages.root(state, r));
            }
        });
        return ctx.ack();
    }

    /** "Change" on an answered question: asks it again. */
    public Response onChange(BlockActionRequest req, ActionContext ctx) {
        BlockActionPayload p = req.getPayload();
        Optional<TriageState> before = TriageState.decode(Payloads.value(p));
        String messageTs = Payloads.messageTs(p);
        String channel = Payloads.channel(p);
        String key = Payloads.blockId(p).replace(TriageActions.ANSWERED_BLOCK, "");
        if (before.isEmpty() || messageTs == null || channel == null
                || !clicks.firstTime(messageTs + "#change" + before.get().version())) {
            return ctx.ack();
        }
        afterAck.submit("reopening a triage question", null, Asker.viaResponseUrl(Payloads.user(p), channel, p.getResponseUrl()), job -> {
            TriageQuestion q;
            try {
                q = engine().content().question(key);
            } catch (IllegalArgumentException e) {
                return;
            }
            api.update(job, channel, messageTs, messages.question(q, before.get().without(key)));
        });
        return ctx.ack();
    }

    /** True when the clicked message no longer shows this question's buttons (answered, possibly by someone else). */
    private static boolean alreadyAnswered(BlockActionPayload p, String key) {
        Message message = Payloads.message(p);
        if (message == null || message.getBlocks() == null) {
            return false;
        }
        return message.getBlocks().stream().noneMatch(b -> (TriageActions.QUESTION_BLOCK + key).equals(b.getBlockId()));
    }

}
