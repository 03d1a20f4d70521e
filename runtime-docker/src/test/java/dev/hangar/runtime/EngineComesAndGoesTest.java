package dev.hangar.runtime;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static dev.hangar.runtime.ContainerLifecycleTest.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EngineComesAndGoesTest {

    private static final Path DOCKER_SOCKET = Path.of("/var/run/docker.sock");

    @Test
    void anEngineStartedLaterIsPickedUpAndTheEventStreamSurvivesADrop() throws Exception {
        assertTrue(Files.exists(DOCKER_SOCKET), "Docker must be running (bash scripts/docker-up.sh)");
        Path socket = Files.createTempDirectory("hangar-proxy").resolve("docker.sock");
        BlockingQueue<ContainerEvent> events = new LinkedBlockingQueue<>();
        try (SocketProxy proxy = new SocketProxy(socket, DOCKER_SOCKET);
             DockerContainerRuntime runtime = DockerContainerRuntime.connect("test-late-" + uuid(), proxy.dockerHost())) {
            runtime.addListener(events::add);
            assertFalse(runtime.status().available());
            assertThrows(RuntimeUnavailableException.class, () -> runtime.inspect("x"));

            proxy.start();
            waitUntil(() -> runtime.status().available(), Duration.ofSeconds(10));
            assertNotNull(runtime.status().engineVersion());
            assertDieEventArrives(runtime, events, 4);

            // the engine "restarts": every open connection, the event stream's included, is cut
            proxy.stop();
            assertThrows(RuntimeUnavailableException.class, () -> runtime.inspect("x"));
            assertFalse(runtime.status().available());
            // a container of this instance exits while the stream is down: its die event must not be lost
            String exitedMeanwhile;
            try (DockerContainerRuntime direct = DockerContainerRuntime.connect(runtime.instanceId())) {
                ContainerHandle h = direct.create(RuntimeFixture.busybox("sh", "-c", "exit 6").build());
                direct.start(h.id());
                waitUntil(() -> direct.inspect(h.id()).status() == ContainerState.Status.EXITED, Duration.ofSeconds(10));
                exitedMeanwhile = h.id();
            }
            proxy.start();
            waitUntil(() -> runtime.status().available(), Duration.ofSeconds(10));
            ContainerEvent replayed = awaitDie(events, exitedMeanwhile);
            assertEquals(6, replayed.exitCode());
            assertDieEventArrives(runtime, events, 5);
            runtime.removeAll();
        }
    }

    private static void assertDieEventArrives(ContainerRuntime runtime, BlockingQueue<ContainerEvent> events,
                                              int exitCode) throws InterruptedException {
        ContainerHandle h = runtime.create(RuntimeFixture.busybox("sh", "-c", "exit " + exitCode).build());
        runtime.start(h.id());
        assertEquals(exitCode, awaitDie(events, h.id()).exitCode());
    }

    private static ContainerEvent awaitDie(BlockingQueue<ContainerEvent> events, String containerId)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            ContainerEvent e = events.poll(100, TimeUnit.MILLISECONDS);
            if (e != null && e.containerId().equals(containerId) && e.type() == ContainerEvent.Type.DIE) {
                return e;
            }
        }
        throw new AssertionError("no die event for " + containerId);
    }

    private static String uuid() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
