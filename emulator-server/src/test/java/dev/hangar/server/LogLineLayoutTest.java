package dev.hangar.server;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;

import java.util.TimeZone;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Hangar's hand-written log line must be the line logback's pattern layout writes for the same pattern. */
class LogLineLayoutTest {

    private final LoggerContext context = new LoggerContext();

    @Test
    void writesWhatThePatternWrites() {
        for (Level level : new Level[]{Level.TRACE, Level.DEBUG, Level.INFO, Level.WARN, Level.ERROR}) {
            assertSameLine(event("dev.hangar.server.Hangar", level, "listening on {} in {} ms",
                    new Object[]{"http://127.0.0.1:4566", 412}, null));
        }
        assertSameLine(event("Root", Level.INFO, "no dots in the name", null, null));
    }

    @Test
    void writesTheStackTraceOfAnException() {
        IllegalStateException cause = new IllegalStateException("engine gone");
        assertSameLine(event("dev.hangar.runtime.DockerContainerRuntime", Level.WARN, "Removing {} failed",
                new Object[]{"abc"}, new RuntimeException("remove failed", cause)));
    }

    @Test
    void timeOfDayFollowsTheJvmTimeZone() {
        TimeZone saved = TimeZone.getDefault();
        try {
            for (String zone : new String[]{"UTC", "Asia/Kolkata", "America/St_Johns", "Pacific/Chatham"}) {
                TimeZone.setDefault(TimeZone.getTimeZone(zone));
                for (long t : new long[]{0L, 1_764_072_000_123L, 1_767_225_599_999L}) {
                    LoggingEvent e = event("a.B", Level.INFO, "m", null, null);
                    e.setTimeStamp(t);
                    assertSameLine(e);
                }
            }
        } finally {
            TimeZone.setDefault(saved);
        }
    }

    private void assertSameLine(LoggingEvent event) {
        PatternLayout pattern = new PatternLayout();
        pattern.setContext(context);
        pattern.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n");
        pattern.start();
        LogLineLayout ours = new LogLineLayout();
        ours.setContext(context);
        ours.start();
        assertEquals(pattern.doLayout(event), ours.doLayout(event));
    }

    private LoggingEvent event(String logger, Level level, String message, Object[] args, Throwable thrown) {
        return new LoggingEvent(LogLineLayoutTest.class.getName(), context.getLogger(logger), level, message, thrown,
                args);
    }
}
