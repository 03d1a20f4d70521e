package dev.hangar.runtime;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContainerLifecycleTest {

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
    void runsCommandWithEnvironmentAndReportsExitCodeThroughTheDieEvent() {
        List<LogLine> lines = new CopyOnWriteArrayList<>();
        String name = "hangar-rt-env-" + UUID.randomUUID().toString().substring(0, 6);
        ContainerHandle h = fx.runtime.create(RuntimeFixture.busybox("sh", "-c", "echo \"greeting=$GREETING\"; exit 3")
                .name(name)
                .environment(Map.of("GREETING", "hello world"))
                .labels(Map.of(HangarLabels.RESOURCE, "arn:aws:ecs:us-east-1:000000000000:task/c/1"))
                .build());
        assertEquals(name, h.name());
        assertEquals(ContainerState.Status.CREATED, fx.runtime.inspect(h.id()).status());
        fx.runtime.start(h.id());

        ContainerEvent die = fx.awaitEvent(h.id(), ContainerEvent.Type.DIE, Duration.ofSeconds(10));
        assertEquals(3, die.exitCode());
        assertEquals("arn:aws:ecs:us-east-1:000000000000:task/c/1", die.labels().get(HangarLabels.RESOURCE));
        assertEquals(fx.runtime.instanceId(), die.labels().get(HangarLabels.INSTANCE));
        assertEquals("true", die.labels().get(HangarLabels.MANAGED));

        ContainerState state = fx.runtime.inspect(h.id());
        assertEquals(ContainerState.Status.EXITED, state.status());
        assertEquals(3, state.exitCode());
        assertFalse(state.oomKilled());
        assertNotNull(state.startedAt());
        assertNotNull(state.finishedAt());
        assertFalse(state.finishedAt().isBefore(state.startedAt()));

        try (AutoCloseable follow = fx.runtime.followLogs(h.id(), lines::add)) {
            waitUntil(() -> !lines.isEmpty(), Duration.ofSeconds(5));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertEquals("greeting=hello world", lines.get(0).text());
    }

    @Test
    void startEventArrivesAndCreateToRunningIsQuick() {
        long t0 = System.nanoTime();
        ContainerHandle h = fx.run(RuntimeFixture.busybox("sleep", "30"));
        long createToRunningMillis = (System.nanoTime() - t0) / 1_000_000;
        fx.awaitEvent(h.id(), ContainerEvent.Type.START, Duration.ofSeconds(5));
        ContainerState state = fx.runtime.inspect(h.id());
        assertEquals(ContainerState.Status.RUNNING, state.status());
        assertNull(state.exitCode());
        assertNull(state.finishedAt());
        System.out.println("create->running: " + createToRunningMillis + " ms");
        assertTrue(createToRunningMillis < 5_000, "create->running took " + createToRunningMillis + " ms");
        fx.runtime.remove(h.id());
        assertEquals(ContainerState.Status.GONE, fx.runtime.inspect(h.id()).status());
    }

    @Test
    void stopWithInitEndsAProcessThatIgnoresSigtermAtOnce() {
        // busybox httpd as PID 1 ignores SIGTERM; with an init in front it goes down on the signal
        ContainerHandle h = fx.run(ContainerSpec.builder(TestImages.WEB).init(true));
        fx.awaitEvent(h.id(), ContainerEvent.Type.START, Duration.ofSeconds(5));
        long t0 = System.nanoTime();
        fx.runtime.stop(h.id(), Duration.ofSeconds(10));
        long stopMillis = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("stop with init: " + stopMillis + " ms");
        assertTrue(stopMillis < 3_000, "stop with init took " + stopMillis + " ms");
        fx.awaitEvent(h.id(), ContainerEvent.Type.DIE, Duration.ofSeconds(5));
        assertEquals(ContainerState.Status.EXITED, fx.runtime.inspect(h.id()).status());

        // already stopped, then already gone: neither is an error
        fx.runtime.stop(h.id(), Duration.ofSeconds(1));
        fx.runtime.remove(h.id());
        fx.runtime.remove(h.id());
        fx.runtime.stop(h.id(), Duration.ofSeconds(1));
    }

    @Test
    void stopWithoutInitWaitsOutTheGraceThenKills() {
        ContainerHandle h = fx.run(ContainerSpec.builder(TestImages.WEB).init(false));
        fx.awaitEvent(h.id(), ContainerEvent.Type.START, Duration.ofSeconds(5));
        long t0 = System.nanoTime();
        fx.runtime.stop(h.id(), Duration.ofMillis(1_000));
        long stopMillis = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("stop without init, 1 s grace: " + stopMillis + " ms");
        assertTrue(stopMillis >= 900, "SIGTERM should have been ignored, stop took " + stopMillis + " ms");
        ContainerEvent die = fx.awaitEvent(h.id(), ContainerEvent.Type.DIE, Duration.ofSeconds(5));
        assertEquals(137, die.exitCode());
    }

    @Test
    void appliesEntrypointWorkingDirUserLimitsAndExtraHosts() {
        List<LogLine> lines = new CopyOnWriteArrayList<>();
        ContainerHandle h = fx.runtime.create(ContainerSpec.builder(TestImages.BUSYBOX)
                .entrypoint(List.of("/bin/sh", "-c"))
                .command(List.of("pwd; id -u; grep -c host.docker.internal /etc/hosts; cat /sys/fs/cgroup/memory/memory.limit_in_bytes 2>/dev/null || cat /sys/fs/cgroup/memory.max"))
                .workingDir("/tmp")
                .user("65534")
                .memoryBytes(64L * 1024 * 1024)
                .memoryReservationBytes(32L * 1024 * 1024)
                .cpuShares(512)
                .nanoCpus(500_000_000L)
                .extraHosts(List.of("host.docker.internal:host-gateway"))
                .build());
        AutoCloseable follow = fx.runtime.followLogs(h.id(), lines::add);
        fx.runtime.start(h.id());
        assertEquals(0, fx.awaitEvent(h.id(), ContainerEvent.Type.DIE, Duration.ofSeconds(10)).exitCode());
        waitUntil(() -> lines.size() >= 4, Duration.ofSeconds(5));
        closeQuietly(follow);
        assertEquals(List.of("/tmp", "65534", "1", String.valueOf(64L * 1024 * 1024)),
                lines.stream().map(LogLine::text).toList());
    }

    @Test
    void aCommandThatCannotRunFailsStartWithTheEnginesReason() {
        ContainerHandle h = fx.runtime.create(RuntimeFixture.busybox("/no/such/binary").init(false).build());
        ContainerRuntimeException e = assertThrows(ContainerRuntimeException.class, () -> fx.runtime.start(h.id()));
        assertTrue(e.getMessage().contains("/no/such/binary"), e.getMessage());
        assertFalse(e instanceof RuntimeUnavailableException);
        ContainerState state = fx.runtime.inspect(h.id());
        assertNotNull(state.error(), "inspect should carry the engine's error text");
    }

    @Test
    void behindInitACommandThatCannotRunStartsAndDiesWith127() {
        // the engine starts docker-init, which then fails to exec: start succeeds, the reason is on stderr
        List<LogLine> lines = new CopyOnWriteArrayList<>();
        ContainerHandle h = fx.runtime.create(RuntimeFixture.busybox("/no/such/binary").init(true).build());
        AutoCloseable follow = fx.runtime.followLogs(h.id(), lines::add);
        fx.runtime.start(h.id());
        assertEquals(127, fx.awaitEvent(h.id(), ContainerEvent.Type.DIE, Duration.ofSeconds(10)).exitCode());
        waitUntil(() -> !lines.isEmpty(), Duration.ofSeconds(5));
        closeQuietly(follow);
        assertEquals(LogLine.Stream.STDERR, lines.get(0).stream());
        assertTrue(lines.get(0).text().contains("/no/such/binary"), lines.get(0).text());
    }

    @Test
    void startingAMissingContainerIsAnEngineError() {
        ContainerRuntimeException e = assertThrows(ContainerRuntimeException.class,
                () -> fx.runtime.start("hangar-no-such-container"));
        assertTrue(e.getMessage().contains("No such container"), e.getMessage());
    }

    static void waitUntil(java.util.function.BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // a test's follow may already have ended with its container
        }
    }
}
