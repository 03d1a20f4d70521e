package dev.hangar.lambda.invoke;

import org.junit.jupiter.api.AfterEach;

import java.nio.file.Path;
import java.util.Map;

import static dev.hangar.lambda.invoke.InvokerHarness.function;

/**
 * Tests that play the runtime against a fake engine: each test starts its harness with the settings it needs, and
 * the harness is closed after it.
 */
abstract class FakeEngineTestBase {

    final FakeContainerRuntime engine = new FakeContainerRuntime();
    InvokerHarness harness;

    /** Starts this test's harness on the fake engine; it is closed after the test. */
    InvokerHarness harness(Map<String, String> settings) throws InterruptedException {
        harness = new InvokerHarness(engine, settings);
        return harness;
    }

    @AfterEach
    void closeHarness() {
        if (harness != null) {
            harness.close();
        }
    }

    /** A Python function whose code directory is never read: the fake engine starts nothing. */
    static RunnableFunction fn(String name) {
        return function(name, "python3.12", "handlers.echo", Path.of("/tmp/code-" + name));
    }
}
