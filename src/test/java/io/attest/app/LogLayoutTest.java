package io.attest.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.attest.slack.LogContext;
import io.attest.slack.Surface;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** LOG_FORMAT: human-readable lines by default, one JSON object a line with json. */
class LogLayoutTest {

    private final LoggerContext context = (LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory();
    private final Logger logger = context.getLogger("io.attest.slack.SlackWebApi");
    private static final ObjectMapper JSON = new ObjectMapper();

    @AfterEach
    void clear() {
        LogContext.clear();
    }

    private LogLayout layout(String format) {
        LogLayout layout = new LogLayout();
        layout.setContext(context);
        layout.setFormat(format);
        layout.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n");
        layout.start();
        return layout;
    }

    private LoggingEvent event(String message, Throwable thrown, Object... args) {
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, Level.WARN, message, thrown, args);
        event.setInstant(Instant.parse("2026-03-01T12:34:56.789Z"));
        event.getMDCPropertyMap(); // captures this thread's MDC, as Logback does when an event is logged
        return event;
    }

    @Test
    void theDefaultStaysOneHumanReadableLine() {
        String line = layout("text").doLayout(event("chat.postMessage failed: {} — {}", null, "not_in_channel", "job [Ev1]"));
        assertTrue(line.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} WARN  SlackWebApi - chat\\.postMessage failed: not_in_channel — job \\[Ev1]\\R"),
                line);
    }

    @Test
    void jsonIsOneObjectALineWithTheFieldsLogPlatformsIndex() throws Exception {
        LogContext.set("Ev42", Surface.MENTION);
        String line = layout("json").doLayout(event("chat.postMessage failed: {}", null, "not_in_channel"));
        assertTrue(line.endsWith("\n"));
        assertEquals(1, line.lines().count(), "exactly one line");
        JsonNode json = JSON.readTree(line);
        assertEquals("2026-03-01T12:34:56.789Z", json.path("timestamp").asText());
        assertEquals("WARN", json.path("level").asText());
        assertEquals("io.attest.slack.SlackWebApi", json.path("logger").asText());
        assertEquals("chat.postMessage failed: not_in_channel", json.path("message").asText());
        assertEquals("Ev42", json.path("correlation_id").asText());
        assertEquals("mention", json.path("surface").asText());
        assertFalse(json.has("exception"));
    }

    @Test
    void jsonKeepsAStackTraceInOneFieldAndEscapesWhatALineBreakOrQuoteWouldBreak() throws Exception {
        String line = layout("json").doLayout(event("a \"quoted\"\nmessage", new IllegalStateException("a bug")));
        assertEquals(1, line.lines().count(), "still one line");
        JsonNode json = JSON.readTree(line);
        assertEquals("a \"quoted\"\nmessage", json.path("message").asText());
        assertTrue(json.path("exception").asText().startsWith("java.lang.IllegalStateException: a bug"), json.toString());
        assertTrue(json.path("exception").asText().contains("at io.attest.app.LogLayoutTest"));
        assertFalse(json.has("correlation_id"), "no MDC, no field: " + json);
    }

    @Test
    void logFormatIsJsonOrTextAndAnythingElseStopsStartUpWithOneLine() {
        assertTrue(Config.fromEnvironment(Map.of("LOG_FORMAT", "JSON")).jsonLogs());
        assertFalse(Config.fromEnvironment(Map.of("LOG_FORMAT", "text")).jsonLogs());
        assertFalse(Config.fromEnvironment(Map.of()).jsonLogs());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Config.fromEnvironment(Map.of("LOG_FORMAT", "xml")));
        assertEquals("LOG_FORMAT must be json or text, not 'xml'", e.getMessage());
    }
}
