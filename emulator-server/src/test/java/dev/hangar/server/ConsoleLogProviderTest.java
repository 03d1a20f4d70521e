package dev.hangar.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Levels by logger group, message formatting, and HANGAR_LOG_LEVEL reaching loggers that already exist. */
class ConsoleLogProviderTest {

    private final ConsoleLogProvider provider = new ConsoleLogProvider();

    @AfterEach
    void restoreLevel() {
        ConsoleLogProvider.setHangarLevel("INFO");
    }

    @Test
    void librariesLogWarningsOnlyAndTheRestInfo() {
        assertFalse(provider.getLogger("io.netty.channel.X").isInfoEnabled());
        assertTrue(provider.getLogger("io.netty.channel.X").isWarnEnabled());
        assertFalse(provider.getLogger("org.apache.hc.client5.Y").isInfoEnabled());
        assertFalse(provider.getLogger("com.github.dockerjava.Z").isInfoEnabled());
        assertTrue(provider.getLogger("io.nettyish.Z").isInfoEnabled());
        assertTrue(provider.getLogger("software.amazon.awssdk.Q").isInfoEnabled());
        assertFalse(provider.getLogger("software.amazon.awssdk.Q").isDebugEnabled());
        assertTrue(provider.getLogger("dev.hangar.ecs.EcsService").isInfoEnabled());
    }

    @Test
    void hangarsLevelChangesItsExistingLoggers() {
        Logger logger = provider.getLogger("dev.hangar.core.http.RequestPipeline");
        assertFalse(logger.isDebugEnabled());
        ConsoleLogProvider.setHangarLevel("debug");
        assertTrue(logger.isDebugEnabled());
        assertFalse(provider.getLogger("io.netty.X").isInfoEnabled());
        ConsoleLogProvider.setHangarLevel("OFF");
        assertFalse(logger.isErrorEnabled());
        ConsoleLogProvider.setHangarLevel("nonsense");
        assertTrue(logger.isDebugEnabled());
        assertFalse(logger.isTraceEnabled());
    }

    @Test
    void printsFormattedLinesWithTheirExceptions() {
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            Logger logger = provider.getLogger("dev.hangar.server.Hangar");
            logger.info("listening on {} in {} ms", "http://127.0.0.1:4566", 42);
            logger.debug("not shown");
            logger.warn("failed {}", "x", new IllegalStateException("boom"));
        } finally {
            System.setOut(saved);
        }
        String[] lines = out.toString(StandardCharsets.UTF_8).split(System.lineSeparator());
        assertTrue(lines[0].matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  Hangar - listening on http://127.0.0.1:4566 in 42 ms"),
                lines[0]);
        assertTrue(lines[1].endsWith(" WARN  Hangar - failed x"), lines[1]);
        assertEquals("java.lang.IllegalStateException: boom", lines[2]);
    }
}
