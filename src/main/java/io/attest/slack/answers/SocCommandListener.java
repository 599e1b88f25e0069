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
import io.attest.slack.WorkQueue.Admission;

/**
 * {@code /soc}: the answer goes back in the ack itself, privately. Matching is in-memory and takes well under a
 * millisecond, so answering in the ack saves the asker a second round trip; only triage, which posts to the
 * channel, is done after the ack.
 */
public final class SocCommandListener implements SlashCommandHandler {

    public static final String COMMAND = "/soc";

    private final Replies replies;
    private final TriageStarter triage;
    private final AfterAck afterAck;

    public SocCommandListener(Replies replies, TriageStarter triage, AfterAck afterAck) {
        this.replies = replies;
        this.triage = triage;
        this.afterAck = afterAck;
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
        return replies.privateAck(ask);
    }
}
