package dev.hangar.lambda.invoke;

import dev.hangar.runtime.LogLine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InvocationLogsTest {

    private static final String GROUP = "/aws/lambda/f";

    private final RecordingLogSink sink = new RecordingLogSink();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final InvocationLogs logs = new InvocationLogs(sink, "000000000000", "us-east-1", GROUP, "s", scheduler,
            new LogDelay(Duration.ofMillis(50)));

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void outputTheEngineStampedAfterTheAnswerStillSortsBeforeEnd() throws Exception {
        LogWindow window = logs.start("r1", "$LATEST", Instant.now());
        logs.end(window, List.of(), () -> "REPORT RequestId: r1", InvocationLogs.Close.WHEN_QUIET);
        // printed before the handler returned, but read (and stamped) by the engine after the answer reached Hangar
        Instant stamped = window.endedAt.plusMillis(30);
        logs.onLine(new LogLine("c", LogLine.Stream.STDOUT, "last words", stamped));
        window.settled.get(5, TimeUnit.SECONDS);
        long lineTime = timeOf("last words\n");
        long endTime = timeOf("END RequestId: r1\n");
        assertTrue(endTime >= lineTime, "END at " + endTime + " sorts before the output at " + lineTime);
        assertEquals(List.of("START RequestId: r1 Version: $LATEST\n", "last words\n", "END RequestId: r1\n",
                "REPORT RequestId: r1\n"), sink.messages(GROUP));
    }

    @Test
    void endAndReportAreWrittenWhenHangarStopsBeforeTheOutputSettled() throws Exception {
        LogWindow window = logs.start("r1", "$LATEST", Instant.now());
        scheduler.shutdownNow();
        logs.end(window, List.of(), () -> "REPORT RequestId: r1", InvocationLogs.Close.WHEN_QUIET);
        window.settled.get(1, TimeUnit.SECONDS);
        assertEquals(List.of("START RequestId: r1 Version: $LATEST\n", "END RequestId: r1\n", "REPORT RequestId: r1\n"),
                sink.messages(GROUP));
    }

    @Test
    void aTailedInvocationWaitsLongerForItsLastLinesThanTheEnginesRecentLagAlone() {
        LogWindow plain = logs.open("r1", "$LATEST", Instant.now(), false);
        LogWindow tailed = logs.open("r2", "$LATEST", Instant.now(), true);
        // nothing late seen yet: the base (50 ms here) for a stream reader, the floor for a caller reading the tail
        assertEquals(TimeUnit.MILLISECONDS.toNanos(50), logs.quietNanos(plain));
        assertEquals(InvocationLogs.TAIL_QUIET_FLOOR_NANOS, logs.quietNanos(tailed));
    }

    private long timeOf(String message) {
        return sink.entries.stream().filter(e -> e.event().message().equals(message)).findFirst().orElseThrow()
                .event().timestamp();
    }
}
