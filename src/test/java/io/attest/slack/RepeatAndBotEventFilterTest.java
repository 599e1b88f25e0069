package io.attest.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.EventRequest;
import com.slack.api.model.event.MessageEvent;
import io.attest.testing.SlackPayloads;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one middleware that keeps repeats and bots away from every event listener. */
class RepeatAndBotEventFilterTest {

    private final List<String> reached = new ArrayList<>();
    private final App app = new App(AppConfig.builder().build(), new ArrayList<>());

    RepeatAndBotEventFilterTest() {
        app.use(new RepeatAndBotEventFilter(new EventDeduplicator(100, Duration.ofMinutes(30), Clock.systemUTC()), "UBOT", event -> false));
        app.event(MessageEvent.class, (payload, ctx) -> {
            reached.add(payload.getEventId());
            return ctx.ack();
        });
    }

    @Test
    void anEventReachesItsListenerOnceHoweverOftenSlackDeliversIt() throws Exception {
        String body = SlackPayloads.directMessage("Ev1", "D1", "U1", "hello", "1.1");
        for (int i = 0; i < 3; i++) {
            assertEquals(200, app.run(event(body)).getStatusCode());
        }
        assertEquals(List.of("Ev1"), reached);
    }

    @Test
    void messagesFromAttestItselfAndFromOtherBotsNeverReachAListener() throws Exception {
        app.run(event(SlackPayloads.directMessage("Ev2", "D1", "UBOT", "my own answer", "1.2")));
        app.run(event(SlackPayloads.botDirectMessage("Ev3", "D1", "UOTHER", "another bot", "1.3")));
        assertEquals(List.of(), reached);
    }

    @Test
    void aPersonsMessageWithADifferentEventIdIsNotMistakenForARepeat() throws Exception {
        app.run(event(SlackPayloads.directMessage("Ev4", "D1", "U1", "one", "1.4")));
        app.run(event(SlackPayloads.directMessage("Ev5", "D1", "U1", "two", "1.5")));
        assertEquals(List.of("Ev4", "Ev5"), reached);
    }

    private static EventRequest event(String body) {
        return new EventRequest(body, new RequestHeaders(Map.of()));
    }
}
