package dev.hangar.server;

import org.slf4j.event.Level;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.TimeZone;

/**
 * One line of Hangar's log, {@code 12:00:00.000 INFO  Hangar - message}, with the stack trace of a logged exception
 * after it: the format logback printed with {@code %d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n}, written by hand.
 */
final class LogLine {

    private static final String NEWLINE = System.lineSeparator();

    private LogLine() {
    }

    static String format(long epochMillis, TimeZone zone, Level level, String loggerName, String message,
                         Throwable thrown) {
        StringBuilder line = new StringBuilder(96 + (message == null ? 4 : message.length()));
        appendTime(line, epochMillis + zone.getOffset(epochMillis));
        line.append(' ');
        String levelName = level.toString();
        line.append(levelName);
        for (int i = levelName.length(); i < 5; i++) {
            line.append(' ');
        }
        line.append(' ').append(loggerName, loggerName.lastIndexOf('.') + 1, loggerName.length())
                .append(" - ").append(message).append(NEWLINE);
        if (thrown != null) {
            StringWriter trace = new StringWriter();
            thrown.printStackTrace(new PrintWriter(trace));
            line.append(trace);
        }
        return line.toString();
    }

    private static void appendTime(StringBuilder line, long localMillis) {
        long millisOfDay = Math.floorMod(localMillis, 86_400_000L);
        twoDigits(line, millisOfDay / 3_600_000).append(':');
        twoDigits(line, millisOfDay / 60_000 % 60).append(':');
        twoDigits(line, millisOfDay / 1_000 % 60).append('.');
        long millis = millisOfDay % 1_000;
        line.append((char) ('0' + millis / 100)).append((char) ('0' + millis / 10 % 10)).append((char) ('0' + millis % 10));
    }

    private static StringBuilder twoDigits(StringBuilder line, long value) {
        return line.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}
