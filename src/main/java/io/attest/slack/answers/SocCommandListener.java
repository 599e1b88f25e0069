package io.attest.slack.answers;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.handler.builtin.SlashCommandHandler;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import io.attest.slack.AfterAck;
import io.attest.slack.Asker;
import io.attest.slack.JobKind;
import io.attest.slack.SlackText;
import io.attest.slack.Texts;
import io.attest.slack.Texts.Text;
import io.attest.slack.WorkQueue.Admission;
import io.attest.slack.feedback.Asked;
import io.attest.slack.feedback.GapsListener;
import io.attest.store.ChannelType;
import io.attest.store.Surface;

/**
 * {@code /soc}: the answer goes back in the ack itself, privately. Matching is in-memory and takes well under a
 * millisecond, so answering in the ack saves the asker a second round trip; only triage, which posts to the
 * channel, is done after the ack, and {@code /soc gaps} for content owners, which reads the database.
 */
public final class SocCommandListener implements SlashCommandHandler {

    public static final String COMMAND = "/soc";

    private final Replies replies;
    private final TriageStarter triage;
    private final AfterAck afterAck;
    private final GapsListener gaps;
    private final Texts texts;

    public SocCommandListener(Replies replies, TriageStarter triage, AfterAck afterAck, GapsListener gaps, Texts texts) {
        this.replies = replies;
        this.triage = triage;
        this.afterAck = afterAck;
        this.gaps = gaps;
        this.texts = texts;
    }

    @Override
    public Response apply(SlashCommandRequest req, SlashCommandContext ctx) {
        SlashCommandPayload payload = req.getPayload();
        Ask ask = Ask.parse(SlackText.typed(payload.getText()));
        if (ask.kind() == Ask.Kind.TRIAGE && payload.getChannelId() != null && payload.getUserId() != null) {
            Asker asker = Asker.viaResponseUrl(payload.getUserId(), payload.getChannelId(), payload.getResponseUrl());
            // No notice on refusal: the ack itself tells the person, at no cost.
            Admission admission = afterAck.submit(JobKind.STARTING_A_TRIAGE, null, null, job -> triage.start(
                    job, payload.getChannelId(), payload.getUserId(), ask.text(), asker));
            return admission.accepted() ? ctx.ack() : replies.privateNotice(afterAck.refusal(admission));
        }
        if (ask.kind() == Ask.Kind.GAPS && payload.getUserId() != null && payload.getResponseUrl() != null) {
            if (!gaps.isOwner(payload.getUserId())) {
                return replies.privateNotice(texts.get(Text.OWNERS_ONLY));
            }
            // The gap queue is read after the ack and posted through the response_url; the ack itself says nothing.
            return gaps.show(payload.getUserId(), payload.getChannelId(), payload.getResponseUrl()) ? ctx.ack()
                    : replies.privateNotice(texts.get(Text.BUSY));
        }
        Asked asked = new Asked(payload.getUserId(), Surface.SLASH, ChannelType.from(payload.getChannelId(),
                payload.getChannelName()), payload.getChannelId(), null);
        return replies.privateAck(ask.kind() == Ask.Kind.GAPS ? Ask.parse("help") : ask, asked);
    }
}
