package io.attest.slack;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppMentionEvent;
import java.util.Objects;

/** {@code @attest <question>} in a channel: answered in the message's thread (or the thread it is in). */
final class MentionListener implements BoltEventHandler<AppMentionEvent> {

    private final Replies replies;
    private final SlackWebApi api;
    private final Work work;
    private final EventDeduplicator events;
    private final TriageStarter triage;

    MentionListener(Replies replies, SlackWebApi api, Work work, EventDeduplicator events, TriageStarter triage) {
        this.replies = replies;
        this.api = api;
        this.work = work;
        this.events = events;
        this.triage = triage;
    }

    @Override
    public Response apply(EventsApiPayload<AppMentionEvent> payload, EventContext ctx) {
        AppMentionEvent event = payload.getEvent();
        if (!events.firstTime(payload.getEventId()) || event == null || event.getBotId() != null
                || Objects.equals(event.getUser(), ctx.getBotUserId())) {
            return ctx.ack();
        }
        String thread = event.getThreadTs() != null ? event.getThreadTs() : event.getTs();
        Request request = Request.parse(SlackText.typed(event.getText()));
        if (request.kind() == Request.Kind.TRIAGE && triage != null) {
            work.submit("starting a triage", () -> triage.start(event.getChannel(), event.getUser(), request.text(), null));
        } else {
            work.submit("answering a mention", () ->
                    api.postMessage(event.getChannel(), thread, replies.to(request, Audience.CHANNEL, Usage.MENTION)));
        }
        return ctx.ack();
    }
}
