package dev.hangar.lambda.invoke;

import dev.hangar.lambda.LambdaService;
import dev.hangar.testsupport.Await;
import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.lambda.model.State;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real SDK against an in-process Hangar wired as Hangar wires it (LambdaService::new on the local engine):
 * CreateFunction with a zip, then Invoke runs it in a container.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LambdaClientEndToEndTest {

    @RegisterExtension
    static final HangarExtension hangar = HangarExtension.builder().service(LambdaService::new).dockerRuntime()
            .environment(DockerHarness.IMAGES).build();
    private LambdaClient lambda;

    @BeforeAll
    void start() {
        DockerHarness.checkImages(hangar.runtime());
        lambda = hangar.client(LambdaClient.class);
    }

    @Test
    void createFunctionFromAZipThenInvokeIt() throws Exception {
        String name = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        lambda.createFunction(b -> b.functionName(name).runtime(Runtime.PYTHON3_12).handler("app.handler")
                .role("arn:aws:iam::000000000000:role/lambda").timeout(3)
                .code(c -> c.zipFile(SdkBytes.fromByteArray(zip("app.py",
                        "def handler(event, context):\n    print('got', event)\n    return {'answer': event['q'] * 2}\n")))));
        awaitActive(name);

        InvokeResponse r = lambda.invoke(b -> b.functionName(name).logType(LogType.TAIL)
                .payload(SdkBytes.fromUtf8String("{\"q\":21}")));
        assertEquals(200, r.statusCode());
        assertNull(r.functionError());
        assertEquals("{\"answer\": 42}", r.payload().asUtf8String());
        assertEquals("$LATEST", r.executedVersion());
        String tail = new String(Base64.getDecoder().decode(r.logResult()), StandardCharsets.UTF_8);
        assertTrue(tail.contains("got {'q': 21}\n"), tail);
        assertTrue(tail.contains("REPORT RequestId: " + r.responseMetadata().requestId()), tail);

        // a new zip retires the warm environment: the next call runs the new code
        lambda.updateFunctionCode(b -> b.functionName(name).zipFile(SdkBytes.fromByteArray(zip("app.py",
                "def handler(event, context):\n    return 'v2'\n"))));
        awaitUpdated(name);
        assertEquals("\"v2\"", lambda.invoke(b -> b.functionName(name)).payload().asUtf8String());

        InvokeResponse event = lambda.invoke(b -> b.functionName(name).invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromUtf8String("{}")));
        assertEquals(202, event.statusCode());
    }

    @Test
    void aHandlerErrorIsUnhandledWithThePythonPayload() throws Exception {
        String name = "e2e-err-" + UUID.randomUUID().toString().substring(0, 8);
        lambda.createFunction(b -> b.functionName(name).runtime(Runtime.PYTHON3_12).handler("app.handler")
                .role("arn:aws:iam::000000000000:role/lambda")
                .code(c -> c.zipFile(SdkBytes.fromByteArray(zip("app.py",
                        "def handler(event, context):\n    raise ValueError('bad input')\n")))));
        awaitActive(name);
        InvokeResponse r = lambda.invoke(b -> b.functionName(name));
        assertEquals(200, r.statusCode());
        assertEquals("Unhandled", r.functionError());
        assertTrue(r.payload().asUtf8String().startsWith("{\"errorMessage\": \"bad input\", \"errorType\": \"ValueError\""),
                r.payload().asUtf8String());
    }

    @Test
    void reservedConcurrencyZeroThrottlesThroughTheSdk() throws Exception {
        String name = "e2e-thr-" + UUID.randomUUID().toString().substring(0, 8);
        lambda.createFunction(b -> b.functionName(name).runtime(Runtime.PYTHON3_12).handler("app.handler")
                .role("arn:aws:iam::000000000000:role/lambda")
                .code(c -> c.zipFile(SdkBytes.fromByteArray(zip("app.py",
                        "def handler(event, context):\n    return 1\n")))));
        awaitActive(name);
        lambda.putFunctionConcurrency(b -> b.functionName(name).reservedConcurrentExecutions(0));
        TooManyRequestsException e = assertThrows(TooManyRequestsException.class,
                () -> lambda.invoke(b -> b.functionName(name)));
        assertEquals(429, e.statusCode());
        assertEquals("ReservedFunctionConcurrentInvocationLimitExceeded", e.reasonAsString());
        assertEquals("User", e.type());
    }

    private void awaitActive(String name) {
        Await.until(name + " to become Active", Duration.ofSeconds(30),
                () -> lambda.getFunction(b -> b.functionName(name)).configuration(), c -> c.state() == State.ACTIVE);
    }

    private void awaitUpdated(String name) {
        Await.until(name + "'s update to finish", Duration.ofSeconds(30),
                () -> lambda.getFunction(b -> b.functionName(name)).configuration(),
                c -> "Successful".equals(c.lastUpdateStatusAsString()));
    }

    private static byte[] zip(String file, String content) {
        return dev.hangar.testsupport.Zips.of(file, content);
    }
}
