package dev.hangar.runtime;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImagesTest {

    /** A registry address on loopback where nothing listens: the pull fails without traffic leaving the host. */
    private static final String UNPULLABLE = "127.0.0.1:1/hangar-test/missing:1.0";

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
    void aPresentImageIsFoundAndNotPulled() {
        assertTrue(fx.runtime.imagePresent(TestImages.BUSYBOX));
        fx.runtime.ensureImage(TestImages.BUSYBOX);
        fx.runtime.ensureImage("hangar-test/busybox");
    }

    @Test
    void aMissingImageThatCannotBePulledFailsFastWithTheEnginesReason() {
        assertFalse(fx.runtime.imagePresent(UNPULLABLE));
        long t0 = System.nanoTime();
        ImagePullException e = assertThrows(ImagePullException.class, () -> fx.runtime.ensureImage(UNPULLABLE));
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(millis < 5_000, "pull failure took " + millis + " ms");
        assertTrue(e.getMessage().startsWith("Cannot pull image " + UNPULLABLE + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("connection refused"), e.getMessage());
    }

    @Test
    void creatingFromAMissingImageIsAnEngineError() {
        ContainerRuntimeException e = assertThrows(ContainerRuntimeException.class,
                () -> fx.runtime.create(ContainerSpec.builder(UNPULLABLE).build()));
        assertFalse(e instanceof RuntimeUnavailableException);
        assertTrue(e.getMessage().contains("No such image"), e.getMessage());
    }
}
