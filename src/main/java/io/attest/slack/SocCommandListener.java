package io.attest.slack;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.handler.builtin.SlashCommandHandler;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;

/**
 * {@code /soc}: the answer goes back in the ack itself, privately. Matching is in-memory and takes well under a
 * millisecond, so answering in the ack saves the asker a second round trip; only triage, which posts to the
 * channel, is done after the ack.
 */
final class SocCommandListener implements SlashCommandHandler {

    static final String COMMAND = "/soc";

    private final Replies replies;
    private final TriageStarter triage;
    private final Work work;

    SocCommandListener(Replies replies, TriageStarter triage, Work work) {
        this.replies = replies;
        this.triage = triage;
        this.work = work;
    }

    @Override
    public Response apply(SlashCommandRequest req, SlashCommandContext ctx) {
        SlashCommandPayload payload = req.getPayload();
        Request request = Request.parse(SlackText.typed(payload.getText()));
        if (request.kind() == Request.Kind.TRIAGE && triage != null) {
            work.submit("starting a triage", () -> triage.start(
                    payload.getChannelId(), payload.getUserId(), request.text(), payload.getResponseUrl()));
            return ctx.ack();
        }
        return replies.privateAck(request);
    }
}
