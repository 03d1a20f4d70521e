package dev.hangar.lambda.invoke;

import dev.hangar.core.time.ManualClock;
import dev.hangar.core.time.ScaledClock;
import dev.hangar.testsupport.junit.FakeContainerRuntime.Started;
import dev.hangar.testsupport.junit.FakeContainerRuntime;
import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.hangar.lambda.invoke.InvokerHarness.fn;
import static dev.hangar.lambda.invoke.InvokerHarness.request;
import static dev.hangar.lambda.invoke.InvokerHarness.tailRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which of Lambda's timers run on Hangar's clock (and so scale with HANGAR_TIME_SCALE) and which stay on real time:
 * AWS's own timing (async retries, the keep-alive) follows the clock, a function's timeout does not, and log lines are
 * stamped with the clock's time.
 */
class InvokeTimeTest {

    private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
    private final ManualClock clock = new ManualClock(T0);

    private HangarExtension hangar;
    private FakeContainerRuntime engine;
    private InvokerHarness harness;

    /** A Hangar of this test's own on the fake engine and that clock (the tests differ in clocks). */
    private InvokerHarness onClock(dev.hangar.core.time.HangarClock hangarClock) {
        hangar = InvokerHarness.onFakeEngine().clock(hangarClock).workerThreads(4).engineThreads(2).build().start();
        engine = hangar.fake();
        harness = new InvokerHarness(hangar);
        return harness;
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
    void anEventsRetryWaitsAwsMinuteOnHangarsClockNotOnTheWallClock() throws Exception {
        InvokerHarness h = onClock(clock);
        RunnableFunction fn = fn("retry-on-clock");
        h.invoker.enqueue(fn, new InvocationRequest("ev1", "{}".getBytes(), null, false));
        RuntimeApiClient runtime = new RuntimeApiClient(engine.awaitStart().portIn("AWS_LAMBDA_RUNTIME_API"));
        assertEquals("ev1", requestId(runtime.next().get(10, TimeUnit.SECONDS)));
        runtime.error("ev1", "{\"errorType\":\"Exception\",\"errorMessage\":\"fails\"}", "Unhandled");

        CompletableFuture<HttpResponse<String>> retry = runtime.next();
        assertTrue(clock.pending().contains(T0.plusSeconds(60)), "retry due 1 min on: " + clock.pending());
        Thread.sleep(300);
        assertFalse(retry.isDone(), "retried before Hangar's clock moved");
        clock.advance(Duration.ofSeconds(59));
        Thread.sleep(200);
        assertFalse(retry.isDone(), "retried after 59 s");
        clock.advance(Duration.ofSeconds(1));
        assertEquals("ev1", requestId(retry.get(10, TimeUnit.SECONDS)));
        runtime.respond("ev1", "null");
        awaitNoPendingEvents(h);
    }

    @Test
    void withTheClockSpedUpTheRetryComesInAFractionOfItsMinute() throws Exception {
        try (ScaledClock fast = ScaledClock.scaled(600)) {
            InvokerHarness h = onClock(fast);
            RunnableFunction fn = fn("retry-scaled");
            h.invoker.enqueue(fn, new InvocationRequest("ev1", "{}".getBytes(), null, false));
            RuntimeApiClient runtime = new RuntimeApiClient(engine.awaitStart().portIn("AWS_LAMBDA_RUNTIME_API"));
            runtime.next().get(10, TimeUnit.SECONDS);
            long failedAt = System.nanoTime();
            runtime.error("ev1", "{\"errorType\":\"Exception\",\"errorMessage\":\"fails\"}", "Unhandled");
            assertEquals("ev1", requestId(runtime.next().get(10, TimeUnit.SECONDS)));
            long tookMs = (System.nanoTime() - failedAt) / 1_000_000;
            // 60 s at 600 times: 100 ms
            assertTrue(tookMs >= 80 && tookMs < 5000, "retried after " + tookMs + " ms");
            runtime.respond("ev1", "null");
            awaitNoPendingEvents(h);
            closeHangar();
        }
    }

    @Test
    void anIdleEnvironmentExpiresAfterTheKeepAliveOnHangarsClock() throws Exception {
        InvokerHarness h = onClock(clock);
        RunnableFunction fn = fn("keep-alive-on-clock");
        CompletableFuture<InvocationResult> result = h.invoker.invoke(fn, request("{}"));
        Started container = engine.awaitStart();
        RuntimeApiClient runtime = new RuntimeApiClient(container.portIn("AWS_LAMBDA_RUNTIME_API"));
        runtime.respond(requestId(runtime.next().get(10, TimeUnit.SECONDS)), "1");
        result.get(10, TimeUnit.SECONDS);

        clock.advance(Duration.ofSeconds(599));
        Thread.sleep(200);
        assertFalse(engine.removed(container.id()), "expired before the 10 min keep-alive");
        assertEquals(1, h.invoker.environmentCount(fn.functionArn(), "$LATEST"));
        clock.advance(Duration.ofSeconds(1));
        awaitRemoved(container.id());
        assertEquals(0, h.invoker.environmentCount(fn.functionArn(), "$LATEST"));
    }

    @Test
    void aFunctionsTimeoutRunsInRealTimeWhateverHangarsClockSays() throws Exception {
        InvokerHarness h = onClock(clock);
        RunnableFunction fn = InvokerHarness.with(fn("timeout-real"), 1, null);
        CompletableFuture<InvocationResult> result = h.invoker.invoke(fn,
                new InvocationRequest("r1", "{}".getBytes(), null, true));
        RuntimeApiClient runtime = new RuntimeApiClient(engine.awaitStart().portIn("AWS_LAMBDA_RUNTIME_API"));
        runtime.next().get(10, TimeUnit.SECONDS);
        long start = System.nanoTime();
        InvocationResult r = result.get(10, TimeUnit.SECONDS);
        long waited = (System.nanoTime() - start) / 1_000_000;
        assertTrue(waited > 800 && waited < 3000, "timed out after " + waited + " ms of real time");
        String tail = new String(Base64.getDecoder().decode(r.logTailBase64()));
        // its notice is stamped like every log line, on Hangar's clock
        assertTrue(tail.contains("\n2030-01-01T00:00:00.000Z r1 Task timed out after 1.00 seconds\n"), tail);
    }

    @Test
    void logLinesAndTheStreamNameAreOnHangarsClock() throws Exception {
        InvokerHarness h = onClock(clock);
        RunnableFunction fn = fn("stamped");
        CompletableFuture<InvocationResult> result = h.invoker.invoke(fn, tailRequest("{}"));
        Started container = engine.awaitStart();
        RuntimeApiClient runtime = new RuntimeApiClient(container.portIn("AWS_LAMBDA_RUNTIME_API"));
        String id = requestId(runtime.next().get(10, TimeUnit.SECONDS));
        // the engine stamps the function's output on the wall clock, years before Hangar's
        engine.print(container.id(), "in the handler", Instant.now());
        runtime.respond(id, "1");
        result.get(10, TimeUnit.SECONDS);

        assertTrue(container.spec().environment().get("AWS_LAMBDA_LOG_STREAM_NAME").startsWith("2030/01/01/"));
        List<RecordingLogSink.Entry> entries = h.logs.entries.stream()
                .filter(e -> e.group().equals("/aws/lambda/stamped")).toList();
        List<String> messages = entries.stream().map(e -> e.event().message().split("[ \t\n]")[0]).toList();
        assertEquals(List.of("INIT_START", "START", "in", "END", "REPORT"), messages);
        for (RecordingLogSink.Entry e : entries) {
            assertEquals(T0.toEpochMilli(), e.event().timestamp(), e.event().message());
        }
    }

    private static String requestId(HttpResponse<String> next) {
        return next.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
    }

    private static void awaitNoPendingEvents(InvokerHarness h) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5000;
        while (h.invoker.pendingEvents() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(0, h.invoker.pendingEvents());
    }

    private void awaitRemoved(String containerId) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5000;
        while (!engine.removed(containerId) && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(engine.removed(containerId), containerId + " removed");
    }
}
