package dev.hangar.lambda.invoke;

import dev.hangar.testsupport.junit.FakeContainerRuntime.Started;
import dev.hangar.testsupport.junit.FakeContainerRuntime;
import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static dev.hangar.lambda.invoke.InvokerHarness.fn;
import static dev.hangar.lambda.invoke.InvokerHarness.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The container engine's work runs on the engine's threads, whoever asks for it (a caller, a timer, an event loop, the
 * engine's own event thread), so a slow pull holds up neither a warm invocation nor the workers the control planes run
 * on.
 */
class EngineThreadsTest {

    private HangarExtension hangar;
    private FakeContainerRuntime engine;
    private InvokerHarness harness;

    /** A Hangar of this test's own on the fake engine, with pools of these sizes (the tests differ in them). */
    private void start(int workerThreads, int engineThreads) {
        hangar = InvokerHarness.onFakeEngine().workerThreads(workerThreads).engineThreads(engineThreads).build()
                .start();
        engine = hangar.fake();
        harness = new InvokerHarness(hangar);
    }

    @AfterEach
    void closeHangar() {
        if (harness != null) {
            harness.close();
            harness = null;
        }
        if (hangar != null) {
            hangar.close();
            hangar = null;
        }
    }

    @Test
    void everyEngineCallRunsOnTheEngineThreadsHoweverTheEnvironmentEnds() throws Exception {
        start(4, 2);
        RuntimeApiClient runtime;

        RunnableFunction answers = fn("answers");
        CompletableFuture<InvocationResult> ok = harness.invoker.invoke(answers, request("{}"));
        Started idle = engine.awaitStart();
        runtime = new RuntimeApiClient(idle.portIn("AWS_LAMBDA_RUNTIME_API"));
        runtime.respond(requestId(runtime), "1");
        ok.get(10, TimeUnit.SECONDS);

        // ended by the watchdog, on a timer thread
        RunnableFunction slow = InvokerHarness.with(fn("times-out"), 1, null);
        CompletableFuture<InvocationResult> timedOut = harness.invoker.invoke(slow, request("{}"));
        Started timing = engine.awaitStart();
        requestId(new RuntimeApiClient(timing.portIn("AWS_LAMBDA_RUNTIME_API")));
        assertEquals("Unhandled", timedOut.get(10, TimeUnit.SECONDS).functionError());

        // ended by the runtime's /init/error, on an event loop
        CompletableFuture<InvocationResult> initFailed = harness.invoker.invoke(fn("init-fails"), request("{}"));
        Started failing = engine.awaitStart();
        new RuntimeApiClient(failing.portIn("AWS_LAMBDA_RUNTIME_API")).initError("{}", "Runtime.ImportModuleError");
        assertEquals("Unhandled", initFailed.get(10, TimeUnit.SECONDS).functionError());

        // ended by the engine's die event
        CompletableFuture<InvocationResult> crashed = harness.invoker.invoke(fn("crashes"), request("{}"));
        Started crashing = engine.awaitStart();
        requestId(new RuntimeApiClient(crashing.portIn("AWS_LAMBDA_RUNTIME_API")));
        engine.die(crashing.id(), 1);
        assertEquals("Unhandled", crashed.get(10, TimeUnit.SECONDS).functionError());

        // ended by the caller's thread: the function changed
        harness.invoker.retire(answers.functionArn(), "$LATEST");

        for (Started c : List.of(idle, timing, failing, crashing)) {
            awaitRemoved(c.id());
        }
        List<String> elsewhere = engine.callThreads().stream().filter(c -> !c.contains("@hangar-engine-")).toList();
        assertTrue(elsewhere.isEmpty(), "engine calls off the engine's threads: " + elsewhere);
        assertTrue(engine.callThreads().stream().filter(c -> c.startsWith("remove@")).count() >= 4,
                engine.callThreads().toString());
    }

    @Test
    void aSlowImagePullHoldsUpNeitherAnotherFunctionsWarmInvocationNorTheWorkers() throws Exception {
        // one worker: were the pull on it, nothing else could run there
        start(1, 2);
        RunnableFunction warm = fn("warm");
        CompletableFuture<InvocationResult> first = harness.invoker.invoke(warm, request("{}"));
        RuntimeApiClient warmRuntime = new RuntimeApiClient(engine.awaitStart().portIn("AWS_LAMBDA_RUNTIME_API"));
        warmRuntime.respond(requestId(warmRuntime), "1");
        first.get(10, TimeUnit.SECONDS);

        String slowImage = InvokeConfig.defaultImage("python3.11");
        CountDownLatch pull = engine.holdPull(slowImage);
        RunnableFunction cold = InvokerHarness.function("slow-pull", "python3.11", "handlers.echo",
                Path.of("/tmp/code-slow-pull"));
        CompletableFuture<InvocationResult> coldResult = harness.invoker.invoke(cold, request("{}"));
        assertEquals(slowImage, engine.pullsHeld().poll(10, TimeUnit.SECONDS));

        long started = System.nanoTime();
        CompletableFuture<InvocationResult> second = harness.invoker.invoke(warm, request("{}"));
        warmRuntime.respond(requestId(warmRuntime), "2");
        assertEquals("2", new String(second.get(5, TimeUnit.SECONDS).payload()));
        assertEquals("free", harness.workers.submit(() -> "free").get(5, TimeUnit.SECONDS));
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        assertFalse(coldResult.isDone(), "the pull is still held");
        assertTrue(tookMs < 3000, "warm invocation and worker task took " + tookMs + " ms behind the pull");

        pull.countDown();
        RuntimeApiClient coldRuntime = new RuntimeApiClient(engine.awaitStart().portIn("AWS_LAMBDA_RUNTIME_API"));
        coldRuntime.respond(requestId(coldRuntime), "3");
        assertEquals("3", new String(coldResult.get(10, TimeUnit.SECONDS).payload()));
    }

    /** Polls for the next event as the runtime and returns its request id. */
    private static String requestId(RuntimeApiClient runtime) throws Exception {
        return runtime.next().get(10, TimeUnit.SECONDS).headers().firstValue("Lambda-Runtime-Aws-Request-Id")
                .orElseThrow();
    }

    private void awaitRemoved(String containerId) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5000;
        while (!engine.removed(containerId) && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(engine.removed(containerId), containerId + " removed");
    }
}
