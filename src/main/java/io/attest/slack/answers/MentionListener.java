package io.attest.slack.answers;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppMentionEvent;
import io.attest.slack.SlackText;
import io.attest.slack.SlackWebApi;
import io.attest.slack.Texts.Text;
import io.attest.slack.WorkQueue;

/**
 * {@code @attest <question>} in a channel: answered in the message's thread (or the thread it is in). Repeats and
 * bots never reach it: {@link io.attest.slack.RepeatAndBotEventFilter} acknowledges those first.
 */
public final class MentionListener implements BoltEventHandler<AppMentionEvent> {

    private final Replies replies;
    private final SlackWebApi api;
    private final WorkQueue work;
    private final TriageStarter triage;

    public MentionListener(Replies replies, SlackWebApi api, WorkQueue work, TriageStarter triage) {
        this.replies = replies;
        this.api = api;
        this.work = work;
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
        if (ask.kind() == Ask.Kind.TRIAGE) {
            work.submit("starting a triage", () -> triage.start(event.getChannel(), event.getUser(), ask.text(), null));
        } else {
            work.submit("answering a mention", () ->
                    api.postMessage(event.getChannel(), thread, replies.to(ask, Audience.CHANNEL, Text.USAGE_MENTION)));
        }
        return ctx.ack();
    }
}
