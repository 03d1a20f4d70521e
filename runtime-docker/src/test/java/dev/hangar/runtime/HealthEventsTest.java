package dev.hangar.runtime;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Health checks on the real engine: its health_status events come as HEALTH; named volumes come and go. */
class HealthEventsTest {

    private static RuntimeFixture fx;

    @BeforeAll
    static void connect() {
        fx = new RuntimeFixture();
    }

    @AfterAll
    static void cleanUp() {
        fx.close();
    }

    private static ContainerSpec.HealthCheck check(String script) {
        return new ContainerSpec.HealthCheck(List.of("CMD-SHELL", script), Duration.ofMillis(500),
                Duration.ofSeconds(2), 1, Duration.ZERO);
    }

    @Test
    void passingAndFailingChecksAreReported() {
        ContainerHandle ok = fx.run(RuntimeFixture.busybox("sleep", "60").healthCheck(check("true")));
        ContainerHandle bad = fx.run(RuntimeFixture.busybox("sleep", "60").healthCheck(check("exit 1")));
        ContainerEvent healthy = fx.awaitEvent(ok.id(), ContainerEvent.Type.HEALTH, Duration.ofSeconds(20));
        assertEquals(ContainerEvent.Health.HEALTHY, healthy.health());
        assertEquals(fx.runtime.instanceId(), healthy.labels().get(HangarLabels.INSTANCE));
        assertEquals(ContainerEvent.Health.UNHEALTHY,
                fx.awaitEvent(bad.id(), ContainerEvent.Type.HEALTH, Duration.ofSeconds(20)).health());
    }

    @Test
    void namedVolumesAreCreatedOnceAndRemovedWithTheInstancesOthers() {
        String name = "hangar-test-vol-" + fx.runtime.instanceId();
        assertTrue(fx.runtime.createVolume(VolumeSpec.named(name, java.util.Map.of("k", "v"))));
        assertFalse(fx.runtime.createVolume(VolumeSpec.named(name, java.util.Map.of())), "exists already");
        assertTrue(fx.runtime.volumeExists(name));
        ContainerHandle user = fx.run(RuntimeFixture.busybox("sleep", "60")
                .volumeMounts(List.of(new ContainerSpec.VolumeMount(name, "/data", false))));
        assertThrows(ContainerRuntimeException.class, () -> fx.runtime.removeVolume(name), "in use");
        fx.runtime.removeAll();
        assertEquals(ContainerState.Status.GONE, fx.runtime.inspect(user.id()).status());
        assertFalse(fx.runtime.volumeExists(name), "removeAll removes the instance's volumes after its containers");
        fx.runtime.removeVolume(name); // gone: no error
    }
}
