package io.attest.slack.answers;

import com.slack.api.app_backend.interactive_components.payload.MessageShortcutPayload;
import com.slack.api.bolt.context.builtin.MessageShortcutContext;
import com.slack.api.bolt.handler.builtin.MessageShortcutHandler;
import com.slack.api.bolt.request.builtin.MessageShortcutRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.Message;
import io.attest.slack.AfterAck;
import io.attest.slack.Asker;
import io.attest.slack.JobKind;
import io.attest.slack.SlackMessage;
import io.attest.slack.SlackText;
import io.attest.slack.SlackWebApi;
import io.attest.slack.Texts;
import io.attest.slack.Texts.Text;
import io.attest.slack.feedback.Asked;
import io.attest.store.ChannelType;
import io.attest.store.Surface;

/**
 * The message shortcut "Ask Attest about this", on any message (a prospect's email pasted in a channel, a line of a
 * security questionnaire): answers privately about the message's text, with Share in channel, as /soc would.
 */
public final class ShortcutListener implements MessageShortcutHandler {

    private final Replies replies;
    private final SlackWebApi api;
    private final AfterAck afterAck;
    private final Texts texts;

    public ShortcutListener(Replies replies, SlackWebApi api, AfterAck afterAck, Texts texts) {
        this.replies = replies;
        this.api = api;
        this.afterAck = afterAck;
        this.texts = texts;
    }

    @Override
    public Response apply(MessageShortcutRequest req, MessageShortcutContext ctx) {
        MessageShortcutPayload p = req.getPayload();
        String user = p.getUser() == null ? null : p.getUser().getId();
        String channel = p.getChannel() == null ? null : p.getChannel().getId();
        String responseUrl = p.getResponseUrl();
        if (user == null || channel == null || responseUrl == null) {
            return ctx.ack();
        }
        Message message = p.getMessage();
        String typed = SlackText.typed(message == null ? null : message.getText());
        String thread = message == null ? null : message.getThreadTs();
        Asker asker = Asker.viaResponseUrl(user, channel, responseUrl);
        afterAck.submit(JobKind.ANSWERING_A_SHORTCUT, null, asker, job -> {
            if (typed.isBlank()) {
                afterAck.tellPrivately(job, asker, texts.get(Text.SHORTCUT_NO_TEXT));
                return;
            }
            SlackMessage reply = replies.answer(typed, Audience.ASKER_ONLY, new Asked(user, Surface.SHORTCUT,
                    ChannelType.from(channel, p.getChannel().getName()), channel, thread));
            api.respond(job, responseUrl, reply.toEphemeralJson().put("replace_original", false));
        });
        return ctx.ack();
    }
}
