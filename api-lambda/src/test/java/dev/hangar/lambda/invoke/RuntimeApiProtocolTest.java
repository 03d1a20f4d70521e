package dev.hangar.lambda.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hangar.core.service.AwsException;
import dev.hangar.testsupport.Await;
import dev.hangar.testsupport.junit.FakeContainerRuntime.Started;
import dev.hangar.testsupport.junit.FakeContainerRuntime;
import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static dev.hangar.lambda.invoke.InvokerHarness.fn;
import static dev.hangar.lambda.invoke.InvokerHarness.request;
import static dev.hangar.lambda.invoke.InvokerHarness.tailRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Runtime API and the environment's life, with the test playing the runtime against a fake engine: exact
 * protocol answers and races that real containers only show now and then.
 */
class RuntimeApiProtocolTest {

    private HangarExtension hangar;
    private FakeContainerRuntime engine;
    private InvokerHarness harness;

    /**
     * This test's invoker on a Hangar of its own, on the fake engine and with these settings (the tests differ in
     * them), closed after the test: the test plays the runtime in its containers.
     */
    InvokerHarness harness(Map<String, String> settings) {
        hangar = InvokerHarness.onFakeEngine().environment(settings).build().start();
        engine = hangar.fake();
        harness = new InvokerHarness(hangar);
        return harness;
    }

    @AfterEach
    void closeHangar() {
        if (harness != null) {
            harness.close();
        }
        if (hangar != null) {
            hangar.close();
        }
    }

