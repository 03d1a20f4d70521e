package dev.hangar.runtime;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.hangar.runtime.ContainerLifecycleTest.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogFollowingTest {

    private static RuntimeFixture fx;

    @BeforeAll
    static void connect() {
        fx = new RuntimeFixture();
    }

    @AfterAll
    static void cleanUp() {
        fx.close();
    }

    @Test
    void splitsOutputIntoLinesPerStreamAndJoinsLinesWrittenInPieces() throws Exception {
        List<LogLine> lines = new CopyOnWriteArrayList<>();
        ContainerHandle h = fx.runtime.create(RuntimeFixture.busybox("sh", "-c",
                "echo one; printf 'tw'; sleep 0.3; printf 'o\\nthree\\n'; echo oops >&2; printf 'no newline'").build());
        try (AutoCloseable follow = fx.runtime.followLogs(h.id(), lines::add)) {
            fx.runtime.start(h.id());
            fx.awaitEvent(h.id(), ContainerEvent.Type.DIE, Duration.ofSeconds(10));
            waitUntil(() -> lines.size() >= 5, Duration.ofSeconds(5));
        }
        List<String> stdout = lines.stream().filter(l -> l.stream() == LogLine.Stream.STDOUT).map(LogLine::text).toList();
        List<String> stderr = lines.stream().filter(l -> l.stream() == LogLine.Stream.STDERR).map(LogLine::text).toList();
        assertEquals(List.of("one", "two", "three", "no newline"), stdout);
        assertEquals(List.of("oops"), stderr);
        assertTrue(lines.stream().allMatch(l -> l.containerId().equals(h.id()) && l.time() != null));
    }

    @Test
    void followsARunningContainerUntilClosed() throws Exception {
        List<LogLine> lines = new CopyOnWriteArrayList<>();
        ContainerHandle h = fx.run(RuntimeFixture.busybox("sh", "-c", "i=0; while true; do i=$((i+1)); echo tick $i; sleep 0.1; done"));
        AutoCloseable follow = fx.runtime.followLogs(h.id(), lines::add);
        waitUntil(() -> lines.size() >= 3, Duration.ofSeconds(5));
        follow.close();
        Thread.sleep(300);
        int afterClose = lines.size();
        Thread.sleep(500);
        assertEquals(afterClose, lines.size(), "no lines after close");
        assertEquals("tick 1", lines.get(0).text());
    }

    @Test
    void followingAMissingContainerFails() {
        assertThrows(ContainerRuntimeException.class, () -> fx.runtime.followLogs("hangar-missing", l -> { }));
    }
}
