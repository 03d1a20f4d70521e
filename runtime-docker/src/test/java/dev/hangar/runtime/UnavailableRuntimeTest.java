package dev.hangar.runtime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UnavailableRuntimeTest {

    private static final String MISSING_SOCKET = "unix:///tmp/hangar-no-such-docker.sock";

    @Test
    void withoutAnEngineConnectReturnsAtOnceAndEveryCallFailsFastWithTheReason() {
        // the first connect in a JVM loads docker-java, Jackson and httpclient5: time the second one
        DockerContainerRuntime.connect("test-warm-up", MISSING_SOCKET).close();
        long t0 = System.nanoTime();
        try (DockerContainerRuntime runtime = DockerContainerRuntime.connect("test-absent", MISSING_SOCKET)) {
            long connectMillis = (System.nanoTime() - t0) / 1_000_000;
            System.out.println("connect without an engine: " + connectMillis + " ms");
            assertTrue(connectMillis < 1_000, "connect took " + connectMillis + " ms");

            RuntimeStatus status = runtime.status();
            assertFalse(status.available());
            assertNull(status.engineVersion());
            assertTrue(status.detail().startsWith("Docker engine not reachable at " + MISSING_SOCKET + ": "),
                    status.detail());
            runtime.addListener(e -> { });

            List<Executable> calls = List.of(
                    () -> runtime.imagePresent(TestImages.BUSYBOX),
                    () -> runtime.ensureImage(TestImages.BUSYBOX),
                    () -> runtime.inspectImage(TestImages.BUSYBOX),
                    () -> runtime.create(RuntimeFixture.busybox("true").build()),
                    () -> runtime.start("x"),
                    () -> runtime.stop("x", Duration.ofSeconds(1)),
                    () -> runtime.remove("x"),
                    () -> runtime.inspect("x"),
                    () -> runtime.followLogs("x", l -> { }),
                    runtime::removeAll,
                    runtime::reapOrphans,
                    runtime::engineInfo);
            for (Executable call : calls) {
                long c0 = System.nanoTime();
                RuntimeUnavailableException e = assertThrows(RuntimeUnavailableException.class, call);
                long callMillis = (System.nanoTime() - c0) / 1_000_000;
                assertTrue(callMillis < 1_000, "call took " + callMillis + " ms");
                assertTrue(e.getMessage().startsWith("Docker engine not reachable at " + MISSING_SOCKET),
                        e.getMessage());
            }
        }
    }

    @Test
    void aClosedTcpPortIsUnavailableToo() {
        try (DockerContainerRuntime runtime = DockerContainerRuntime.connect("test-absent", "tcp://127.0.0.1:1")) {
            assertFalse(runtime.status().available());
            assertTrue(runtime.status().detail().contains("tcp://127.0.0.1:1"), runtime.status().detail());
            assertThrows(RuntimeUnavailableException.class, () -> runtime.inspect("x"));
        }
    }

    @Test
    void aMalformedDockerHostIsReportedNotThrown() {
        try (DockerContainerRuntime runtime = DockerContainerRuntime.connect("test-absent", "bogus://what")) {
            assertFalse(runtime.status().available());
            RuntimeUnavailableException e = assertThrows(RuntimeUnavailableException.class, () -> runtime.inspect("x"));
            assertEquals(runtime.status().detail(), e.getMessage());
        }
    }
}
