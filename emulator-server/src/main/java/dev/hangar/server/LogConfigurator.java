package dev.hangar.server;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Hangar's logging set up in code (found by logback through META-INF/services), which spares every start the XML
 * configuration machinery: lines like {@code 12:00:00.000 INFO  Hangar - ...} on stdout, INFO, and WARN for the
 * chatty libraries. {@code HANGAR_LOG_LEVEL} sets dev.hangar's level (Main). A {@code -Dlogback.configurationFile}
 * or a logback-test.xml / logback.xml on the class path (a user's test JVM) still wins: this configurator then steps
 * aside.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class LogConfigurator extends ContextAwareBase implements Configurator {

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null || userConfiguration(LogConfigurator.class.getClassLoader())) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        LogProblems.watch(context, System.err);
        LogLineLayout layout = new LogLineLayout();
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("STDOUT");
        console.setEncoder(encoder);
        console.start();
        context.getLogger("com.github.dockerjava").setLevel(Level.WARN);
        context.getLogger("org.apache.hc").setLevel(Level.WARN);
        context.getLogger("io.netty").setLevel(Level.WARN);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /**
     * A logback-test.xml or logback.xml on the class path: Hangar runs inside a user's JVM (hangar-junit5) whose
     * logging is theirs to set up. The fat jar carries neither.
     */
    static boolean userConfiguration(ClassLoader loader) {
        return loader.getResource("logback-test.xml") != null || loader.getResource("logback.xml") != null;
    }
}
