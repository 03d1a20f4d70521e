package dev.hangar.runtime;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OomTest {

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
    void aContainerOverItsMemoryLimitIsOomKilledAndReportedSo() {
        // 200 MB into a shell variable against a 16 MiB limit without swap
        ContainerHandle h = fx.run(RuntimeFixture.busybox("sh", "-c", "x=$(head -c 200000000 /dev/zero | tr '\\0' a); echo survived")
                .memoryBytes(16L * 1024 * 1024));
        ContainerEvent oom = fx.awaitEvent(h.id(), ContainerEvent.Type.OOM, Duration.ofSeconds(20));
        assertEquals(fx.runtime.instanceId(), oom.labels().get(HangarLabels.INSTANCE));
        ContainerEvent die = fx.awaitEvent(h.id(), ContainerEvent.Type.DIE, Duration.ofSeconds(20));
        assertEquals(137, die.exitCode());
        ContainerState state = fx.runtime.inspect(h.id());
        assertTrue(state.oomKilled(), "inspect should report OOMKilled");
        assertEquals(137, state.exitCode());
    }
}
