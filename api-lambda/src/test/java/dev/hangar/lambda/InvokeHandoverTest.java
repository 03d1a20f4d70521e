package dev.hangar.lambda;

import dev.hangar.lambda.invoke.FunctionInvoker;
import dev.hangar.lambda.invoke.InvocationResult;
import dev.hangar.lambda.invoke.RunnableFunction;
import dev.hangar.testsupport.Await;
import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.CountDownLatch;

import static dev.hangar.lambda.LambdaTestData.ROLE;
import static dev.hangar.lambda.LambdaTestData.arn;
import static dev.hangar.lambda.LambdaTestData.assertAwsError;
import static dev.hangar.lambda.LambdaTestData.await;
import static dev.hangar.lambda.LambdaTestData.configuration;
import static dev.hangar.lambda.LambdaTestData.createActive;
import static dev.hangar.lambda.LambdaTestData.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Invoke's control-plane checks and the hand-over to the invocation side (a recording stand-in here). */
class InvokeHandoverTest {

    /** Stands in for the invocation side, recording what the control plane hands over. */
    static final RecordingInvoker invoker = new RecordingInvoker();
    @RegisterExtension
    static final HangarExtension hangar = HangarExtension.builder().service(LambdaService::new).fakeRuntime()
            .port(FunctionInvoker.class, invoker).build();
    static LambdaClient client;

    @BeforeAll
    static void client() {
        client = hangar.client(LambdaClient.class);
    }

    @Test
    void requestResponseMapsTheInvocationResult() {
        String name = uniqueName("inv");
        createActive(client, name);
        invoker.calls.clear();
        invoker.answer = (f, r) -> new InvocationResult("{\"errorMessage\":\"boom\"}".getBytes(StandardCharsets.UTF_8),
                "Unhandled", "dGFpbA==", f.version());
        InvokeResponse response = client.invoke(b -> b.functionName(name).logType(LogType.TAIL)
                .payload(SdkBytes.fromUtf8String("{\"k\":1}")));
        assertEquals(200, response.statusCode());
        assertEquals("Unhandled", response.functionError());
        assertEquals("dGFpbA==", response.logResult());
        assertEquals("$LATEST", response.executedVersion());
        assertEquals("{\"errorMessage\":\"boom\"}", response.payload().asUtf8String());

        RecordingInvoker.Call call = invoker.calls.get(0);
        assertEquals("invoke", call.kind());
        assertTrue(call.request().tailLogs());
        assertEquals("{\"k\":1}", new String(call.request().payload(), StandardCharsets.UTF_8));
        RunnableFunction f = call.function();
        assertEquals(name, f.functionName());
        assertEquals(arn(name), f.functionArn());
        assertEquals("python3.12", f.runtime());
        assertEquals("handler.handler", f.handler());
        assertEquals("/aws/lambda/" + name, f.logGroup());
        assertEquals(configuration(client, name).codeSha256(), f.codeSha256());
        assertTrue(Files.isRegularFile(f.codeDirectory().resolve("handler.py")), f.codeDirectory().toString());
        assertFalse(f.hotReload());
        invoker.answer = (fn, r) -> new InvocationResult(r.payload(), null, null, fn.version());
    }

    @Test
    void eventAndDryRun() {
        String name = uniqueName("evt");
        createActive(client, name);
        invoker.calls.clear();
        InvokeResponse event = client.invoke(b -> b.functionName(name).invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromUtf8String("{}")));
        assertEquals(202, event.statusCode());
        assertNull(event.executedVersion());
        assertEquals(0, event.payload().asByteArray().length);
        assertEquals("enqueue", invoker.calls.get(0).kind());