    /** What a Python runtime posts to /init/error when the handler's module does not import. */
    private static final String IMPORT_ERROR = "{\"errorMessage\":\"Unable to import module 'x': No module named 'x'\","
            + "\"errorType\":\"Runtime.ImportModuleError\",\"requestId\":\"\",\"stackTrace\":[]}";

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void deliversTheEventWithItsContextAndReturnsTheResponse() throws Exception {
        InvokerHarness h = harness(Map.of());
        RunnableFunction fn = fn("ctx");
        String clientContext = Base64.getEncoder().encodeToString("{\"custom\":{\"k\":\"v\"}}".getBytes());
        InvocationRequest req = new InvocationRequest("req-1", "{\"a\":1}".getBytes(), clientContext, false);
        CompletableFuture<InvocationResult> result = h.invoker.invoke(fn, req);

        Started container = engine.awaitStart();
        Map<String, String> env = container.spec().environment();
        assertEquals("ctx", env.get("AWS_LAMBDA_FUNCTION_NAME"));
        assertEquals("$LATEST", env.get("AWS_LAMBDA_FUNCTION_VERSION"));
        assertEquals("128", env.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE"));
        assertEquals("/aws/lambda/ctx", env.get("AWS_LAMBDA_LOG_GROUP_NAME"));
        assertTrue(env.get("AWS_LAMBDA_LOG_STREAM_NAME").matches("\\d{4}/\\d{2}/\\d{2}/\\[\\$LATEST][0-9a-f]{32}"),
                env.get("AWS_LAMBDA_LOG_STREAM_NAME"));
        assertTrue(env.get("AWS_LAMBDA_RUNTIME_API").startsWith("127.0.0.1:"));
        assertEquals("handlers.echo", env.get("_HANDLER"));
        assertEquals("AWS_Lambda_python3.12", env.get("AWS_EXECUTION_ENV"));
        assertEquals("/var/task", env.get("LAMBDA_TASK_ROOT"));
        assertEquals(":UTC", env.get("TZ"));
        assertEquals("host", container.spec().networkMode());
        assertEquals(128L * 1024 * 1024, container.spec().memoryBytes());
        assertEquals(InvokerHarness.arn("ctx"), container.spec().labels().get("hangar.resource"));
        assertTrue(container.spec().mounts().stream().anyMatch(m -> m.containerPath().equals("/var/task")
                && m.readOnly() && m.hostPath().equals("/tmp/code-ctx")));

        RuntimeApiClient runtime = new RuntimeApiClient(container.portIn("AWS_LAMBDA_RUNTIME_API"));
        HttpResponse<String> next = runtime.next().get(5, TimeUnit.SECONDS);
        assertEquals(200, next.statusCode());
        assertEquals("{\"a\":1}", next.body());
        assertEquals("req-1", next.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow());
        assertEquals(InvokerHarness.arn("ctx"),
                next.headers().firstValue("Lambda-Runtime-Invoked-Function-Arn").orElseThrow());
        long deadline = Long.parseLong(next.headers().firstValue("Lambda-Runtime-Deadline-Ms").orElseThrow());
        assertTrue(Math.abs(deadline - (System.currentTimeMillis() + 3000)) < 1000, "deadline " + deadline);
        assertTrue(next.headers().firstValue("Lambda-Runtime-Trace-Id").orElseThrow().startsWith("Root=1-"));
        assertEquals("{\"custom\":{\"k\":\"v\"}}",
                next.headers().firstValue("Lambda-Runtime-Client-Context").orElseThrow());
        assertFalse(next.headers().firstValue("Lambda-Runtime-Cognito-Identity").isPresent());

        HttpResponse<String> answered = runtime.respond("req-1", "\"hello\"");
        assertEquals(202, answered.statusCode());
        assertEquals("{\"status\":\"OK\"}", answered.body());
        InvocationResult r = result.get(5, TimeUnit.SECONDS);
        assertEquals("\"hello\"", new String(r.payload(), StandardCharsets.UTF_8));
        assertNull(r.functionError());
        assertNull(r.logTailBase64());
        assertEquals("$LATEST", r.executedVersion());
    }

    @Test
    void aSecondInvocationReusesTheWarmEnvironmentAndWaitsForItsNextPoll() throws Exception {
        InvokerHarness h = harness(Map.of());
        RunnableFunction fn = fn("warm");
        CompletableFuture<InvocationResult> first = h.invoker.invoke(fn, new InvocationRequest("r1", "1".getBytes(), null, false));
        Started container = engine.awaitStart();
        RuntimeApiClient runtime = new RuntimeApiClient(container.portIn("AWS_LAMBDA_RUNTIME_API"));
        runtime.next().get(5, TimeUnit.SECONDS);
        runtime.respond("r1", "1");
        first.get(5, TimeUnit.SECONDS);

        // the caller is quicker than the runtime's next poll: the work waits for it rather than starting a container
        CompletableFuture<InvocationResult> second = h.invoker.invoke(fn, new InvocationRequest("r2", "2".getBytes(), null, false));
        HttpResponse<String> next = runtime.next().get(5, TimeUnit.SECONDS);
        assertEquals("r2", next.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow());
        runtime.respond("r2", "2");
        assertEquals("2", new String(second.get(5, TimeUnit.SECONDS).payload()));

        // and the other way round: the runtime is already waiting when the work comes
        CompletableFuture<HttpResponse<String>> polling = runtime.next();
        ExecutionEnvironment env = h.invoker.environments(fn.functionArn(), "$LATEST").get(0);
        Await.until("the runtime's poll to reach its environment", env::runtimeWaiting);
        CompletableFuture<InvocationResult> third = h.invoker.invoke(fn, new InvocationRequest("r3", "3".getBytes(), null, false));
        assertEquals("3", polling.get(5, TimeUnit.SECONDS).body());
        runtime.respond("r3", "3");
        third.get(5, TimeUnit.SECONDS);
        assertTrue(engine.started().isEmpty(), "no second container");
        assertEquals(1, h.invoker.environmentCount(fn.functionArn(), "$LATEST"));
    }

    @Test
    void answersForUnknownOrFinishedRequestsAreRefused() throws Exception {
        InvokerHarness h = harness(Map.of());
        CompletableFuture<InvocationResult> result = h.invoker.invoke(fn("ids"), new InvocationRequest("r1", "1".getBytes(), null, false));
        RuntimeApiClient runtime = new RuntimeApiClient(engine.awaitStart().portIn("AWS_LAMBDA_RUNTIME_API"));
        runtime.next().get(5, TimeUnit.SECONDS);

        HttpResponse<String> unknown = runtime.respond("no-such-id", "x");
        assertEquals(400, unknown.statusCode());
        assertEquals("InvalidRequestID", JSON.readTree(unknown.body()).get("errorType").asText());

        assertEquals(202, runtime.respond("r1", "1").statusCode());
        HttpResponse<String> again = runtime.respond("r1", "1");
        assertEquals(403, again.statusCode());
        assertEquals("InvalidStateTransition", JSON.readTree(again.body()).get("errorType").asText());
        HttpResponse<String> lateInitError = runtime.initError("{}", "Runtime.Whatever");
        assertEquals(403, lateInitError.statusCode());
        result.get(5, TimeUnit.SECONDS);
    }

    @Test
    void anOversizeResponseIsRefusedAndTheCallerGetsResponseSizeTooLarge() throws Exception {
        InvokerHarness h = harness(Map.of());
        CompletableFuture<InvocationResult> result = h.invoker.invoke(fn("big"), new InvocationRequest("r1", "1".getBytes(), null, false));
        RuntimeApiClient runtime = new RuntimeApiClient(engine.awaitStart().portIn("AWS_LAMBDA_RUNTIME_API"));
        runtime.next().get(5, TimeUnit.SECONDS);
        HttpResponse<String> refused = runtime.respond("r1", new byte[ErrorPayloads.MAX_RESPONSE_BYTES + 1]);
        assertEquals(413, refused.statusCode());
        JsonNode body = JSON.readTree(refused.body());
        assertEquals("RequestEntityTooLarge", body.get("errorType").asText());
        assertEquals("Exceeded maximum allowed payload size (6291556 bytes).", body.get("errorMessage").asText());

        InvocationResult r = result.get(5, TimeUnit.SECONDS);
        assertEquals("Unhandled", r.functionError());
        assertEquals("{\"errorMessage\":\"Response payload size exceeded maximum allowed payload size (6291556 bytes).\","
                + "\"errorType\":\"Function.ResponseSizeTooLarge\"}", new String(r.payload()));
    }

    @Test
    void aFunctionErrorIsPassedThroughOrBuiltFromItsTypeHeader() throws Exception {
        InvokerHarness h = harness(Map.of());
        RunnableFunction fn = fn("err");
        CompletableFuture<InvocationResult> first = h.invoker.invoke(fn, new InvocationRequest("r1", "1".getBytes(), null, false));
        RuntimeApiClient runtime = new RuntimeApiClient(engine.awaitStart().portIn("AWS_LAMBDA_RUNTIME_API"));
        runtime.next().get(5, TimeUnit.SECONDS);
        String error = "{\"errorMessage\":\"boom\",\"errorType\":\"Exception\",\"stackTrace\":[]}";
        assertEquals(202, runtime.error("r1", error, "Unhandled").statusCode());
        InvocationResult r = first.get(5, TimeUnit.SECONDS);
        assertEquals("Unhandled", r.functionError());
        assertEquals(error, new String(r.payload()));

        CompletableFuture<InvocationResult> second = h.invoker.invoke(fn, new InvocationRequest("r2", "1".getBytes(), null, false));
        runtime.next().get(5, TimeUnit.SECONDS);
        runtime.error("r2", "", "Function.Custom");
        JsonNode built = JSON.readTree(second.get(5, TimeUnit.SECONDS).payload());
        assertEquals("Function.Custom", built.get("errorType").asText());
    }

    @Test
    void anInitErrorReachesTheWaitingCallerAndTheNextCallStartsAfresh() throws Exception {
        InvokerHarness h = harness(Map.of());
        RunnableFunction fn = fn("initerr");
        CompletableFuture<InvocationResult> result = h.invoker.invoke(fn, tailRequest("{}"));
        Started container = engine.awaitStart();
        engine.print(container.id(), "[ERROR] Runtime.ImportModuleError: Unable to import module 'x'", Instant.now());
        assertEquals(202, new RuntimeApiClient(container.portIn("AWS_LAMBDA_RUNTIME_API"))
                .initError(IMPORT_ERROR, "Runtime.ImportModuleError").statusCode());
        InvocationResult r = result.get(5, TimeUnit.SECONDS);
        assertEquals("Unhandled", r.functionError());
        assertEquals(IMPORT_ERROR, new String(r.payload()));
        String tail = new String(Base64.getDecoder().decode(r.logTailBase64()));
        assertTrue(tail.contains("Unable to import module 'x'\n"), tail);
        assertTrue(tail.contains("INIT_REPORT Init Duration: "), tail);
        assertTrue(tail.contains("Status: error\tError Type: Runtime.ImportModuleError"), tail);
        awaitRemoved(container.id());

        h.invoker.invoke(fn, request("{}"));
        assertFalse(engine.awaitStart().id().equals(container.id()));
    }

    @Test
    void anInitErrorsOwnMessageIsInTheTailHoweverLateTheEngineHandsItOver() throws Exception {
        InvokerHarness h = harness(Map.of());
        RunnableFunction fn = fn("lateinit");
        CompletableFuture<InvocationResult> result = h.invoker.invoke(fn, tailRequest("{}"));
        Started container = engine.awaitStart();
        CountDownLatch removal = engine.holdRemoval(container.id());
        Instant printed = Instant.now();
        assertEquals(202, new RuntimeApiClient(container.portIn("AWS_LAMBDA_RUNTIME_API"))
                .initError(IMPORT_ERROR, "Runtime.ImportModuleError").statusCode());
        // far past the quiet time after which a live environment's END and REPORT are written
        String tail = tailWithLateLine(result, container, removal, 300,
                "[ERROR] Runtime.ImportModuleError: Unable to import module 'x'", printed);
        assertTrue(tail.matches("(?s).*START RequestId: \\S+ Version: \\$LATEST\n"
                + "\\[ERROR\\] Runtime.ImportModuleError: Unable to import module 'x'\n.*END RequestId: .*"), tail);
        String group = h.logs.text("/aws/lambda/lateinit");
        assertTrue(group.indexOf("[ERROR] Runtime.ImportModuleError") < group.indexOf("END RequestId"), group);
    }

    @Test
    void aTimeoutAnswersWithAwsPayloadAndDestroysTheEnvironment() throws Exception {
        InvokerHarness h = harness(Map.of());
        RunnableFunction fn = InvokerHarness.with(fn("slow"), 1, null);
        CompletableFuture<InvocationResult> result = h.invoker.invoke(fn, new InvocationRequest("r1", "1".getBytes(), null, true));
        Started container = engine.awaitStart();
        new RuntimeApiClient(container.portIn("AWS_LAMBDA_RUNTIME_API")).next().get(5, TimeUnit.SECONDS);
        long start = System.nanoTime();
        InvocationResult r = result.get(5, TimeUnit.SECONDS);
        long waited = (System.nanoTime() - start) / 1_000_000;
        assertTrue(waited > 800 && waited < 2000, "answered after " + waited + " ms");
        assertEquals("Unhandled", r.functionError());
        assertEquals("{\"errorType\":\"Sandbox.Timedout\",\"errorMessage\":\"RequestId: r1 Error: Task timed out after 1.00 seconds\"}",
                new String(r.payload()));
        String tail = new String(Base64.getDecoder().decode(r.logTailBase64()));
        assertTrue(tail.matches("(?s)INIT_START .*\nSTART RequestId: r1 Version: \\$LATEST\n"
                + "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z r1 Task timed out after 1.00 seconds\n"
                + "END RequestId: r1\nREPORT RequestId: r1\tDuration: \\d+\\.\\d\\d ms\tBilled Duration: \\d+ ms\t"
                + "Memory Size: 128 MB\t.*Status: timeout\t\n"), tail);
        awaitRemoved(container.id());
        assertEquals(0, h.invoker.environmentCount(fn.functionArn(), "$LATEST"));
    }

    @Test
    void aTimedOutHandlersLastLinesAreInTheTailHoweverLateTheEngineHandsThemOver() throws Exception {
        InvokerHarness h = harness(Map.of());
        RunnableFunction fn = InvokerHarness.with(fn("slowlog"), 1, null);
        CompletableFuture<InvocationResult> result = h.invoker.invoke(fn, new InvocationRequest("r1", "1".getBytes(), null, true));
        Started container = engine.awaitStart();
        CountDownLatch removal = engine.holdRemoval(container.id());
        new RuntimeApiClient(container.portIn("AWS_LAMBDA_RUNTIME_API")).next().get(5, TimeUnit.SECONDS);
        Instant printed = Instant.now();
        // the watchdog fires after 1 s; the line the handler wrote comes 300 ms after that
        String tail = tailWithLateLine(result, container, removal, 1300, "still working", printed);
        assertTrue(tail.matches("(?s).*START RequestId: r1 Version: \\$LATEST\nstill working\n\\S+ r1 Task timed out "
                + "after 1.00 seconds\nEND RequestId: r1\n.*"), tail);
    }

    /**
     * While the container's removal is held, waits {@code lateMs}, checks the invocation is still unanswered, has the
     * engine hand over {@code line} (stamped {@code printed}), lets the removal finish and returns the decoded tail.
     */
    private String tailWithLateLine(CompletableFuture<InvocationResult> result, Started container,
                                    CountDownLatch removal, long lateMs, String line, Instant printed)
            throws Exception {
        // time passes on purpose: the tail must not close however long the engine takes with the output
        Thread.sleep(lateMs);
        assertFalse(result.isDone(), "the tail was closed before the container's output was all read");
        engine.print(container.id(), line, printed);
        removal.countDown();
        return new String(Base64.getDecoder().decode(result.get(5, TimeUnit.SECONDS).logTailBase64()));
    }

    @Test
    void aRuntimeThatDiesMidInvocationGivesExitError() throws Exception {
        InvokerHarness h = harness(Map.of());
        RunnableFunction fn = fn("crash");
        CompletableFuture<InvocationResult> result = h.invoker.invoke(fn, new InvocationRequest("r1", "1".getBytes(), null, false));
        Started container = engine.awaitStart();
        new RuntimeApiClient(container.portIn("AWS_LAMBDA_RUNTIME_API")).next().get(5, TimeUnit.SECONDS);
        engine.die(container.id(), 3);
        assertEquals("{\"errorType\":\"Runtime.ExitError\",\"errorMessage\":\"RequestId: r1 Error: Runtime exited with error: exit status 3\"}",
                new String(result.get(5, TimeUnit.SECONDS).payload()));
        awaitRemoved(container.id());

        CompletableFuture<InvocationResult> second = h.invoker.invoke(fn, new InvocationRequest("r2", "1".getBytes(), null, false));
        Started fresh = engine.awaitStart();
        engine.die(fresh.id(), 137);
        assertEquals("{\"errorType\":\"Runtime.ExitError\",\"errorMessage\":\"RequestId: r2 Error: Runtime exited with error: signal: killed\"}",
                new String(second.get(5, TimeUnit.SECONDS).payload()));
        assertEquals("Runtime exited without providing a reason", ErrorPayloads.exitReason(0));
    }

    @Test
    void theTailHoldsOutputThatArrivesJustAfterTheResponse() throws Exception {
        // a generous quiet time: the test thread may be descheduled on a busy machine
        InvokerHarness h = harness(Map.of("HANGAR_LAMBDA_LOG_SETTLE_MS", "400"));
        RunnableFunction fn = fn("tail");
        CompletableFuture<InvocationResult> result = h.invoker.invoke(fn, new InvocationRequest("r1", "1".getBytes(), null, true));
        Started container = engine.awaitStart();
        engine.print(container.id(), "init line", Instant.now());
        RuntimeApiClient runtime = new RuntimeApiClient(container.portIn("AWS_LAMBDA_RUNTIME_API"));
        runtime.next().get(5, TimeUnit.SECONDS);
        engine.print(container.id(), "first line", Instant.now());
        Instant printedBeforeResponse = Instant.now();
        runtime.respond("r1", "\"ok\"");
        Thread.sleep(10);
        // the engine delivers late a line the function wrote before it answered
        engine.print(container.id(), "late line\rsecond part", printedBeforeResponse);
        String tail = new String(Base64.getDecoder().decode(result.get(5, TimeUnit.SECONDS).logTailBase64()));
        assertTrue(tail.matches("(?s)INIT_START Runtime Version: python3.12.hangar\tRuntime Version ARN: .*\ninit line\n"
                + "START RequestId: r1 Version: \\$LATEST\nfirst line\nlate line\nsecond part\nEND RequestId: r1\n"
                + "REPORT RequestId: r1\tDuration: [0-9.]+ ms\tBilled Duration: \\d+ ms\tMemory Size: 128 MB\t"
                + "Init Duration: [0-9.]+ ms\t\n"), tail);
        String group = h.logs.text("/aws/lambda/tail");
        assertTrue(group.indexOf("late line") < group.indexOf("END RequestId: r1"), group);
        assertTrue(h.logs.entries.stream().allMatch(e -> e.stream().equals(
                container.spec().environment().get("AWS_LAMBDA_LOG_STREAM_NAME"))));
    }

    @Test
    void reservedConcurrencyThrottlesWithItsReason() throws Exception {
        InvokerHarness h = harness(Map.of());
        RunnableFunction fn = InvokerHarness.with(fn("reserved"), 3, 1);
        CompletableFuture<InvocationResult> first = h.invoker.invoke(fn, new InvocationRequest("r1", "1".getBytes(), null, false));
        ExecutionException throttled = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> h.invoker.invoke(fn, request("{}")).get(5, TimeUnit.SECONDS));
        AwsException e = assertInstanceOf(AwsException.class, throttled.getCause());
        assertEquals("TooManyRequestsException", e.code());
        assertEquals(429, e.status());
        assertEquals("Rate Exceeded.", e.getMessage());
        assertEquals(Map.of("Reason", "ReservedFunctionConcurrentInvocationLimitExceeded", "Type", "User"), e.extraMembers());

        RuntimeApiClient runtime = new RuntimeApiClient(engine.awaitStart().portIn("AWS_LAMBDA_RUNTIME_API"));
        runtime.next().get(5, TimeUnit.SECONDS);
        runtime.respond("r1", "1");
        first.get(5, TimeUnit.SECONDS);
        CompletableFuture<InvocationResult> third = h.invoker.invoke(fn, new InvocationRequest("r3", "1".getBytes(), null, false));
        runtime.next().get(5, TimeUnit.SECONDS);
        runtime.respond("r3", "3");
        third.get(5, TimeUnit.SECONDS);

        RunnableFunction zero = InvokerHarness.with(fn("zero"), 3, 0);
        ExecutionException none = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> h.invoker.invoke(zero, request("{}")).get(5, TimeUnit.SECONDS));
        assertEquals("ReservedFunctionConcurrentInvocationLimitExceeded",
                ((AwsException) none.getCause()).extraMembers().get("Reason"));
    }

    @Test
    void theAccountLimitThrottlesUnreservedFunctions() throws Exception {
        InvokerHarness h = harness(Map.of("HANGAR_LAMBDA_ACCOUNT_CONCURRENCY", "3"));
        RunnableFunction reserved = InvokerHarness.with(fn("acct-reserved"), 3, 1);
        h.invoker.invoke(reserved, request("{}"));
        h.invoker.invoke(fn("acct-a"), request("{}"));
        h.invoker.invoke(fn("acct-b"), request("{}"));
        // 3 minus the 1 reserved leaves 2 for everyone else, both in use
        ExecutionException throttled = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> h.invoker.invoke(fn("acct-c"), request("{}")).get(5, TimeUnit.SECONDS));
        AwsException e = assertInstanceOf(AwsException.class, throttled.getCause());
        assertEquals("ConcurrentInvocationLimitExceeded", e.extraMembers().get("Reason"));
        assertEquals(429, e.status());
    }

    @Test
    void anIdleEnvironmentStopsAfterTheKeepAlive() throws Exception {
        InvokerHarness h = harness(Map.of("HANGAR_LAMBDA_KEEP_ALIVE_SECONDS", "0.5"));
        RunnableFunction fn = fn("idle");
        CompletableFuture<InvocationResult> result = h.invoker.invoke(fn, new InvocationRequest("r1", "1".getBytes(), null, false));
        Started container = engine.awaitStart();
        RuntimeApiClient runtime = new RuntimeApiClient(container.portIn("AWS_LAMBDA_RUNTIME_API"));
        runtime.next().get(5, TimeUnit.SECONDS);
        runtime.respond("r1", "1");
        result.get(5, TimeUnit.SECONDS);
        CompletableFuture<HttpResponse<String>> polling = runtime.next();
        assertEquals(1, h.invoker.environmentCount(fn.functionArn(), "$LATEST"));
        awaitRemoved(container.id());
        assertEquals(0, h.invoker.environmentCount(fn.functionArn(), "$LATEST"));
        assertEquals(410, polling.get(5, TimeUnit.SECONDS).statusCode());
    }

    @Test
    void retireStopsIdleEnvironmentsAtOnceAndBusyOnesAfterTheirAnswer() throws Exception {
        InvokerHarness h = harness(Map.of());
        RunnableFunction fn = fn("retire");
        CompletableFuture<InvocationResult> a = h.invoker.invoke(fn, new InvocationRequest("a", "1".getBytes(), null, false));
        Started first = engine.awaitStart();
        CompletableFuture<InvocationResult> b = h.invoker.invoke(fn, new InvocationRequest("b", "1".getBytes(), null, false));
        Started second = engine.awaitStart();
        RuntimeApiClient ra = new RuntimeApiClient(first.portIn("AWS_LAMBDA_RUNTIME_API"));
        RuntimeApiClient rb = new RuntimeApiClient(second.portIn("AWS_LAMBDA_RUNTIME_API"));
        String idA = ra.next().get(5, TimeUnit.SECONDS).headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
        String idB = rb.next().get(5, TimeUnit.SECONDS).headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
        ra.respond(idA, "1");
        (idA.equals("a") ? a : b).get(5, TimeUnit.SECONDS);

        h.invoker.retire(fn.functionArn(), "$LATEST");
        awaitRemoved(first.id());
        assertFalse(engine.removed(second.id()), "busy environment keeps running");
        rb.respond(idB, "2");
        (idB.equals("a") ? a : b).get(5, TimeUnit.SECONDS);
        awaitRemoved(second.id());
    }

    @Test
    void aConfigurationChangeGetsNewEnvironments() throws Exception {
        InvokerHarness h = harness(Map.of());
        RunnableFunction fn = fn("config");
        CompletableFuture<InvocationResult> a = h.invoker.invoke(fn, new InvocationRequest("a", "1".getBytes(), null, false));
        Started first = engine.awaitStart();
        RuntimeApiClient ra = new RuntimeApiClient(first.portIn("AWS_LAMBDA_RUNTIME_API"));
        ra.next().get(5, TimeUnit.SECONDS);
        ra.respond("a", "1");
        a.get(5, TimeUnit.SECONDS);

        RunnableFunction changed = InvokerHarness.withEnvironment(fn, Map.of("USER_X", "2"));
        h.invoker.invoke(changed, request("{}"));
        Started second = engine.awaitStart();
        assertEquals("2", second.spec().environment().get("USER_X"));
        awaitRemoved(first.id());
    }

    @Test
    void anEventIsRetriedAfterAFunctionErrorUntilItSucceeds() throws Exception {
        InvokerHarness h = harness(Map.of("HANGAR_LAMBDA_ASYNC_RETRY_DELAYS_SECONDS", "0.2,0.2"));
        RunnableFunction fn = fn("event");
        h.invoker.enqueue(fn, new InvocationRequest("ev1", "{}".getBytes(), null, true));
        assertEquals(1, h.invoker.pendingEvents());
        Started container = engine.awaitStart();
        RuntimeApiClient runtime = new RuntimeApiClient(container.portIn("AWS_LAMBDA_RUNTIME_API"));
        HttpResponse<String> first = runtime.next().get(5, TimeUnit.SECONDS);
        assertEquals("ev1", first.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow());
        long failedAt = System.nanoTime();
        runtime.error("ev1", "{\"errorType\":\"Exception\",\"errorMessage\":\"first try fails\"}", "Unhandled");
        HttpResponse<String> retry = runtime.next().get(5, TimeUnit.SECONDS);
        long retriedAfter = (System.nanoTime() - failedAt) / 1_000_000;
        assertTrue(retriedAfter >= 150, "retried after " + retriedAfter + " ms");
        assertEquals("ev1", retry.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow());
        assertEquals(1, h.invoker.pendingEvents());
        runtime.respond("ev1", "null");
        long deadline = System.currentTimeMillis() + 5000;
        while (h.invoker.pendingEvents() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(0, h.invoker.pendingEvents());
    }

    @Test
    void aThrottledEventWaitsForConcurrency() throws Exception {
        InvokerHarness h = harness(Map.of("HANGAR_LAMBDA_ASYNC_THROTTLE_BACKOFF_SECONDS", "0.05"));
        RunnableFunction fn = InvokerHarness.with(fn("throttled-event"), 3, 1);
        CompletableFuture<InvocationResult> busy = h.invoker.invoke(fn, new InvocationRequest("sync", "1".getBytes(), null, false));
        h.invoker.enqueue(fn, new InvocationRequest("ev", "{}".getBytes(), null, false));
        RuntimeApiClient runtime = new RuntimeApiClient(engine.awaitStart().portIn("AWS_LAMBDA_RUNTIME_API"));
        runtime.next().get(5, TimeUnit.SECONDS);
        // lets the throttle backoff come round a few times on purpose: the event must not get through meanwhile
        Thread.sleep(300);
        assertEquals(1, h.invoker.pendingEvents(), "throttled, still queued");
        runtime.respond("sync", "1");
        busy.get(5, TimeUnit.SECONDS);
        HttpResponse<String> event = runtime.next().get(5, TimeUnit.SECONDS);
        assertEquals("ev", event.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow());
        runtime.respond("ev", "null");
    }

    private void awaitRemoved(String containerId) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5000;
        while (!engine.removed(containerId) && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(engine.removed(containerId), containerId + " removed");
    }
}
