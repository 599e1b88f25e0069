package io.attest.app;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.LayoutBase;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.attest.slack.LogContext;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * The one log layout, chosen by {@code LOG_FORMAT} ({@link LogSetup}): human-readable lines by default, or one JSON object
 * a line ({@code json}) for log platforms, with {@code timestamp} (UTC, ISO-8601), {@code level}, {@code logger},
 * {@code message}, and when set {@code correlation_id}, {@code surface} and {@code exception} (the stack trace). Both
 * write only what Attest logs: the message and the two MDC fields, never a request body or a header.
 *
 * <p>Public, with setters, so that a logback.xml named by {@code -Dlogback.configurationFile} can build it too.
 */
public final class LogLayout extends LayoutBase<ILoggingEvent> {

    private static final JsonFactory JSON = new JsonFactory();
    /** UTC, to the millisecond, always the same width: what log platforms parse without configuration. */
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private boolean json;
    private String pattern = "%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n";
    private PatternLayout text;

    /** {@code json} for JSON lines; anything else (Config refuses other values at start-up) is text. */
    public void setFormat(String format) {
        this.json = format != null && format.trim().toLowerCase(Locale.ROOT).equals("json");
    }

    /** The pattern of the human-readable format. */
    public void setPattern(String pattern) {
        this.pattern = pattern;
    }

    @Override
    public void start() {
        if (!json) {
            text = new PatternLayout();
            text.setContext(getContext());
            text.setPattern(pattern);
            text.start();
        }
        super.start();
    }

    @Override
    public String getContentType() {
        return json ? "application/x-ndjson" : "text/plain";
    }

    @Override
    public String doLayout(ILoggingEvent event) {
        return json ? json(event) : text.doLayout(event);
    }

    private static String json(ILoggingEvent event) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("timestamp", TIMESTAMP.format(event.getInstant()));
            g.writeStringField("level", event.getLevel().toString());
            g.writeStringField("logger", event.getLoggerName());
            g.writeStringField("message", event.getFormattedMessage());
            Map<String, String> mdc = event.getMDCPropertyMap();
            if (mdc != null) {
                writeIfSet(g, LogContext.CORRELATION_ID, mdc.get(LogContext.CORRELATION_ID));
                writeIfSet(g, LogContext.SURFACE, mdc.get(LogContext.SURFACE));
            }
            g.writeStringField("thread", event.getThreadName());
            IThrowableProxy thrown = event.getThrowableProxy();
            if (thrown != null) {
                g.writeStringField("exception", ThrowableProxyUtil.asString(thrown));
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.append('\n').toString();
    }

    private static void writeIfSet(JsonGenerator g, String field, String value) throws IOException {
        if (value != null) {
            g.writeStringField(field, value);
        }
    }
}
