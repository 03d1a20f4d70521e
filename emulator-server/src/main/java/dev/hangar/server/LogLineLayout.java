package dev.hangar.server;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;

import java.util.TimeZone;

/**
 * Hangar's log line, {@code 12:00:00.000 INFO  Hangar - message} and the stack trace of an exception, as the
 * pattern {@code %d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n} writes it. Written by hand because logback's pattern
 * layout parses its pattern and loads some eighty converter classes on every start, on the path to the first answer.
 */
final class LogLineLayout extends LayoutBase<ILoggingEvent> {

    private static final int DAY_MS = 24 * 60 * 60 * 1000;

    @Override
    public String doLayout(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(128);
        timeOfDay(line, event.getTimeStamp());
        line.append(' ');
        String level = event.getLevel().toString();
        line.append(level);
        for (int i = level.length(); i < 5; i++) {
            line.append(' ');
        }
        line.append(' ');
        String logger = event.getLoggerName();
        line.append(logger, logger.lastIndexOf('.') + 1, logger.length());
        line.append(" - ").append(event.getFormattedMessage()).append(CoreConstants.LINE_SEPARATOR);
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) {
            line.append(ThrowableProxyUtil.asString(thrown));
        }
        return line.toString();
    }

    /** HH:mm:ss.SSS in the JVM's time zone, as %d does. */
    private static void timeOfDay(StringBuilder line, long epochMs) {
        long local = epochMs + TimeZone.getDefault().getOffset(epochMs);
        int ms = (int) Math.floorMod(local, (long) DAY_MS);
        two(line, ms / 3_600_000).append(':');
        two(line, ms / 60_000 % 60).append(':');
        two(line, ms / 1000 % 60).append('.');
        int milli = ms % 1000;
        line.append((char) ('0' + milli / 100)).append((char) ('0' + milli / 10 % 10)).append((char) ('0' + milli % 10));
    }

    private static StringBuilder two(StringBuilder line, int value) {
        return line.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}
