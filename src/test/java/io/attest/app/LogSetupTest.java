package io.attest.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Logging is set up in code, as logback.xml once did it, and it is what the running service uses. */
class LogSetupTest {

    @Test
    void everyEventGoesToOneConsoleAppenderThroughAttestsLayout() {
        LoggerContext context = new LoggerContext();
        assertEquals(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY, configure(context));

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertEquals(Level.INFO, root.getLevel());
        List<Appender<ILoggingEvent>> appenders = new ArrayList<>();
        root.iteratorForAppenders().forEachRemaining(appenders::add);
        assertEquals(1, appenders.size());
        ConsoleAppender<ILoggingEvent> console = assertInstanceOf(ConsoleAppender.class, appenders.get(0));
        LayoutWrappingEncoder<ILoggingEvent> encoder = assertInstanceOf(LayoutWrappingEncoder.class, console.getEncoder());
        assertInstanceOf(LogLayout.class, encoder.getLayout());
    }

    @Test
    void theLoggersThatCouldPrintATokenAreSilenced() {
        LoggerContext context = new LoggerContext();
        configure(context);

        assertEquals(Level.OFF, context.getLogger("com.slack.api.bolt.util.SlackRequestParser").getEffectiveLevel());
        assertEquals(Level.OFF, context.getLogger("com.slack.api.socket_mode.SocketModeClient").getEffectiveLevel());
        assertEquals(Level.ERROR, context.getLogger("com.slack.api.bolt.App").getEffectiveLevel());
        assertEquals(Level.WARN, context.getLogger("org.eclipse.jetty.server.Server").getEffectiveLevel());
        assertEquals(Level.INFO, context.getLogger("io.attest.app.Wiring").getEffectiveLevel());
    }

    @Test
    void theRunningServiceIsSetUpThisWay() {
        LoggerContext running = (LoggerContext) LoggerFactory.getILoggerFactory();

        assertEquals(Level.OFF, running.getLogger("com.slack.api.bolt.util.SlackRequestParser").getEffectiveLevel());
        assertEquals(Level.ERROR, running.getLogger("com.slack.api.bolt.App").getEffectiveLevel());
    }

    @Test
    void aConfigurationFileNamedOnTheCommandLineReplacesIt() {
        String before = System.setProperty("logback.configurationFile", "/somewhere/logback.xml");
        try {
            assertEquals(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY, configure(new LoggerContext()));
        } finally {
            if (before == null) {
                System.clearProperty("logback.configurationFile");
            } else {
                System.setProperty("logback.configurationFile", before);
            }
        }
    }

    private static Configurator.ExecutionStatus configure(LoggerContext context) {
        LogSetup setup = new LogSetup();
        setup.setContext(context);
        return setup.configure(context);
    }
}
