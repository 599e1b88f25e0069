package io.attest.slack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.Message;
import io.attest.knowledge.KnowledgeBase;
import io.attest.knowledge.Reply;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The buttons under answers: Share in channel, related topics and "Did you mean…", Show topics.
 * Each acks at once and does its Web API work afterwards.
 */
final class AnswerButtonsListener {

    private final Supplier<KnowledgeBase> kb;
    private final MessageRenderer renderer;
    private final SlackWebApi api;
    private final Work work;

    AnswerButtonsListener(Supplier<KnowledgeBase> kb, MessageRenderer renderer, SlackWebApi api, Work work) {
        this.kb = kb;
        this.renderer = renderer;
        this.api = api;
        this.work = work;
    }

    /** Posts the answer publicly, attributed to the person sharing it, and removes their private copy. */
    Response share(BlockActionRequest req, ActionContext ctx) {
        BlockActionPayload payload = req.getPayload();
        String intentId = value(payload);
        String user = payload.getUser().getId();
        String channel = payload.getChannel() == null ? null : payload.getChannel().getId();
        String responseUrl = payload.getResponseUrl();
        work.submit("sharing an answer", () -> {
            Optional<Reply> reply = kb.get().answer(intentId);
            if (reply.isEmpty()) {
                api.respond(responseUrl, Replies.ephemeral(gone()).put("replace_original", false));
                return;
            }
            SlackMessage shared = renderer.shared(reply.get(), user);
            SlackWebApi.Posted posted = api.postMessage(channel, null, shared);
            if (!posted.ok() && posted.notInChannel()) {
                // The bot is not a member here; the interaction's response_url can still post for the person.
                ObjectNode inChannel = shared.toJson().put("response_type", "in_channel").put("replace_original", false);
                posted = new SlackWebApi.Posted(api.respond(responseUrl, inChannel), null, null);
            }
            if (posted.ok()) {
                api.respond(responseUrl, BlockKit.JSON.createObjectNode().put("delete_original", true));
            } else {
                api.respond(responseUrl, Replies.ephemeral(new SlackMessage("Could not share",
                        BlockKit.blocks().add(BlockKit.section(
                                ":warning: I couldn't post that in the channel (" + posted.error() + "). "
                                        + "Your answer is still here; try again in a moment."))))
                        .put("replace_original", false));
            }
        });
        return ctx.ack();
    }

    /** Opens another answer: in place for a private reply, in the same thread for a public one. */
    Response showAnswer(BlockActionRequest req, ActionContext ctx) {
        BlockActionPayload payload = req.getPayload();
        String intentId = value(payload);
        boolean ephemeral = payload.getContainer() != null && payload.getContainer().isEphemeral();
        String channel = payload.getChannel() == null ? null : payload.getChannel().getId();
        String responseUrl = payload.getResponseUrl();
        Message message = payload.getMessage();
        work.submit("showing an answer", () -> {
            Optional<Reply> reply = kb.get().answer(intentId);
            if (ephemeral || message == null || reply.isEmpty()) {
                SlackMessage shown = reply.map(r -> renderer.reply(r, Audience.ASKER_ONLY)).orElseGet(this::gone);
                api.respond(responseUrl, Replies.ephemeral(shown).put("replace_original", ephemeral && reply.isPresent()));
                return;
            }
            boolean direct = channel != null && channel.startsWith("D");
            String thread = message.getThreadTs() != null ? message.getThreadTs() : direct ? null : message.getTs();
            api.postMessage(channel, thread, renderer.reply(reply.get(), direct ? Audience.DIRECT : Audience.CHANNEL));
        });
        return ctx.ack();
    }

    Response showTopics(BlockActionRequest req, ActionContext ctx) {
        String responseUrl = req.getPayload().getResponseUrl();
        work.submit("showing topics", () ->
                api.respond(responseUrl, Replies.ephemeral(renderer.topics()).put("replace_original", false)));
        return ctx.ack();
    }

    private SlackMessage gone() {
        return new SlackMessage("That topic is no longer available",
                BlockKit.blocks().add(BlockKit.section("That topic is no longer in Attest's knowledge base. "
                        + "Try asking again in your own words.")));
    }

    private static String value(BlockActionPayload payload) {
        return payload.getActions() == null || payload.getActions().isEmpty() ? "" : payload.getActions().get(0).getValue();
    }
}
