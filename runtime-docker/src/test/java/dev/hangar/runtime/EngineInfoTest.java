package dev.hangar.runtime;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine host's size, as ECS's container instance registers it. */
class EngineInfoTest {

    @Test
    void theEngineTellsItsCpusMemoryAndVersion() {
        RuntimeFixture fx = new RuntimeFixture();
        try {
            EngineInfo info = fx.runtime.engineInfo();
            assertTrue(info.cpus() >= 1, info.toString());
            assertTrue(info.memoryMib() >= 256, info.toString());
            assertEquals("linux", info.osType());
            assertEquals(fx.runtime.status().engineVersion(), info.serverVersion());
        } finally {
            fx.close();
        }
    }
}
