package dev.hangar.server;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.status.ErrorStatus;
import ch.qos.logback.core.status.InfoStatus;
import ch.qos.logback.core.status.StatusUtil;
import ch.qos.logback.core.status.WarnStatus;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogProblemsTest {

    @Test
    void printsLogbacksWarningsAndErrorsOnlyBeforeAndAfterItWatches() {
        LoggerContext context = new LoggerContext();
        context.getStatusManager().add(new InfoStatus("found a configurator", this));
        context.getStatusManager().add(new WarnStatus("no appender named X", this));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        LogProblems.watch(context, out);
        context.getStatusManager().add(new InfoStatus("started", this));
        context.getStatusManager().add(new ErrorStatus("appender failed", this, new IllegalStateException("disk")));

        String printed = bytes.toString(StandardCharsets.UTF_8);
        String[] lines = printed.split("\n");
        assertEquals("logback WARN: no appender named X", lines[0]);
        assertEquals("logback ERROR: appender failed", lines[1]);
        assertTrue(lines[2].startsWith("java.lang.IllegalStateException: disk"), printed);
        assertTrue(!printed.contains("configurator") && !printed.contains("started"), printed);
        // logback sees a listener and leaves its own printing (and its date formatter) out
        assertTrue(StatusUtil.contextHasStatusListener(context));
    }
}
