package dev.hangar.testcontainers;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Testcontainers' reuse mode (enabled for this module's tests by TESTCONTAINERS_REUSE_ENABLE in the pom): a second
 * HangarContainer with the same settings finds the first one's container, because HangarContainer adds nothing
 * random to the container's configuration.
 */
class ReuseTest {

    @Test
    void aSecondContainerWithTheSameSettingsIsTheSameContainer() {
        HangarContainer first = new HangarContainer().withReuse(true).withLogLevel("warn");
        try {
            first.start();
            HangarContainer second = new HangarContainer().withReuse(true).withLogLevel("warn");
            second.start();

            assertEquals(first.getContainerId(), second.getContainerId());
            assertEquals(first.getEndpoint(), second.getEndpoint());
        } finally {
            first.stop();
        }
    }
}
