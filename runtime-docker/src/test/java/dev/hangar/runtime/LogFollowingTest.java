package dev.hangar.runtime;

import com.github.dockerjava.core.DefaultDockerClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

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
    void everyLineOfAFastInterleavedWriterArrivesExactlyOnceInOrder() throws Exception {
        List<ContainerHandle> containers = new ArrayList<>();
        List<List<LogLine>> outputs = new ArrayList<>();
        List<AutoCloseable> follows = new ArrayList<>();
        for (int c = 0; c < 5; c++) {
            List<LogLine> lines = new CopyOnWriteArrayList<>();
            ContainerHandle h = fx.runtime.create(RuntimeFixture.busybox("sh", "-c",
                    "for i in $(seq 1 200); do echo out$i; echo err$i >&2; done; printf tail").build());
            follows.add(fx.runtime.followLogs(h.id(), lines::add));
            containers.add(h);
            outputs.add(lines);
        }
        containers.forEach(h -> fx.runtime.start(h.id()));
        List<String> expectedOut = new ArrayList<>();
        List<String> expectedErr = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            expectedOut.add("out" + i);
            expectedErr.add("err" + i);
        }
        expectedOut.add("tail");
        for (int c = 0; c < containers.size(); c++) {
            List<LogLine> lines = outputs.get(c);
            fx.awaitEvent(containers.get(c).id(), ContainerEvent.Type.DIE, Duration.ofSeconds(20));
            waitUntil(() -> lines.size() >= 401, Duration.ofSeconds(10));
            Thread.sleep(200); // a duplicate would arrive about now
            assertEquals(expectedOut, lines.stream().filter(l -> l.stream() == LogLine.Stream.STDOUT).map(LogLine::text).toList());
            assertEquals(expectedErr, lines.stream().filter(l -> l.stream() == LogLine.Stream.STDERR).map(LogLine::text).toList());
        }
        for (AutoCloseable f : follows) {
            f.close();
        }
    }

    @Test
    void aFollowBeginsWhenTheStartCallReturnsEvenIfNoStartEventComes() throws Exception {
        // these follows hear no engine events at all, as when the event stream drops a container's start event
        try (DockerClients clients = DockerClients.open(DefaultDockerClientConfig.createDefaultConfigBuilder().build())) {
            LogFollows follows = new LogFollows(clients.streamsHttp);
            List<LogLine> lines = new CopyOnWriteArrayList<>();
            ContainerHandle h = fx.runtime.create(RuntimeFixture.busybox("sh", "-c", "echo one; sleep 0.2; echo two").build());
            try (AutoCloseable follow = follows.follow(h.id(), lines::add, id -> true)) {
                fx.runtime.start(h.id());
                follows.started(h.id());
                waitUntil(() -> lines.size() >= 2, Duration.ofSeconds(10));
            }
            assertEquals(List.of("one", "two"), lines.stream().map(LogLine::text).toList());
        }
    }

    @Test
    void manyContainersStartedAtOnceEachDeliverEveryLineOnceInOrder() throws Exception {
        // starts from several threads make the engine publish start events out of time order; the containers stay
        // up, as execution environments do, so a follow that waits for a start event it never gets shows
        int containers = 40;
        int linesEach = 100;
        List<ContainerHandle> handles = new ArrayList<>();
        List<List<LogLine>> outputs = new ArrayList<>();
        List<AutoCloseable> follows = new ArrayList<>();
        try {
            for (int c = 0; c < containers; c++) {
                List<LogLine> lines = new CopyOnWriteArrayList<>();
                ContainerHandle h = fx.runtime.create(RuntimeFixture.busybox("sh", "-c",
                        "for i in $(seq 1 " + linesEach + "); do echo line$i; done; exec sleep 120").build());
                follows.add(fx.runtime.followLogs(h.id(), lines::add));
                handles.add(h);
                outputs.add(lines);
            }
            ExecutorService starters = Executors.newFixedThreadPool(8);
            try {
                for (ContainerHandle h : handles) {
                    starters.execute(() -> fx.runtime.start(h.id()));
                }
            } finally {
                starters.shutdown();
                assertTrue(starters.awaitTermination(2, TimeUnit.MINUTES));
            }
            List<String> expected = new ArrayList<>();
            for (int i = 1; i <= linesEach; i++) {
                expected.add("line" + i);
            }
            for (List<LogLine> lines : outputs) {
                waitUntil(() -> lines.size() >= linesEach, Duration.ofSeconds(30));
            }
            Thread.sleep(200); // a duplicate would arrive about now
            for (int c = 0; c < containers; c++) {
                assertEquals(expected, outputs.get(c).stream().map(LogLine::text).toList(), "container " + c);
            }
        } finally {
            for (AutoCloseable f : follows) {
                f.close();
            }
            handles.forEach(h -> fx.runtime.remove(h.id()));
        }
    }

    @Test
    void followsARunningContainerUntilClosed() throws Exception {
        List<LogLine> lines = new CopyOnWriteArrayList<>();
        ContainerHandle h = fx.run(RuntimeFixture.busybox("sh", "-c", "i=0; while true; do i=$((i+1)); echo tick $i; sleep 0.1; done"));
        AutoCloseable follow = fx.runtime.followLogs(h.id(), lines::add);
        waitUntil(() -> lines.size() >= 3, Duration.ofSeconds(5));
        follow.close();
        // a line the reader had already passed on when close came may still land: counted after it has
        Thread.sleep(300);
        int afterClose = lines.size();
        // five ticks' time on purpose: a follow still running would deliver them
        Thread.sleep(500);
        assertEquals(afterClose, lines.size(), "no lines after close");
        assertEquals("tick 1", lines.get(0).text());
    }

    @Test
    void removingAContainerLetsItsFollowReadTheRestOfItsOutputFirst() throws Exception {
        // a burst the follow is still reading when the container is removed, as when a Lambda handler times out
        // not copy-on-write: 20000 copies of a growing array slowed the follow past the removal's 3 s drain on a
        // loaded machine, and the test then measured its own collector
        List<LogLine> lines = java.util.Collections.synchronizedList(new ArrayList<>());
        ContainerHandle h = fx.runtime.create(RuntimeFixture.busybox("sh", "-c", "seq 1 20000; sleep 60").build());
        try (AutoCloseable follow = fx.runtime.followLogs(h.id(), lines::add)) {
            fx.runtime.start(h.id());
            waitUntil(() -> !lines.isEmpty(), Duration.ofSeconds(10));
            fx.runtime.remove(h.id());
            assertEquals(ContainerState.Status.GONE, fx.runtime.inspect(h.id()).status());
            // no waiting here: the removal returned only once the follow had the whole log
            assertEquals(20000, lines.size());
            assertEquals("20000", lines.get(lines.size() - 1).text());
        }
    }

    @Test
    void removingAFollowedContainerThatNeverStartedEndsItsFollow() throws Exception {
        List<LogLine> lines = new CopyOnWriteArrayList<>();
        ContainerHandle h = fx.runtime.create(RuntimeFixture.busybox("echo", "never").build());
        try (AutoCloseable follow = fx.runtime.followLogs(h.id(), lines::add)) {
            fx.runtime.remove(h.id());
            assertEquals(ContainerState.Status.GONE, fx.runtime.inspect(h.id()).status());
            assertEquals(List.of(), lines);
        }
    }

    @Test
    void followingAMissingContainerFails() {
        assertThrows(ContainerRuntimeException.class, () -> fx.runtime.followLogs("hangar-missing", l -> { }));
    }
}
