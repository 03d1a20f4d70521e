package dev.hangar.server;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

import java.util.TimeZone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hangar's log lines are the ones logback printed with the pattern they replace. */
class LogLineTest {

    private static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n";

    @Test
    void linesAreWhatLogbacksPatternPrinted() {
        LoggerContext context = new LoggerContext();
        PatternLayout pattern = new PatternLayout();
        pattern.setContext(context);
        pattern.setPattern(PATTERN);
        pattern.start();
        long[] times = {0L, 1_764_000_000_123L, 1_764_086_399_999L, System.currentTimeMillis(), 951_782_400_007L};
        for (Level level : Level.values()) {
            for (long time : times) {
                for (String name : new String[]{"dev.hangar.server.Hangar", "Plain"}) {
                    LoggingEvent event = new LoggingEvent("x", context.getLogger(name),
                            ch.qos.logback.classic.Level.toLevel(level.toString()), "listening on {} in {} ms", null,
                            new Object[]{"http://127.0.0.1:4566", 42});
                    event.setTimeStamp(time);
                    assertEquals(pattern.doLayout(event), LogLine.format(time, TimeZone.getDefault(), level, name,
                            "listening on http://127.0.0.1:4566 in 42 ms", null));
                }
            }
        }
    }

    @Test
    void aLoggedExceptionFollowsWithItsStackTrace() {
        String text = LogLine.format(0L, TimeZone.getTimeZone("UTC"), Level.WARN, "dev.hangar.X", "failed",
                new IllegalStateException("boom", new RuntimeException("cause")));
        assertTrue(text.startsWith("00:00:00.000 WARN  X - failed" + System.lineSeparator()
                + "java.lang.IllegalStateException: boom" + System.lineSeparator()), text);
        assertTrue(text.contains("Caused by: java.lang.RuntimeException: cause"), text);
        assertTrue(text.contains("at dev.hangar.server.LogLineTest"), text);
    }

    @Test
    void timesAreInTheGivenZone() {
        assertTrue(LogLine.format(0L, TimeZone.getTimeZone("Asia/Kolkata"), Level.INFO, "L", "m", null)
                .startsWith("05:30:00.000 INFO  L - m"));
        assertTrue(LogLine.format(-1L, TimeZone.getTimeZone("UTC"), Level.INFO, "L", "m", null)
                .startsWith("23:59:59.999 INFO  L - m"));
    }
}
