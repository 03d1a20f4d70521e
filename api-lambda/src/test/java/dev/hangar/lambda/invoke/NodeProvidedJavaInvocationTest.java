package dev.hangar.lambda.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static dev.hangar.lambda.invoke.DockerHarness.JAVA;
import static dev.hangar.lambda.invoke.DockerHarness.NODE;
import static dev.hangar.lambda.invoke.DockerHarness.PROVIDED;
import static dev.hangar.lambda.invoke.DockerHarness.call;
import static dev.hangar.lambda.invoke.DockerHarness.callWithTail;
import static dev.hangar.lambda.invoke.DockerHarness.json;
import static dev.hangar.lambda.invoke.DockerHarness.tail;
import static dev.hangar.lambda.invoke.InvokerHarness.function;
import static dev.hangar.lambda.invoke.InvokerHarness.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Node.js (image client and Hangar's), provided.al2023 (the function's own bootstrap) and Java (AWS's RIC). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NodeProvidedJavaInvocationTest {

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

    @Test
    void nodeEchoAndWarmReuse() throws Exception {
        RunnableFunction fn = function(uniqueName("node"), "nodejs20.x", "handlers.echo", NODE);
        JsonNode first = json(call(h, fn, "{\"n\":1}"));
        JsonNode second = json(call(h, fn, "{\"n\":2}"));
        assertEquals(2, second.at("/event/n").asInt());
        assertEquals(first.get("pid").asInt(), second.get("pid").asInt());
        assertEquals("AWS_Lambda_nodejs20.x", second.at("/env/AWS_EXECUTION_ENV").asText());
        assertEquals(fn.functionName(), second.at("/context/functionName").asText());
    }

    @Test
    void nodeHandlerErrorPayloadAndLogs() throws Exception {
        RunnableFunction fn = function(uniqueName("node"), "nodejs20.x", "handlers.fail", NODE);
        InvocationResult r = callWithTail(h, fn, "{}");
        assertEquals("Unhandled", r.functionError());
        JsonNode error = json(r);
        assertEquals("Error", error.get("errorType").asText());
        assertEquals("Handler fails", error.get("errorMessage").asText());
        assertEquals("Error: Handler fails", error.get("trace").get(0).asText());
        assertTrue(tail(r).contains("\tERROR\tInvoke Error \t{\"errorType\":\"Error\""), tail(r));
    }

    @Test
    void nodeInitErrorReachesTheCaller() throws Exception {
        RunnableFunction fn = function(uniqueName("node"), "nodejs20.x", "bad_import.handler", NODE);
        InvocationResult r = call(h, fn, "{}");
        assertEquals("Unhandled", r.functionError());
        assertEquals("Runtime.ImportModuleError", json(r).get("errorType").asText());
    }

    @Test
    void aPlainNodeImageRunsWithHangarsOwnClient() throws Exception {
        RunnableFunction fn = function(uniqueName("node-plain"), "nodejs18.x", "handlers.echo", NODE);
        InvocationResult r = call(h, fn, "{\"n\":3}");
        assertNull(r.functionError(), DockerHarness.text(r));
        assertEquals(3, json(r).at("/event/n").asInt());
    }

    @Test
    void providedRunsTheFunctionsOwnBootstrap() throws Exception {
        RunnableFunction fn = function(uniqueName("prov"), "provided.al2023", "echo", PROVIDED);
        JsonNode echo = json(call(h, fn, "{\"p\":true}"));
        assertTrue(echo.at("/echo/p").asBoolean(), echo.toString());
        assertEquals(fn.functionName(), echo.get("function").asText());

        InvocationResult failed = call(h, InvokerHarness.withHandler(fn, "fail"), "{}");
        assertEquals("ProvidedError", json(failed).get("errorType").asText());

        InvocationResult crashed = call(h, InvokerHarness.withHandler(fn, "crash"), "{}");
        assertTrue(json(crashed).get("errorMessage").asText().endsWith("Runtime exited with error: exit status 3"),
                json(crashed).toString());

        InvocationResult initFailed = call(h, InvokerHarness.withHandler(fn, "initfail"), "{}");
        assertEquals("Unhandled", initFailed.functionError());
        assertEquals("provided init failed on purpose", json(initFailed).get("errorMessage").asText());
        assertEquals("Runtime.InitError", json(initFailed).get("errorType").asText());
    }

    @Test
    void javaRunsOnAwsRuntimeInterfaceClient() throws Exception {
        RunnableFunction fn = function(uniqueName("java"), "java17", "hangar.test.EchoHandler", JAVA);
        fn = InvokerHarness.with(fn, 30, null);
        InvocationResult r = callWithTail(h, fn, "{\"j\":7}");
        assertNull(r.functionError(), DockerHarness.text(r));
        assertTrue(DockerHarness.text(r).contains("7"), DockerHarness.text(r));
        assertTrue(tail(r).contains("Init Duration"), tail(r));
        InvocationResult failed = call(h, InvokerHarness.withHandler(fn, "hangar.test.FailHandler"), "{}");
        assertEquals("java.lang.RuntimeException", json(failed).get("errorType").asText());
    }
}
