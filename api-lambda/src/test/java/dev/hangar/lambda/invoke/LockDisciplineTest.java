package dev.hangar.lambda.invoke;

import dev.hangar.core.http.AwsHttpResponse;
import dev.hangar.testsupport.junit.FakeContainerRuntime;
import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import static dev.hangar.lambda.invoke.InvokerHarness.fn;
import static dev.hangar.lambda.invoke.InvokerHarness.request;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * No future of the invocation side is completed under a pool's or an environment's lock: the stages that depend on
 * them (the Runtime API's response, a caller's own code) run with no lock of Lambda's held, so one that asks the pool
 * something from another thread and waits for it cannot deadlock.
 */
class LockDisciplineTest {

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

    @Test
    void aWarmInvocationHandedToAWaitingPollCompletesThePollOutsideEveryLock() throws Exception {
        harness();
        RunnableFunction fn = fn("locks-sync");
        ExecutionEnvironment env = warm(fn);

        AtomicReference<String> held = new AtomicReference<>();
        CompletableFuture<AwsHttpResponse> poll = env.next();
        CompletableFuture<Void> checked = poll.thenRun(() -> held.set(locksHeld(env)));
        CompletableFuture<InvocationResult> result = harness.invoker.invoke(fn, request("{}"));
        checked.get(10, TimeUnit.SECONDS);
        assertEquals("", held.get(), "locks held while the runtime's poll was answered");

        answer(env, poll.join(), result);
    }

    @Test
    void anEventHandedToAWaitingPollCompletesThePollOutsideEveryLock() throws Exception {
        harness();
        RunnableFunction fn = fn("locks-event");
        ExecutionEnvironment env = warm(fn);

        AtomicReference<String> held = new AtomicReference<>();
        CompletableFuture<AwsHttpResponse> poll = env.next();
        CompletableFuture<Void> checked = poll.thenRun(() -> held.set(locksHeld(env)));
        harness.invoker.enqueue(fn, request("{}"));
        checked.get(10, TimeUnit.SECONDS);
        assertEquals("", held.get(), "locks held while the waiting event was handed over");

        answer(env, poll.join(), null);
    }

    @Test
    void aCallersAnswerIsCompletedOutsideEveryLockWhetherTheRuntimeAnswersOrTimesOut() throws Exception {
        harness();
        RunnableFunction fn = InvokerHarness.with(fn("locks-answer"), 1, null);
        ExecutionEnvironment env = warm(fn);

        AtomicReference<String> held = new AtomicReference<>();
        CompletableFuture<AwsHttpResponse> poll = env.next();
        CompletableFuture<InvocationResult> answered = harness.invoker.invoke(fn, request("{}"));
        CompletableFuture<Void> checked = answered.thenRun(() -> held.set(locksHeld(env)));
        answer(env, poll.get(10, TimeUnit.SECONDS), null);
        checked.get(10, TimeUnit.SECONDS);
        assertEquals("", held.get(), "locks held while the caller had its answer");

        // the watchdog's timer thread ends the next one
        env.next();
        CompletableFuture<InvocationResult> timedOut = harness.invoker.invoke(fn, request("{}"));
        CompletableFuture<Void> checkedTimeout = timedOut.thenRun(() -> held.set(locksHeld(env)));
        checkedTimeout.get(10, TimeUnit.SECONDS);
        assertEquals("Unhandled", timedOut.join().functionError());
        assertEquals("", held.get(), "locks held while the caller had its timeout");
    }

    /** Starts an environment for the function and runs one invocation in it: it is then idle and warm. */
    private ExecutionEnvironment warm(RunnableFunction fn) throws Exception {
        CompletableFuture<InvocationResult> first = harness.invoker.invoke(fn, request("{}"));
        RuntimeApiClient runtime = new RuntimeApiClient(engine.awaitStart().portIn("AWS_LAMBDA_RUNTIME_API"));
        String id = runtime.next().get(10, TimeUnit.SECONDS).headers()
                .firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
        runtime.respond(id, "1");
        first.get(10, TimeUnit.SECONDS);
        List<ExecutionEnvironment> envs = harness.invoker.environments(fn.functionArn(), fn.version());
        assertEquals(1, envs.size());
        return envs.get(0);
    }

    /** The runtime answers the event it was handed (as its Runtime API handler would). */
    private static void answer(ExecutionEnvironment env, AwsHttpResponse event,
                               CompletableFuture<InvocationResult> result) throws Exception {
        assertEquals(200, event.status());
        String id = event.headers().get("Lambda-Runtime-Aws-Request-Id");
        assertEquals(202, env.response(id, "2".getBytes()).status());
        if (result != null) {
            assertEquals("2", new String(result.get(10, TimeUnit.SECONDS).payload()));
        }
    }

    /**
     * Which of the invocation side's locks the current thread holds, and whether another thread can take the pool's:
     * what a dependent stage might do is ask the pool something and wait for the answer.
     */
    private String locksHeld(ExecutionEnvironment env) {
        EnvironmentPool pool = env.pool();
        List<String> held = new ArrayList<>();
        if (Thread.holdsLock(pool)) {
            held.add("pool");
        }
        if (Thread.holdsLock(env)) {
            held.add("environment");
        }
        try {
            CompletableFuture.supplyAsync(pool::size).get(2, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            held.add("pool (another thread waited 2 s for it)");
        } catch (Exception e) {
            held.add("pool (" + e + ")");
        }
        return String.join(", ", held);
    }
}
