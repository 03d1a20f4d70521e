package dev.hangar.lambda.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static dev.hangar.lambda.invoke.DockerHarness.PYTHON;
import static dev.hangar.lambda.invoke.DockerHarness.call;
import static dev.hangar.lambda.invoke.DockerHarness.callWithTail;
import static dev.hangar.lambda.invoke.DockerHarness.json;
import static dev.hangar.lambda.invoke.DockerHarness.tail;
import static dev.hangar.lambda.invoke.InvokerHarness.function;
import static dev.hangar.lambda.invoke.InvokerHarness.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Python functions in real containers: the image's own client (python3.12) and Hangar's mounted one (python3.11). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PythonInvocationTest {

    /** One Hangar on the local engine for the class; the invoker's environments end after its last test. */
    @RegisterExtension
    static final HangarExtension hangar = InvokerHarness.onDocker(Map.of()).build();
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

    private static RunnableFunction python(String handler) {
        return function(uniqueName("py"), "python3.12", handler, PYTHON);
    }

    @Test
    void echoSeesTheEventTheStandardEnvironmentAndItsContext() throws Exception {
        RunnableFunction fn = InvokerHarness.withEnvironment(python("handlers.echo"), Map.of("USER_COLOUR", "blue"));
        String clientContext = Base64.getEncoder().encodeToString(
                "{\"custom\":{\"k\":\"v\"},\"env\":{\"e\":\"1\"}}".getBytes(StandardCharsets.UTF_8));
        InvocationRequest req = new InvocationRequest(UUID.randomUUID().toString(),
                "{\"hello\":\"world\"}".getBytes(StandardCharsets.UTF_8), clientContext, false);
        InvocationResult r = h.invoker.invoke(fn, req).get(60, TimeUnit.SECONDS);
        assertNull(r.functionError(), DockerHarness.text(r));
        JsonNode body = json(r);
        assertEquals("world", body.at("/event/hello").asText());
        JsonNode env = body.get("env");
        assertEquals(fn.functionName(), env.get("AWS_LAMBDA_FUNCTION_NAME").asText());
        assertEquals("$LATEST", env.get("AWS_LAMBDA_FUNCTION_VERSION").asText());
        assertEquals("128", env.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE").asText());
        assertEquals("/aws/lambda/" + fn.functionName(), env.get("AWS_LAMBDA_LOG_GROUP_NAME").asText());
        assertTrue(env.get("AWS_LAMBDA_LOG_STREAM_NAME").asText().matches("\\d{4}/\\d\\d/\\d\\d/\\[\\$LATEST][0-9a-f]{32}"));
        assertTrue(env.get("AWS_LAMBDA_RUNTIME_API").asText().startsWith("127.0.0.1:"));
        assertEquals("us-east-1", env.get("AWS_REGION").asText());
        assertEquals("us-east-1", env.get("AWS_DEFAULT_REGION").asText());
        assertEquals("AWS_Lambda_python3.12", env.get("AWS_EXECUTION_ENV").asText());
        assertEquals("on-demand", env.get("AWS_LAMBDA_INITIALIZATION_TYPE").asText());
        assertEquals("/var/task", env.get("LAMBDA_TASK_ROOT").asText());
        assertEquals("/var/runtime", env.get("LAMBDA_RUNTIME_DIR").asText());
        assertEquals("handlers.echo", env.get("_HANDLER").asText());
        assertEquals(":UTC", env.get("TZ").asText());
        assertEquals(InvokerHarness.ACCOUNT, env.get("AWS_ACCESS_KEY_ID").asText());
        assertTrue(env.get("_X_AMZN_TRACE_ID").asText().startsWith("Root=1-"));
        assertEquals("blue", env.get("USER_COLOUR").asText());
        JsonNode context = body.get("context");
        assertEquals(req.requestId(), context.get("aws_request_id").asText());
        assertEquals(fn.functionArn(), context.get("invoked_function_arn").asText());
        assertEquals("v", context.at("/client_context/custom/k").asText());
        long remaining = context.get("remaining_time_in_millis").asLong();
        assertTrue(remaining > 2000 && remaining <= 3000, "remaining " + remaining);
        assertEquals("/var/task", body.get("cwd").asText());
    }

    @Test
    void theSecondCallReusesTheWarmEnvironment() throws Exception {
        RunnableFunction fn = python("handlers.echo");
        long coldStart = System.nanoTime();
        JsonNode first = json(call(h, fn, "{}"));
        long coldMs = (System.nanoTime() - coldStart) / 1_000_000;
        long warmStart = System.nanoTime();
        JsonNode second = json(call(h, fn, "{}"));
        long warmMs = (System.nanoTime() - warmStart) / 1_000_000;
        assertEquals(first.get("pid").asInt(), second.get("pid").asInt(), "same process");
        assertEquals(2, second.get("invocations").asInt());
        assertEquals(1, h.invoker.environmentCount(fn.functionArn(), "$LATEST"));
        assertTrue(warmMs < 200, "warm call took " + warmMs + " ms");

        int n = 50;
        long loop = System.nanoTime();
        for (int i = 0; i < n; i++) {
            call(h, fn, "{\"i\":" + i + "}");
        }
        double perCall = (System.nanoTime() - loop) / 1e6 / n;
        System.out.printf("python3.12 cold start %d ms (container create to answer), warm invoke %.2f ms avg over %d%n",
                coldMs, perCall, n);
        assertEquals(1, h.invoker.environmentCount(fn.functionArn(), "$LATEST"));
    }

    @Test
    void aHandlerErrorComesBackAsAwsPythonPayload() throws Exception {
        RunnableFunction fn = python("handlers.fail");
        InvocationResult r = call(h, fn, "{}");
        assertEquals("Unhandled", r.functionError());
        JsonNode error = json(r);
        assertEquals("Handler fails", error.get("errorMessage").asText());
        assertEquals("Exception", error.get("errorType").asText());
        assertTrue(error.get("stackTrace").get(0).asText().contains("/var/task/handlers.py"), error.toString());

        InvocationResult custom = call(h, python("handlers.fail_custom"), "{\"message\":\"custom text\"}");
        assertEquals("CustomError", json(custom).get("errorType").asText());
        assertEquals("custom text", json(custom).get("errorMessage").asText());
    }

    @Test
    void anImportErrorIsAnInitErrorForTheCaller() throws Exception {
        RunnableFunction fn = python("bad_import.handler");
        InvocationResult r = callWithTail(h, fn, "{}");
        assertEquals("Unhandled", r.functionError());
        JsonNode error = json(r);
        assertEquals("Runtime.ImportModuleError", error.get("errorType").asText());
        assertTrue(error.get("errorMessage").asText().startsWith("Unable to import module 'bad_import'"), error.toString());
        String tail = tail(r);
        assertTrue(tail.contains("[ERROR] Runtime.ImportModuleError: Unable to import module 'bad_import'"), tail);
        assertTrue(tail.contains("INIT_REPORT Init Duration: "), tail);
        // a failed init leaves nothing warm: the next call initialises again
        assertEquals("Runtime.ImportModuleError", json(call(h, fn, "{}")).get("errorType").asText());
    }

    @Test
    void aTimeoutAnswersWithAwsPayloadAndTheEnvironmentIsDestroyed() throws Exception {
        RunnableFunction fn = InvokerHarness.with(python("handlers.sleep"), 1, null);
        JsonNode warm = json(call(h, fn, "{\"seconds\":0}"));
        List<String> containers = DockerHarness.containerIds(h, fn);
        InvocationResult r = callWithTail(h, fn, "{\"seconds\":10}");
        assertEquals("Unhandled", r.functionError());
        JsonNode error = json(r);
        assertEquals("Sandbox.Timedout", error.get("errorType").asText());
        assertTrue(error.get("errorMessage").asText().matches("RequestId: \\S+ Error: Task timed out after 1.00 seconds"),
                error.toString());
        String tail = tail(r);
        assertTrue(tail.contains("sleeping 10.0 s\n"), tail);
        assertTrue(tail.contains("Task timed out after 1.00 seconds\nEND RequestId: "), tail);
        assertTrue(tail.contains("Status: timeout"), tail);
        assertTrue(DockerHarness.awaitGone(h, containers.get(0), 5000), "timed-out container removed");

        JsonNode after = json(call(h, fn, "{\"seconds\":0}"));
        assertEquals(0.0, after.get("slept").asDouble());
        assertNotEquals(containers, DockerHarness.containerIds(h, fn));
        assertEquals(0.0, warm.get("slept").asDouble());
    }

    @Test
    void aCrashIsAnExitErrorAndTheNextCallGetsAFreshEnvironment() throws Exception {
        RunnableFunction fn = python("handlers.crash");
        InvocationResult r = callWithTail(h, fn, "{\"code\":2}");
        assertEquals("Unhandled", r.functionError());
        JsonNode error = json(r);
        assertEquals("Runtime.ExitError", error.get("errorType").asText());
        assertTrue(error.get("errorMessage").asText().endsWith("Error: Runtime exited with error: exit status 2"),
                error.toString());
        assertTrue(tail(r).contains("about to crash\n"), tail(r));

        RunnableFunction echo = InvokerHarness.withHandler(fn, "handlers.echo");
        assertNull(call(h, echo, "{}").functionError());
    }

    @Test
    void aCleanExitMidInvocationGivesNoReasonAndOutOfMemoryIsNamed() throws Exception {
        InvocationResult clean = call(h, python("handlers.exit_clean"), "{}");
        assertEquals("Runtime.ExitError", json(clean).get("errorType").asText());
        assertTrue(json(clean).get("errorMessage").asText().endsWith("Error: Runtime exited without providing a reason"),
                json(clean).toString());

        java.nio.file.Path code = java.nio.file.Files.createTempDirectory("hangar-linv-oom");
        code.toFile().setReadable(true, false);
        java.nio.file.Files.writeString(code.resolve("hog.py"), "def handler(event, context):\n"
                + "    chunks = []\n    while True:\n        chunks.append(bytearray(16 * 1024 * 1024))\n");
        InvocationResult oom = call(h, function(uniqueName("oom"), "python3.12", "hog.handler", code), "{}");
        assertEquals("Unhandled", oom.functionError());
        assertEquals("Runtime.OutOfMemory", json(oom).get("errorType").asText(), json(oom).toString());
        assertTrue(json(oom).get("errorMessage").asText().endsWith("Runtime exited with error: signal: killed"),
                json(oom).toString());
    }

    @Test
    void theTailAndTheLogSinkHoldStartOutputEndAndReport() throws Exception {
        RunnableFunction fn = python("handlers.logs");
        InvocationResult r = callWithTail(h, fn, "{\"lines\":3}");
        assertEquals("\"logged\"", DockerHarness.text(r));
        String tail = tail(r);
        String id = tail.substring(tail.indexOf("START RequestId: ") + 17, tail.indexOf(" Version: $LATEST"));
        // stdout and stderr are separate pipes: their lines interleave as the engine reads them
        assertTrue(tail.matches("(?s).*START RequestId: " + id + " Version: \\$LATEST\n.*log line 1\n.*"
                + "log line 2 for " + id + "\n.*line 2\n(stderr line\n)?END RequestId: " + id + "\nREPORT RequestId: " + id
                + "\tDuration: \\d+\\.\\d\\d ms\tBilled Duration: \\d+ ms\tMemory Size: 128 MB\t"
                + "Max Memory Used: \\d+ MB\tInit Duration: \\d+\\.\\d\\d ms\t\n"), tail);
        assertTrue(tail.contains("stderr line\n"), tail);
        assertTrue(tail.contains("[WARNING]\t"), tail);

        // a warm call: no Init Duration, and the sink got both invocations in order
        String warm = tail(callWithTail(h, fn, "{}"));
        assertTrue(warm.matches("(?s).*REPORT RequestId: \\S+\tDuration: [0-9.]+ ms\tBilled Duration: \\d+ ms\t"
                + "Memory Size: 128 MB\tMax Memory Used: \\d+ MB\t\n"), warm);
        List<String> messages = h.logs.messages("/aws/lambda/" + fn.functionName());
        assertTrue(messages.get(0).startsWith("INIT_START Runtime Version: python3.12"), messages.toString());
        int start = messages.indexOf("START RequestId: " + id + " Version: $LATEST\n");
        int line = messages.indexOf("log line 1\n");
        int end = messages.indexOf("END RequestId: " + id + "\n");
        assertTrue(start >= 0 && start < line && line < end, messages.toString());
        assertTrue(messages.get(end + 1).startsWith("REPORT RequestId: " + id), messages.toString());
        assertEquals(1, h.logs.entries.stream().filter(e -> e.group().equals("/aws/lambda/" + fn.functionName()))
                .map(RecordingLogSink.Entry::stream).distinct().count());
    }

    @Test
    void aResponseOverSixMegabytesIsResponseSizeTooLarge() throws Exception {
        InvocationResult r = call(h, python("handlers.big"), "{}");
        assertEquals("Unhandled", r.functionError());
        assertEquals("Function.ResponseSizeTooLarge", json(r).get("errorType").asText());
    }

    @Test
    void aPlainPythonImageRunsWithHangarsOwnClient() throws Exception {
        RunnableFunction fn = function(uniqueName("plain"), "python3.11", "handlers.echo", PYTHON);
        InvocationResult r = call(h, fn, "{\"x\":1}");
        assertNull(r.functionError(), DockerHarness.text(r));
        assertEquals(1, json(r).at("/event/x").asInt());
        assertEquals("AWS_Lambda_python3.11", json(r).at("/env/AWS_EXECUTION_ENV").asText());
        assertEquals("Handler fails", json(call(h, InvokerHarness.withHandler(fn, "handlers.fail"), "{}"))
                .get("errorMessage").asText());
    }
}
