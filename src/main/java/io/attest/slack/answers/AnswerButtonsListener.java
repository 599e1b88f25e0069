package io.attest.slack.answers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.Message;
import io.attest.knowledge.KnowledgeBase;
import io.attest.knowledge.Reply;
import io.attest.slack.AfterAck;
import io.attest.slack.Asker;
import io.attest.slack.JobKind;
import io.attest.slack.BlockKit;
import io.attest.slack.Delivery;
import io.attest.slack.Payloads;
import io.attest.slack.SlackMessage;
import io.attest.slack.SlackWebApi;
import io.attest.slack.Telemetry;
import io.attest.slack.Texts;
import io.attest.slack.Texts.Text;
import io.attest.slack.feedback.AnswerRef;
import io.attest.slack.feedback.Asked;
import io.attest.slack.feedback.Recorder;
import io.attest.store.ChannelType;
import io.attest.store.Surface;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The buttons under answers: Share in channel, related topics and "Did you mean…", Show topics.
 * Each acks at once and does its Web API work afterwards; when that fails, the clicker is told privately.
 */
public final class AnswerButtonsListener {

    private final Supplier<KnowledgeBase> kb;
    private final MessageRenderer renderer;
    private final SlackWebApi api;
    private final AfterAck afterAck;
    private final Texts texts;
    private final Recorder recorder;
    private final Telemetry telemetry;

    public AnswerButtonsListener(Supplier<KnowledgeBase> kb, MessageRenderer renderer, SlackWebApi api, AfterAck afterAck,
                                 Texts texts, Recorder recorder, Telemetry telemetry) {
        this.kb = kb;
        this.renderer = renderer;
        this.api = api;
        this.afterAck = afterAck;
        this.texts = texts;
        this.recorder = recorder;
        this.telemetry = telemetry;
    }

    /** Posts the answer publicly, attributed to the person sharing it, and removes their private copy. */
    public Response share(BlockActionRequest req, ActionContext ctx) {
        BlockActionPayload payload = req.getPayload();
        String intentId = Payloads.value(payload);
        String user = Payloads.user(payload);
        String channel = Payloads.channel(payload);
        String responseUrl = payload.getResponseUrl();
        if (user == null || channel == null || responseUrl == null) {
            return ctx.ack();
        }
        Asker asker = Asker.viaResponseUrl(user, channel, responseUrl);
        afterAck.submit(JobKind.SHARING_AN_ANSWER, null, asker, job -> {
            Optional<Reply> reply = kb.get().answer(intentId);
            if (reply.isEmpty()) {
                afterAck.tellPrivately(job, asker, renderer.gone());
                return;
            }
            SlackMessage shared = renderer.shared(reply.get(), user);
            Delivery posted = api.postMessage(job, channel, null, shared);
            if (posted.notInChannel()) {
                // The bot is not a member here; the interaction's response_url can still post for the person.
                ObjectNode inChannel = shared.toJson().put("response_type", "in_channel").put("replace_original", false);
                posted = api.respond(job, responseUrl, inChannel);
            }
            if (posted.delivered()) {
                api.respond(job, responseUrl, BlockKit.JSON.createObjectNode().put("delete_original", true));
            } else if (posted.worthTelling()) {
                afterAck.tellPrivately(job, asker, renderer.notice(texts.get(Text.SHARE_FAILED_SUMMARY),
                        texts.get(Text.SHARE_FAILED, "reason", texts.reason(posted))));
            }
        });
        return ctx.ack();
    }

    /**
     * Opens another answer: in place for a private reply, in the same thread for a public one. A click on a "Did you
     * mean…" suggestion tells the gap queue the question was followed up. The answer shown carries its own feedback
     * buttons, recorded as opened by a button.
     */
    public Response showAnswer(BlockActionRequest req, ActionContext ctx) {
        BlockActionPayload payload = req.getPayload();
        String intentId = Payloads.value(payload);
        boolean ephemeral = Payloads.inEphemeralMessage(payload);
        String channel = Payloads.channel(payload);
        String responseUrl = payload.getResponseUrl();
        Message message = Payloads.message(payload);
        String user = Payloads.user(payload);
        if (responseUrl == null) {
            return ctx.ack();
        }
        String block = Payloads.blockId(payload);
        if (block.startsWith(ActionIds.DID_YOU_MEAN_BLOCK + ":")) {
            recorder.followedUp(block.substring(ActionIds.DID_YOU_MEAN_BLOCK.length() + 1));
        }
        Asker asker = Asker.viaResponseUrl(user, channel, responseUrl);
        afterAck.submit(JobKind.SHOWING_AN_ANSWER, null, asker, job -> {
            Optional<Reply> reply = kb.get().answer(intentId);
            reply.ifPresent(telemetry::replied);
            boolean direct = channel != null && channel.startsWith("D");
            String thread = message == null ? null : message.getThreadTs() != null ? message.getThreadTs() : direct ? null : message.getTs();
            String id = Recorder.newId();
            Asked asked = new Asked(user, Surface.BUTTON, ChannelType.from(channel, null), channel, thread);
            reply.ifPresent(r -> recorder.question(id, asked, r.intent().title(), r));
            String ref = reply.map(r -> new AnswerRef(id, Surface.BUTTON, asked.channelType(), r.intentId(), r.confidence())
                    .encode()).orElse(null);
            if (ephemeral || message == null || channel == null || reply.isEmpty()) {
                SlackMessage shown = reply.map(r -> renderer.reply(r, Audience.ASKER_ONLY, id, ref)).orElseGet(renderer::gone);
                api.respond(job, responseUrl, shown.toEphemeralJson().put("replace_original", ephemeral && reply.isPresent()));
                return;
            }
            Delivery posted = api.postMessage(job, channel, thread,
                    renderer.reply(reply.get(), direct ? Audience.DIRECT : Audience.CHANNEL, id, ref));
            if (posted.worthTelling()) {
                // The thread would not take it: the person who clicked still gets the answer, privately.
                afterAck.tellPrivately(job, asker, renderer.withNote(renderer.reply(reply.get(), Audience.CHANNEL),
                        texts.get(Text.THREAD_FALLBACK, "reason", texts.reason(posted))));
            }
        });
        return ctx.ack();
    }

    public Response showTopics(BlockActionRequest req, ActionContext ctx) {
        BlockActionPayload payload = req.getPayload();
        String responseUrl = payload.getResponseUrl();
        if (responseUrl == null) {
            return ctx.ack();
        }
        Asker asker = Asker.viaResponseUrl(Payloads.user(payload), Payloads.channel(payload), responseUrl);
        afterAck.submit(JobKind.SHOWING_TOPICS, null, asker, job -> afterAck.tellPrivately(job, asker, renderer.topics()));
        return ctx.ack();
    }
}
