package dev.hangar.lambda.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hangar.core.service.AwsException;
import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static dev.hangar.lambda.invoke.DockerHarness.PYTHON;
import static dev.hangar.lambda.invoke.DockerHarness.json;
import static dev.hangar.lambda.invoke.InvokerHarness.function;
import static dev.hangar.lambda.invoke.InvokerHarness.request;
import static dev.hangar.lambda.invoke.InvokerHarness.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parallel invocations in real containers: separate environments, reserved and account concurrency. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrencyInvocationTest {

    /** One Hangar on the local engine for the class; the invoker's environments end after its last test. */
    @RegisterExtension
    static final HangarExtension hangar = InvokerHarness.onDocker(Map.of("HANGAR_LAMBDA_ACCOUNT_CONCURRENCY", "4")).build();
    InvokerHarness h;

    @BeforeAll
    void harness() {
        DockerHarness.checkImages(hangar.runtime());
        h = new InvokerHarness(hangar);
    }

    @AfterAll
    void closeHarness() {
        if (h != null) {
            h.close();
        }
    }

    @Test
    void concurrentCallsRunInSeparateEnvironments() throws Exception {
        RunnableFunction fn = function(uniqueName("par"), "python3.12", "handlers.sleep", PYTHON);
        CompletableFuture<InvocationResult> warmA = h.invoker.invoke(fn, request("{\"seconds\":0.5}"));
        CompletableFuture<InvocationResult> warmB = h.invoker.invoke(fn, request("{\"seconds\":0.5}"));
        assertNull(warmA.get(60, TimeUnit.SECONDS).functionError());
        assertNull(warmB.get(60, TimeUnit.SECONDS).functionError());
        assertEquals(2, h.invoker.environmentCount(fn.functionArn(), "$LATEST"), "one environment per parallel call");

        // both warm now: two parallel 1.5 s calls take 1.5 s, not 3
        long start = System.nanoTime();
        CompletableFuture<InvocationResult> a = h.invoker.invoke(fn, request("{\"seconds\":1.5}"));
        CompletableFuture<InvocationResult> b = h.invoker.invoke(fn, request("{\"seconds\":1.5}"));
        assertNull(a.get(60, TimeUnit.SECONDS).functionError());
        assertNull(b.get(60, TimeUnit.SECONDS).functionError());
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms < 2500, "both ran at once: " + ms + " ms");
        assertEquals(2, h.invoker.environmentCount(fn.functionArn(), "$LATEST"));

        RunnableFunction echo = InvokerHarness.withHandler(fn, "handlers.echo");
        CompletableFuture<InvocationResult> c = h.invoker.invoke(echo, request("{}"));
        CompletableFuture<InvocationResult> d = h.invoker.invoke(echo, request("{}"));
        JsonNode pc = json(c.get(60, TimeUnit.SECONDS));
        JsonNode pd = json(d.get(60, TimeUnit.SECONDS));
        // pids repeat across containers: tell the environments apart by their log streams
        assertNotEquals(pc.at("/env/AWS_LAMBDA_LOG_STREAM_NAME").asText(), pd.at("/env/AWS_LAMBDA_LOG_STREAM_NAME").asText());
    }

    @Test
    void reservedConcurrencyOfOneThrottlesTheSecondParallelCall() throws Exception {
        RunnableFunction fn = InvokerHarness.with(
                function(uniqueName("res"), "python3.12", "handlers.sleep", PYTHON), 10, 1);
        List<CompletableFuture<InvocationResult>> calls = new ArrayList<>();
        calls.add(h.invoker.invoke(fn, request("{\"seconds\":1}")));
        calls.add(h.invoker.invoke(fn, request("{\"seconds\":1}")));
        int ok = 0;
        int throttled = 0;
        for (CompletableFuture<InvocationResult> call : calls) {
            try {
                assertNull(call.get(60, TimeUnit.SECONDS).functionError());
                ok++;
            } catch (ExecutionException e) {
                AwsException error = assertInstanceOf(AwsException.class, e.getCause());
                assertEquals("TooManyRequestsException", error.code());
                assertEquals("ReservedFunctionConcurrentInvocationLimitExceeded", error.extraMembers().get("Reason"));
                assertEquals("User", error.extraMembers().get("Type"));
                throttled++;
            }
        }
        assertEquals(1, ok);
        assertEquals(1, throttled);
    }

    @Test
    void theAccountLimitThrottlesBeyondIt() throws Exception {
        // an account of its own: the reservation another test made would shrink this one's unreserved pool
        RunnableFunction fn = InvokerHarness.inAccount(InvokerHarness.with(
                function(uniqueName("acct"), "python3.12", "handlers.sleep", PYTHON), 10, null), "210987654321");
        List<CompletableFuture<InvocationResult>> calls = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            calls.add(h.invoker.invoke(fn, request("{\"seconds\":1}")));
        }
        int throttled = 0;
        for (CompletableFuture<InvocationResult> call : calls) {
            try {
                call.get(60, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                assertEquals("ConcurrentInvocationLimitExceeded",
                        ((AwsException) e.getCause()).extraMembers().get("Reason"));
                throttled++;
            }
        }
        assertEquals(1, throttled, "a limit of 4 lets 4 of 5 run");
    }
}
