package dev.hangar.lambda.invoke;

import dev.hangar.testsupport.junit.FakeContainerRuntime.Started;
import dev.hangar.testsupport.junit.FakeContainerRuntime;
import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.hangar.lambda.invoke.InvokerHarness.fn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where Event invocations run: in idle environments first, waiting for starting ones, and a new environment only
 * when none is idle or starting (AWS's async pollers feed a function so; one container per event is not it).
 */
class EventDispatchTest {

    /** A Hangar per test on the fake engine: the test plays the runtime in its containers. */
    @RegisterExtension
    final HangarExtension hangar = InvokerHarness.onFakeEngine().build();
    FakeContainerRuntime engine;
    InvokerHarness harness;

    @BeforeEach
    void engine() {
        engine = hangar.fake();
    }

    /** This test's invoker; its environments end after the test. */
    InvokerHarness harness() {
        harness = new InvokerHarness(hangar);
        return harness;
    }

    @AfterEach
    void closeHarness() {
        if (harness != null) {
            harness.close();
        }
    }

    private static InvocationRequest event(String id) {
        return new InvocationRequest(id, ("{\"id\":\"" + id + "\"}").getBytes(), null, false);
    }

    private static String requestId(HttpResponse<String> next) {
        return next.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
    }

    @Test
    void eventsOfAColdFunctionWaitForTheEnvironmentStartingAndRunThereInOrder() throws Exception {
        harness();
        RunnableFunction fn = fn("cold-events");
        for (int i = 1; i <= 5; i++) {
            harness.invoker.enqueue(fn, event("e" + i));
        }
        RuntimeApiClient runtime = new RuntimeApiClient(engine.awaitStart().portIn("AWS_LAMBDA_RUNTIME_API"));
        // the runtime polls late on purpose: a wrongly started container has time to show, and the cold start is
        // far longer than the answers below take even on a loaded machine (the pool grows for a backlog that would
        // wait longer than a cold start: 200 ms once let three answers of a busy test thread outweigh it)
        Thread.sleep(2000);
        assertTrue(engine.started().isEmpty(), "the other four wait for the one starting");
        // quick answers: the backlog is shorter than a cold start, so the one environment serves it
        for (int i = 1; i <= 5; i++) {
            assertEquals("e" + i, requestId(runtime.next().get(5, TimeUnit.SECONDS)));
            runtime.respond("e" + i, "null");
        }
        // gives a wrongly started container time to show
        Thread.sleep(200);
        assertTrue(engine.started().isEmpty(), "one environment for all five");
        assertEquals(1, harness.invoker.environmentCount(fn.functionArn(), "$LATEST"));
        assertEquals(0, harness.invoker.pendingEvents());
    }

    @Test
    void anEventRunsInTheIdleWarmEnvironment() throws Exception {
        harness();
        RunnableFunction fn = fn("warm-event");
        CompletableFuture<InvocationResult> sync = harness.invoker.invoke(fn, InvokerHarness.request("{}"));
        RuntimeApiClient runtime = new RuntimeApiClient(engine.awaitStart().portIn("AWS_LAMBDA_RUNTIME_API"));
        HttpResponse<String> first = runtime.next().get(5, TimeUnit.SECONDS);
        runtime.respond(requestId(first), "1");
        sync.get(5, TimeUnit.SECONDS);

        harness.invoker.enqueue(fn, event("ev"));
        assertEquals("ev", requestId(runtime.next().get(5, TimeUnit.SECONDS)));
        runtime.respond("ev", "null");
        // gives a wrongly started second container time to show
        Thread.sleep(200);
        assertTrue(engine.started().isEmpty(), "no second container");
    }

    @Test
    void aPoolBusyForLongerThanAColdStartGrowsByOneAndLaterEventsTakeWhicheverIsFreeFirst() throws Exception {
        harness();
        RunnableFunction fn = fn("busy-events");
        long invoked = System.nanoTime();
        CompletableFuture<InvocationResult> sync = harness.invoker.invoke(fn, InvokerHarness.request("{}"));
        RuntimeApiClient a = new RuntimeApiClient(engine.awaitStart().portIn("AWS_LAMBDA_RUNTIME_API"));
        HttpResponse<String> running = a.next().get(5, TimeUnit.SECONDS);
        // the cold start took at most this long; the running invocation has been busy at least since now
        long coldAtMostMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - invoked);
        // time passes on purpose: the pool grows only for work that would wait longer than a cold start takes, and
        // on a loaded machine the cold start itself may have taken longer than the usual 500 ms of busy time
        Thread.sleep(Math.max(500, coldAtMostMs + 1));

        // none idle, none starting, and the one running has been busy for longer than its environment took to
        // start: the first event starts an environment, the next ones wait
        harness.invoker.enqueue(fn, event("e1"));
        harness.invoker.enqueue(fn, event("e2"));
        harness.invoker.enqueue(fn, event("e3"));
        RuntimeApiClient b = new RuntimeApiClient(engine.awaitStart().portIn("AWS_LAMBDA_RUNTIME_API"));
        // gives a wrongly started third container time to show
        Thread.sleep(200);
        assertTrue(engine.started().isEmpty(), "no third container while the second starts");

        // the busy environment frees up before the new one has started: it takes the next waiting event
        a.respond(requestId(running), "1");
        sync.get(5, TimeUnit.SECONDS);
        assertEquals("e2", requestId(a.next().get(5, TimeUnit.SECONDS)));
        assertEquals("e1", requestId(b.next().get(5, TimeUnit.SECONDS)));
        b.respond("e1", "null");
        assertEquals("e3", requestId(b.next().get(5, TimeUnit.SECONDS)));
        a.respond("e2", "null");
        b.respond("e3", "null");
        long deadline = System.currentTimeMillis() + 5000;
        while (harness.invoker.pendingEvents() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(0, harness.invoker.pendingEvents());
        assertEquals(2, harness.invoker.environmentCount(fn.functionArn(), "$LATEST"));
    }

    @Test
    void eventsWaitingWhenTheFunctionChangesStillRunInTheEnvironmentsTheyWaitedFor() throws Exception {
        harness();
        RunnableFunction fn = fn("retired-events");
        harness.invoker.enqueue(fn, event("e1"));
        harness.invoker.enqueue(fn, event("e2"));
        Started container = engine.awaitStart();
        RuntimeApiClient runtime = new RuntimeApiClient(container.portIn("AWS_LAMBDA_RUNTIME_API"));
        harness.invoker.retire(fn.functionArn(), "$LATEST");
        assertEquals("e1", requestId(runtime.next().get(5, TimeUnit.SECONDS)));
        runtime.respond("e1", "null");
        assertEquals("e2", requestId(runtime.next().get(5, TimeUnit.SECONDS)));
        runtime.respond("e2", "null");
        // served all it waited for: the retired environment goes
        long deadline = System.currentTimeMillis() + 5000;
        while (!engine.removed(container.id()) && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(engine.removed(container.id()), "retired environment removed");
        assertEquals(0, harness.invoker.pendingEvents());
    }
}