        InvokeResponse dry = client.invoke(b -> b.functionName(name).invocationType(InvocationType.DRY_RUN));
        assertEquals(204, dry.statusCode());
        assertEquals(1, invoker.calls.size());
    }

    @Test
    void versionsAndUnknownQualifiers() {
        String name = uniqueName("invv");
        createActive(client, name);
        client.publishVersion(b -> b.functionName(name));
        await(client, name, c -> true);
        awaitVersionActive(name, "1");
        InvokeResponse v1 = client.invoke(b -> b.functionName(name).qualifier("1").payload(SdkBytes.fromUtf8String("1")));
        assertEquals("1", v1.executedVersion());
        assertEquals("1", client.invoke(b -> b.functionName(name + ":1")).executedVersion());
        assertEquals("$LATEST", client.invoke(b -> b.functionName(arn(name) + ":$LATEST")).executedVersion());
        assertAwsError(404, "ResourceNotFoundException", "Function not found: " + arn(name) + ":5",
                () -> client.invoke(b -> b.functionName(name).qualifier("5")));
        assertAwsError(404, "ResourceNotFoundException", "Function not found: " + arn("ghost") + ":$LATEST",
                () -> client.invoke(b -> b.functionName("ghost")));
    }

    @Test
    void payloadChecks() {
        String name = uniqueName("pay");
        createActive(client, name);
        assertAwsError(400, "InvalidRequestContentException", null,
                () -> client.invoke(b -> b.functionName(name).payload(SdkBytes.fromUtf8String("not json"))));
        var e = assertAwsError(400, "InvalidRequestContentException", null,
                () -> client.invoke(b -> b.functionName(name).payload(SdkBytes.fromUtf8String("{\"a\":"))));
        assertTrue(e.awsErrorDetails().errorMessage().startsWith(
                "Could not parse request body into json: Could not parse payload into json: "));
        byte[] big = new byte[6_291_457];
        java.util.Arrays.fill(big, (byte) ' ');
        big[0] = '"';
        big[big.length - 1] = '"';
        assertAwsError(413, "RequestEntityTooLargeException",
                "Request must be smaller than 6291456 bytes for the InvokeFunction operation",
                () -> client.invoke(b -> b.functionName(name).payload(SdkBytes.fromByteArray(big))));
        assertEquals(200, client.invoke(b -> b.functionName(name).payload(SdkBytes.fromUtf8String("\"just a string\"")))
                .statusCode());
    }

    @Test
    void pendingAndFailedFunctionsConflict() {
        // a Failed image: the engine cannot pull it
        hangar.fake().failPull("missing/", "pull access denied for missing/image:1");
        String name = uniqueName("failing");
        client.createFunction(b -> b.functionName(name).packageType("Image").role(ROLE)
                .code(c -> c.imageUri("missing/image:1")));
        var config = await(client, name, c -> "Failed".equals(c.stateAsString()));
        assertEquals("Failed", config.stateAsString());
        assertEquals("InvalidImage", config.stateReasonCodeAsString());
        assertTrue(config.stateReason().contains("missing/image:1"), config.stateReason());
        var error = assertThrows(ResourceConflictException.class, () -> client.invoke(b -> b.functionName(name)));
        assertEquals("The operation cannot be performed at this time. The function is currently in the following "
                + "state: Failed", error.awsErrorDetails().errorMessage());

        // a fixed image brings the function back: Pending, then Active
        var fixed = client.updateFunctionCode(b -> b.functionName(name).imageUri("good/image:1"));
        assertEquals("Pending", fixed.stateAsString());
        config = await(client, name, c -> "Active".equals(c.stateAsString()));
        assertEquals("Active", config.stateAsString());
        assertEquals("Successful", config.lastUpdateStatusAsString());
    }

    @Test
    void aPendingFunctionCannotBeInvokedOrUpdatedYet() {
        // the image check is a pull, held here until the test lets it go
        CountDownLatch release = hangar.fake().holdPull("slow/image:1");
        String name = uniqueName("pending");
        client.createFunction(b -> b.functionName(name).packageType("Image").role(ROLE)
                .code(c -> c.imageUri("slow/image:1")));
        var conflict = assertThrows(ResourceConflictException.class, () -> client.invoke(b -> b.functionName(name)));
        assertEquals("The operation cannot be performed at this time. The function is currently in the following "
                + "state: Pending", conflict.awsErrorDetails().errorMessage());
        var update = assertThrows(ResourceConflictException.class,
                () -> client.updateFunctionConfiguration(b -> b.functionName(name).timeout(5)));
        assertEquals("The operation cannot be performed at this time. An update is in progress for resource: "
                + arn(name), update.awsErrorDetails().errorMessage());
        release.countDown();
        await(client, name, c -> "Active".equals(c.stateAsString()));
        assertEquals(200, client.invoke(b -> b.functionName(name)).statusCode());
    }

    private static void awaitVersionActive(String name, String version) {
        Await.until("version " + version + " of " + name + " to become Active",
                () -> client.getFunctionConfiguration(b -> b.functionName(name).qualifier(version)),
                c -> "Active".equals(c.stateAsString()));
    }
}
