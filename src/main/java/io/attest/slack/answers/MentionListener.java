package io.attest.slack.answers;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppMentionEvent;
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
 * {@code @attest <question>} in a channel: answered in the message's thread (or the thread it is in). Repeats and
 * bots never reach it: {@link io.attest.slack.RepeatAndBotEventFilter} acknowledges those first.
 */
public final class MentionListener implements BoltEventHandler<AppMentionEvent> {

    private final Replies replies;
    private final SlackWebApi api;
    private final AfterAck afterAck;
    private final TriageStarter triage;

    public MentionListener(Replies replies, SlackWebApi api, AfterAck afterAck, TriageStarter triage) {
        this.replies = replies;
        this.api = api;
        this.afterAck = afterAck;
        this.triage = triage;
    }

    @Override
    public Response apply(EventsApiPayload<AppMentionEvent> payload, EventContext ctx) {
        AppMentionEvent event = payload.getEvent();
        if (event == null || event.getChannel() == null || event.getUser() == null) {
            return ctx.ack();
        }
        String thread = event.getThreadTs() != null ? event.getThreadTs() : event.getTs();
        Ask ask = Ask.parse(SlackText.typed(event.getText()));
        Asker asker = Asker.inChannel(event.getUser(), event.getChannel(), thread);
        if (ask.kind() == Ask.Kind.TRIAGE) {
            afterAck.submitEvent(JobKind.STARTING_A_TRIAGE, payload.getEventId(), asker,
                    job -> triage.start(job, event.getChannel(), event.getUser(), ask.text(), asker));
        } else {
            afterAck.submitEvent(JobKind.ANSWERING_A_MENTION, payload.getEventId(), asker, job -> {
                Delivery answer = api.postMessage(job, event.getChannel(), thread, replies.to(ask, Audience.CHANNEL,
                        Text.USAGE_MENTION, new Asked(event.getUser(), Surface.MENTION, ChannelType.from(event.getChannel(), null),
                        event.getChannel(), thread)));
                afterAck.tellAboutFailure(job, asker, answer, Text.REPLY_FAILED);
            });
        }
        return ctx.ack();
    }
}
