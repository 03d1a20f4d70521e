package dev.hangar.runtime;

/** The images scripts/build-test-images.sh builds; the suite never pulls. */
final class TestImages {
    static final String BUSYBOX = "hangar-test/busybox:latest";
    static final String WEB = "hangar-test/web:latest";

    private TestImages() {
    }
}
