package io.attest.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Attest's logging, set up in code (found by logback through {@code META-INF/services}): one line per event on standard
 * output, text or JSON lines ({@code LOG_FORMAT}, see {@link LogLayout}), and never a request body or header, since
 * they can carry tokens. A logback.xml did the same, but reading it took a tenth of start-up (an XML parser and five
 * hundred classes). {@code -Dlogback.configurationFile=...} still replaces all of this.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogSetup extends ContextAwareBase implements Configurator {

    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n";

    /** Loggers set apart from the root's INFO, and why. */
    static final Map<String, Level> LEVELS = Map.ofEntries(
            Map.entry("org.eclipse.jetty", Level.WARN),
            Map.entry("io.javalin", Level.WARN),
            Map.entry("com.slack.api", Level.WARN),
            // The store says in one line where it is and at which schema version; the pool and Flyway say more only
            // when something is wrong.
            Map.entry("com.zaxxer.hikari", Level.WARN),
            Map.entry("org.flywaydb", Level.WARN),
            // Bolt logs unrecognised bodies verbatim (they hold the verification token), and warns about the
            // authorisation it skips in local mode; Attest reports both itself.
            Map.entry("com.slack.api.bolt.util.SlackRequestParser", Level.OFF),
            Map.entry("com.slack.api.bolt.App", Level.ERROR),
            // The Socket Mode client prints whole envelopes at debug level; Attest logs its connection itself.
            Map.entry("com.slack.api.socket_mode", Level.OFF),
            Map.entry("org.java_websocket", Level.WARN));

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        LogLayout layout = new LogLayout();
        layout.setContext(context);
        layout.setFormat(System.getenv("LOG_FORMAT"));
        layout.setPattern(PATTERN);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.setLayout(layout);
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("STDOUT");
        console.setEncoder(encoder);
        console.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
        LEVELS.forEach((name, level) -> context.getLogger(name).setLevel(level));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
