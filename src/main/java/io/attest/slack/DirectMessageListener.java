package io.attest.slack;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.MessageEvent;
import java.util.Objects;

/** A direct message to the bot, answered in the DM. Ignores edits, its own posts and other bots. */
final class DirectMessageListener implements BoltEventHandler<MessageEvent> {

    private final Replies replies;
    private final SlackWebApi api;
    private final Work work;
    private final EventDeduplicator events;
    private final TriageStarter triage;

    DirectMessageListener(Replies replies, SlackWebApi api, Work work, EventDeduplicator events, TriageStarter triage) {
        this.replies = replies;
        this.api = api;
        this.work = work;
        this.events = events;
        this.triage = triage;
    }

    @Override
    public Response apply(EventsApiPayload<MessageEvent> payload, EventContext ctx) {
        MessageEvent event = payload.getEvent();
        if (event == null || !"im".equals(event.getChannelType()) || event.getSubtype() != null
                || event.getBotId() != null || event.getUser() == null
                || Objects.equals(event.getUser(), ctx.getBotUserId())
                || !events.firstTime(payload.getEventId())) {
            return ctx.ack();
        }
        Request request = Request.parse(SlackText.typed(event.getText()));
        if (request.kind() == Request.Kind.TRIAGE && triage != null) {
            work.submit("starting a triage", () -> triage.start(event.getChannel(), event.getUser(), request.text(), null));
            return ctx.ack();
        }
        work.submit("answering a direct message", () ->
                api.postMessage(event.getChannel(), event.getThreadTs(), replies.to(request, Audience.DIRECT, Usage.DIRECT)));
        return ctx.ack();
    }
}
