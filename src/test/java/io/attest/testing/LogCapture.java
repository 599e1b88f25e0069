package io.attest.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.attest.app.LogLayout;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Records what Attest logs while it is open, for assertions about log lines. */
public final class LogCapture implements AutoCloseable {

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    public LogCapture() {
        appender.start();
        root.addAppender(appender);
    }

    /** Every event so far. */
    public List<ILoggingEvent> events() {
        synchronized (appender.list) {
            return List.copyOf(appender.list);
        }
    }

    /** Events at WARN or above whose message contains every one of {@code parts}. */
    public List<ILoggingEvent> problems(String... parts) {
        return events().stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .filter(e -> List.of(parts).stream().allMatch(e.getFormattedMessage()::contains)).toList();
    }

    /** Events at exactly {@code level}. */
    public List<ILoggingEvent> at(Level level) {
        return events().stream().filter(e -> e.getLevel() == level).toList();
    }

    /**
     * Every event so far as the log would show it, in each format {@code LOG_FORMAT} offers (text, then JSON): the
     * message, the MDC fields, any stack trace. What a log-secrecy test must search.
     */
    public List<String> renderedInEveryFormat() {
        List<String> lines = new ArrayList<>();
        for (String format : List.of("text", "json")) {
            LogLayout layout = new LogLayout();
            layout.setContext(root.getLoggerContext());
            layout.setFormat(format);
            layout.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n");
            layout.start();
            events().forEach(e -> lines.add(layout.doLayout(e)));
        }
        return lines;
    }

    public Level rootLevel() {
        return root.getLevel();
    }

    public void rootLevel(Level level) {
        root.setLevel(level);
    }

    /** Lets every logger that follows the root log down to DEBUG, until {@link #rootLevel(Level)} puts it back. */
    public void everything() {
        root.setLevel(Level.DEBUG);
    }

    @Override
    public void close() {
        root.detachAppender(appender);
    }
}
