package dev.hangar.runtime;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A runtime on the real local engine with a fresh instance id, recording every event it sees. Fails (never skips)
 * when no engine answers or the test images are missing: CI starts Docker and builds them before the suite.
 */
final class RuntimeFixture implements AutoCloseable {

    final DockerContainerRuntime runtime;
    private final BlockingQueue<ContainerEvent> events = new LinkedBlockingQueue<>();

    RuntimeFixture() {
        runtime = DockerContainerRuntime.connect("test-" + UUID.randomUUID().toString().substring(0, 8));
        RuntimeStatus status = runtime.status();
        assertTrue(status.available(), "Docker must be running (bash scripts/docker-up.sh): " + status.detail());
        for (String image : List.of(TestImages.BUSYBOX, TestImages.WEB)) {
            assertTrue(runtime.imagePresent(image), image + " missing: run bash scripts/build-test-images.sh");
        }
        runtime.addListener(events::add);
    }

    /** The next event of this container and type, skipping others; fails after the timeout. */
    ContainerEvent awaitEvent(String containerId, ContainerEvent.Type type, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                ContainerEvent e = left <= 0 ? null : events.poll(left, TimeUnit.NANOSECONDS);
                if (e == null) {
                    return fail("no " + type + " event for " + containerId + " within " + timeout);
                }
                if (e.containerId().equals(containerId) && e.type() == type) {
                    return e;
                }
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return fail("interrupted");
        }
    }

    /** Runs busybox with the given command, started. */
    ContainerHandle run(ContainerSpec.Builder spec) {
        ContainerHandle h = runtime.create(spec.build());
        runtime.start(h.id());
        return h;
    }

    static ContainerSpec.Builder busybox(String... command) {
        return ContainerSpec.builder(TestImages.BUSYBOX).command(List.of(command));
    }

    @Override
    public void close() {
        try {
            runtime.removeAll();
        } finally {
            runtime.close();
        }
    }
}
