package io.attest.slack.answers;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.MessageEvent;
import io.attest.slack.AfterAck;
import io.attest.slack.Asker;
import io.attest.slack.JobKind;
import io.attest.slack.Delivery;
import io.attest.slack.SlackText;
import io.attest.slack.SlackWebApi;
import io.attest.slack.Texts.Text;
import io.attest.slack.feedback.Asked;
import io.attest.store.ChannelType;
import io.attest.store.Surface;

/**
 * A direct message to the bot, answered in the DM. Ignores edits and other message subtypes; repeats and bots
 * never reach it ({@link io.attest.slack.RepeatAndBotEventFilter}).
 */
public final class DirectMessageListener implements BoltEventHandler<MessageEvent> {

    private final Replies replies;
    private final SlackWebApi api;
    private final AfterAck afterAck;
    private final TriageStarter triage;

    public DirectMessageListener(Replies replies, SlackWebApi api, AfterAck afterAck, TriageStarter triage) {
        this.replies = replies;
        this.api = api;
        this.afterAck = afterAck;
        this.triage = triage;
    }

    @Override
    public Response apply(EventsApiPayload<MessageEvent> payload, EventContext ctx) {
        MessageEvent event = payload.getEvent();
        if (event == null || !"im".equals(event.getChannelType()) || event.getSubtype() != null
                || event.getUser() == null || event.getChannel() == null) {
            return ctx.ack();
        }
        Ask ask = Ask.parse(SlackText.typed(event.getText()));
        Asker asker = Asker.inChannel(event.getUser(), event.getChannel(), event.getThreadTs());
        if (ask.kind() == Ask.Kind.TRIAGE) {
            afterAck.submitEvent(JobKind.STARTING_A_TRIAGE, payload.getEventId(), asker,
                    job -> triage.start(job, event.getChannel(), event.getUser(), ask.text(), asker));
        } else {
            afterAck.submitEvent(JobKind.ANSWERING_A_DIRECT_MESSAGE, payload.getEventId(), asker, job -> {
                Delivery answer = api.postMessage(job, event.getChannel(), event.getThreadTs(),
                        replies.to(ask, Audience.DIRECT, Text.USAGE_DIRECT, new Asked(event.getUser(), Surface.DIRECT,
                                ChannelType.DIRECT, event.getChannel(), event.getThreadTs())));
                afterAck.tellAboutFailure(job, asker, answer, Text.REPLY_FAILED);
            });
        }
        return ctx.ack();
    }
}
