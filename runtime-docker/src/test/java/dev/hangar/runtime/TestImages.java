package dev.hangar.runtime;

/** The images scripts/build-test-images.sh builds; the suite never pulls. */
final class TestImages {
    static final String BUSYBOX = "hangar-test/busybox:latest";
    static final String WEB = "hangar-test/web:latest";
    /** From scripts/build-lambda-images.sh: a runtime client as ENTRYPOINT, and a plain image with none. */
    static final String LAMBDA_PYTHON = "hangar-test/lambda-python:latest";
    static final String PYTHON_PLAIN = "hangar-test/python-plain:latest";

    private TestImages() {
    }
}
