package io.attest.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.util.SlackRequestParser;
import com.slack.api.model.event.AppMentionEvent;
import io.attest.testing.LogCapture;
import io.attest.testing.SignedClient;
import io.attest.testing.SlackPayloads;
import io.javalin.Javalin;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The HTTP edge tells a payload it cannot read (400) from a listener's bug (500, with its stack trace logged). */
class SlackEventsHandlerTest {

    private static final String SECRET = "edge-secret";
    private final AtomicInteger mentions = new AtomicInteger();
    private final List<SlashCommandRequest> commands = new CopyOnWriteArrayList<>();
    private final SlackEventsHandler handler;
    private final Javalin server;
    private final SignedClient client;
    private final LogCapture logs = new LogCapture();

    SlackEventsHandlerTest() {
        App app = new App(AppConfig.builder().build(), new ArrayList<>());
        app.use(new RepeatAndBotEventFilter(new EventDeduplicator(100, Duration.ofMinutes(30), Clock.systemUTC()), "UBOT", event -> false));
        app.event(AppMentionEvent.class, (payload, ctx) -> {
            mentions.incrementAndGet();
            throw new IllegalStateException("a bug in a listener");
        });
        app.command("/soc", (req, ctx) -> {
            commands.add(req);
            return ctx.ack("fine — ça va ✓");
        });
        handler = new SlackEventsHandler(app, new SlackSignatureVerifier(SECRET, Clock.systemUTC()), Telemetry.NONE);
        server = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.jetty.host = "127.0.0.1";
            c.routes.post("/slack/events", handler);
        }).start(0);
        client = new SignedClient(server.port(), SECRET);
    }

    @AfterEach
    void stop() {
        server.stop();
        logs.close();
    }

    @Nested
    class AListenerThatThrows {

        @Test
        void isA500WithItsWholeStackTraceInTheLog() throws Exception {
            HttpResponse<String> r = client.post(mention("Ev-bug1"));
            assertEquals(500, r.statusCode());
            assertFalse(r.body().contains("IllegalStateException"), "no stack trace or class name to the caller");
            List<ILoggingEvent> errors = logs.at(Level.ERROR);
            assertEquals(1, errors.size());
            assertTrue(errors.get(0).getFormattedMessage().contains("A listener failed"));
            assertNotNull(errors.get(0).getThrowableProxy(), "the stack trace is kept");
            assertEquals("a bug in a listener", errors.get(0).getThrowableProxy().getMessage());
        }

        @Test
        void andSlacksRetryOfThatEventIsAcknowledgedWithoutRunningTheListenerAgain() throws Exception {
            String body = mention("Ev-bug2");
            assertEquals(500, client.post(body).statusCode());
            assertEquals(200, client.post(body, 0, 1).statusCode());
            assertEquals(1, mentions.get());
        }
    }

    @Nested
    class ASlashCommand {

        @Test
        void theFirstAnswerIsSignalledOnceItIsWrittenAndNotForARefusedRequest() throws Exception {
            assertFalse(handler.firstAnswered().isDone());
            assertEquals(401, client.postWithSignature(SlackPayloads.slashCommand("hi", "C9", "U9", "https://hooks.slack.com/x"),
                    "v0=" + "0".repeat(64)).statusCode());
            assertFalse(handler.firstAnswered().isDone(), "an unsigned request answers nobody");

            assertEquals(200, client.post(SlackPayloads.slashCommand("hi", "C9", "U9", "https://hooks.slack.com/x")).statusCode());
            // The answer can reach the client a moment before the handler returns: wait for the signal, briefly.
            handler.firstAnswered().get(10, TimeUnit.SECONDS);
        }

        @Test
        void reachesItsListenerAsBoltsOwnParserWouldHaveMadeIt() throws Exception {
            String body = SlackPayloads.slashCommand("is soc 2 a certification?", "C9", "U9", "https://hooks.slack.com/commands/T1/2/3");

            HttpResponse<String> r = client.post(body);

            assertEquals(200, r.statusCode());
            assertTrue(r.body().contains("fine — ça va ✓"), "written whole, as UTF-8: " + r.body());
            assertEquals(r.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length,
                    Integer.parseInt(r.headers().firstValue("Content-Length").orElse("-1")));
            assertEquals(1, commands.size());
            SlashCommandRequest ours = commands.get(0);
            Map<String, List<String>> headers = new HashMap<>();
            ours.getHeaders().getNames().forEach(name -> headers.put(name, ours.getHeaders().getMultipleValues(name)));
            Request<?> bolts = new SlackRequestParser(AppConfig.builder().build()).parse(SlackRequestParser.HttpRequest.builder()
                    .requestUri("/slack/events").queryString(Map.of()).headers(new RequestHeaders(headers)).requestBody(body)
                    .remoteAddress(ours.getClientIpAddress()).build());
            SlashCommandRequest expected = assertInstanceOf(SlashCommandRequest.class, bolts);
            assertEquals(expected.getPayload(), ours.getPayload());
            assertEquals("is soc 2 a certification?", ours.getPayload().getText());
            assertEquals(expected.getRequestBodyAsString(), ours.getRequestBodyAsString());
            assertEquals("127.0.0.1", ours.getClientIpAddress());
            assertEquals(expected.isSocketMode(), ours.isSocketMode());
            assertEquals(expected.getContext().getTeamId(), ours.getContext().getTeamId());
            assertEquals(expected.getContext().getChannelId(), ours.getContext().getChannelId());
            assertEquals(expected.getContext().getRequestUserId(), ours.getContext().getRequestUserId());
            assertEquals(expected.getContext().getResponseUrl(), ours.getContext().getResponseUrl());
            assertEquals(expected.getContext().getTriggerId(), ours.getContext().getTriggerId());
            assertEquals(expected.getContext().getEnterpriseId(), ours.getContext().getEnterpriseId());
            assertEquals(expected.getContext().getBotToken(), ours.getContext().getBotToken());
        }
    }

    @Nested
    class APayloadThatCannotBeRead {

        @Test
        void isA400EvenWhenOnlyBoltsTypedReadingFails() throws Exception {
            String wrongTypes = "{\"type\":\"event_callback\",\"event_id\":\"Ev-types\",\"event\":{\"type\":\"app_mention\","
                    + "\"user\":{\"id\":[1,2]},\"text\":7,\"ts\":{}}}";
            assertEquals(400, client.post(wrongTypes).statusCode());
            assertEquals(0, mentions.get());
            assertEquals(List.of(), logs.at(Level.ERROR));
        }

        @Test
        void anEmptyOrBlankSignedBodyIsA400AndNothingIsLogged() throws Exception {
            for (String blank : List.of("", " ", "\n", "&", "=")) {
                assertEquals(400, client.post(blank).statusCode(), "'" + blank + "'");
            }
            assertEquals(List.of(), logs.at(Level.ERROR));
        }

        @Test
        void isA400ForNonJsonForAnActionWithoutAnIdAndForAFormThatIsNotUrlEncoded() throws Exception {
            for (String bad : List.of("{\"type\": \"app_", "[1,2,3]", "payload=%7B%22type%22%3A%22block_actions%22%2C%22actions%22%3A%5Bnull%5D%7D",
                    "payload=%E0%A4%A", "command=%2Fsoc&text=%zz")) {
                assertEquals(400, client.post(bad).statusCode(), bad);
            }
            assertEquals(List.of(), logs.at(Level.ERROR));
        }

        @ParameterizedTest(name = "\"{0}\" is percent-encoded: {1}")
        @CsvSource(delimiter = '|', value = {
            "text=is+soc+2+a+certification%3F | true",
            "text=100%25+sure                 | true",
            "text=%e2%80%94                   | true",
            "text=                            | true",
            "text=%                           | false",
            "text=%4                          | false",
            "text=%4g                         | false",
            "text=%g4                         | false",
            "text=%-1                         | false",
            "text=ok%20then%2                 | false"})
        void aFieldIsPercentEncodedOnlyWhenEveryPercentBeginsTwoHexDigits(String field, boolean encoded) {
            assertEquals(encoded, PayloadShape.percentEncoded(field, 0, field.length()));
            String form = "a=b&" + field + "&c=d"; // the check stays inside the field it is given
            assertEquals(encoded, PayloadShape.percentEncoded(form, 4, 4 + field.length()));
        }

        @Test
        void anEscapeCutShortByTheEndOfItsFieldIsNotTakenFromTheNextField() {
            String form = "text=%2&0x=1";
            assertFalse(PayloadShape.percentEncoded(form, 0, form.indexOf('&')));
        }
    }

    private static String mention(String eventId) {
        return SlackPayloads.appMention(eventId, "C1", "U1", "<@UBOT> hello", "1700008000.000100", null);
    }
}
