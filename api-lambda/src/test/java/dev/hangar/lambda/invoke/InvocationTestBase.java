package dev.hangar.lambda.invoke;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

/**
 * Tests on real containers: one harness on the local engine (see {@link DockerHarness}) for the whole class, closed
 * after its last test. A subclass's own {@code @BeforeAll} runs after the harness has started.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class InvocationTestBase {

    InvokerHarness h;

    /** Settings beyond the test images' (HANGAR_LAMBDA_...): none unless a subclass says. */
    Map<String, String> settings() {
        return Map.of();
    }

    @BeforeAll
    void startHarness() throws InterruptedException {
        h = DockerHarness.start(settings());
    }

    @AfterAll
    void closeHarness() {
        if (h != null) {
            h.close();
        }
    }
}
