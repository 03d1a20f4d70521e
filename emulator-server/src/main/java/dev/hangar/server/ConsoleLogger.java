package dev.hangar.server;

import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

import java.io.PrintStream;
import java.util.TimeZone;

/** A logger of {@link ConsoleLogProvider}: lines on stdout at or above its group's level. */
final class ConsoleLogger extends LegacyAbstractLogger {

    private static final TimeZone ZONE = TimeZone.getDefault();

    private final ConsoleLogProvider.Threshold threshold;

    ConsoleLogger(String name, ConsoleLogProvider.Threshold threshold) {
        this.name = name;
        this.threshold = threshold;
    }

    private boolean enabled(Level level) {
        return level.toInt() >= threshold.level;
    }

    @Override
    public boolean isTraceEnabled() {
        return enabled(Level.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
        return enabled(Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
        return enabled(Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
        return enabled(Level.WARN);
    }

    @Override
    public boolean isErrorEnabled() {
        return enabled(Level.ERROR);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
                                               Throwable thrown) {
        String message = arguments == null || arguments.length == 0 ? pattern
                : MessageFormatter.basicArrayFormat(pattern, arguments);
        PrintStream out = System.out;
        // one print per line: PrintStream locks per call, so lines of concurrent threads never interleave
        out.print(LogLine.format(System.currentTimeMillis(), ZONE, level, name, message, thrown));
        out.flush();
    }
}
