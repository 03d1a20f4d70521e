package dev.hangar.server;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Settings are read from the environment, and a malformed one stops Hangar with a message naming it. */
class HangarConfigTest {

    @Test
    void theTimeScaleIsOneUnlessSetAndMustBeASensibleNumber() {
        assertEquals(1, HangarConfig.fromEnvironment(Map.of()).timeScale());
        assertEquals(60, HangarConfig.fromEnvironment(Map.of("HANGAR_TIME_SCALE", "60")).timeScale());
        assertEquals(2.5, HangarConfig.fromEnvironment(Map.of("HANGAR_TIME_SCALE", " 2.5 ")).timeScale());
        for (String bad : new String[] {"fast", "0", "0.5", "-3", "NaN", "1e9"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> HangarConfig.fromEnvironment(Map.of("HANGAR_TIME_SCALE", bad)), bad);
            assertEquals(true, e.getMessage().startsWith("HANGAR_TIME_SCALE must be"), e.getMessage());
        }
    }

    @Test
    void theScaledClockIsWhatTheServicesGet() throws Exception {
        try (Hangar hangar = Hangar.start(HangarConfig.fromEnvironment(
                Map.of("HANGAR_PORT", "0", "HANGAR_TIME_SCALE", "120")))) {
            assertEquals(120, hangar.server().clock().scale());
            assertEquals(hangar.server().clock(), hangar.server().context().clock());
        }
    }
}
