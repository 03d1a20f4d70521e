package dev.hangar.lambda.control;

import dev.hangar.testsupport.Await;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import dev.hangar.lambda.invoke.InvocationResult;
import dev.hangar.lambda.invoke.RunnableFunction;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Invoke's control-plane checks and the hand-over to the invocation side (a recording stand-in here). */
class InvokeHandoverTest extends LambdaTestBase {

    @Test
    void requestResponseMapsTheInvocationResult() {
        String name = uniqueName("inv");
        createActive(name);
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
        assertEquals(configuration(name).codeSha256(), f.codeSha256());
        assertTrue(Files.isRegularFile(f.codeDirectory().resolve("handler.py")), f.codeDirectory().toString());
        assertFalse(f.hotReload());
        invoker.answer = (fn, r) -> new InvocationResult(r.payload(), null, null, fn.version());
    }

    @Test
    void eventAndDryRun() {
        String name = uniqueName("evt");
        createActive(name);
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
        createActive(name);
        client.publishVersion(b -> b.functionName(name));
        await(name, c -> true);
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
        createActive(name);
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
        // a Failed image: the runtime stand-in below cannot have it
        String name = uniqueName("failing");
        var failing = new dev.hangar.lambda.LambdaService(invoker, workers, dataDir.resolve("other"), 1000,
                new NoImagesRuntime());
        var ctx = new dev.hangar.core.service.RequestContext("r", ACCOUNT, "us-east-1", "lambda", "CreateFunction",
                null, java.time.Instant.now());
        failing.createFunction(ctx, software.amazon.awssdk.services.lambda.model.CreateFunctionRequest.builder()
                .functionName(name).packageType("Image").role(ROLE).code(c -> c.imageUri("missing/image:1")).build());
        var get = software.amazon.awssdk.services.lambda.model.GetFunctionRequest.builder().functionName(name).build();
        var config = Await.until(name + " to fail", () -> failing.getFunction(ctx, get).configuration(),
                c -> "Failed".equals(c.stateAsString()));
        assertEquals("Failed", config.stateAsString());
        assertEquals("InvalidImage", config.stateReasonCodeAsString());
        assertTrue(config.stateReason().contains("missing/image:1"), config.stateReason());
        var invoke = software.amazon.awssdk.services.lambda.model.InvokeRequest.builder().functionName(name).build();
        var error = org.junit.jupiter.api.Assertions.assertThrows(
                software.amazon.awssdk.services.lambda.model.ResourceConflictException.class,
                () -> failing.invoke(ctx, invoke));
        assertEquals("The operation cannot be performed at this time. The function is currently in the following "
                + "state: Failed", error.getMessage());

        // a fixed image brings the function back: Pending, then Active
        var fixed = failing.updateFunctionCode(ctx, software.amazon.awssdk.services.lambda.model
                .UpdateFunctionCodeRequest.builder().functionName(name).imageUri("good/image:1").build());
        assertEquals("Pending", fixed.stateAsString());
        config = Await.until(name + " to become Active again", () -> failing.getFunction(ctx, get).configuration(),
                c -> "Active".equals(c.stateAsString()));
        assertEquals("Active", config.stateAsString());
        assertEquals("Successful", config.lastUpdateStatusAsString());
        failing.reset();
    }

    @Test
    void aPendingFunctionCannotBeInvokedOrUpdatedYet() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        var slow = new dev.hangar.lambda.LambdaService(invoker, workers, dataDir.resolve("slow"), 1000,
                new UnsupportedRuntime() {
                    @Override
                    public void ensureImage(String image) {
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }

                    @Override
                    public boolean imagePresent(String image) {
                        return false;
                    }
                });
        var ctx = new dev.hangar.core.service.RequestContext("r", ACCOUNT, "us-east-1", "lambda", "Invoke",
                null, java.time.Instant.now());
        String name = uniqueName("pending");
        slow.createFunction(ctx, software.amazon.awssdk.services.lambda.model.CreateFunctionRequest.builder()
                .functionName(name).packageType("Image").role(ROLE).code(c -> c.imageUri("slow/image:1")).build());
        var invoke = software.amazon.awssdk.services.lambda.model.InvokeRequest.builder().functionName(name).build();
        var conflict = org.junit.jupiter.api.Assertions.assertThrows(
                software.amazon.awssdk.services.lambda.model.ResourceConflictException.class,
                () -> slow.invoke(ctx, invoke));
        assertEquals("The operation cannot be performed at this time. The function is currently in the following "
                + "state: Pending", conflict.getMessage());
        var update = org.junit.jupiter.api.Assertions.assertThrows(
                software.amazon.awssdk.services.lambda.model.ResourceConflictException.class,
                () -> slow.updateFunctionConfiguration(ctx, software.amazon.awssdk.services.lambda.model
                        .UpdateFunctionConfigurationRequest.builder().functionName(name).timeout(5).build()));
        assertEquals("The operation cannot be performed at this time. An update is in progress for resource: "
                + arn(name), update.getMessage());
        release.countDown();
        var get = software.amazon.awssdk.services.lambda.model.GetFunctionRequest.builder().functionName(name).build();
        Await.until(name + " to become Active", () -> slow.getFunction(ctx, get).configuration(),
                c -> "Active".equals(c.stateAsString()));
        assertEquals(200, slow.invoke(ctx, invoke).get().statusCode());
        slow.reset();
    }

    private static void awaitVersionActive(String name, String version) {
        Await.until("version " + version + " of " + name + " to become Active",
                () -> client.getFunctionConfiguration(b -> b.functionName(name).qualifier(version)),
                c -> "Active".equals(c.stateAsString()));
    }

    /** A container engine that has no images and can pull none. */
    private static final class NoImagesRuntime extends UnsupportedRuntime {
        @Override
        public void ensureImage(String image) {
            if (image.startsWith("good/")) {
                return;
            }
            throw new dev.hangar.runtime.ImagePullException("pull access denied for " + image, null);
        }

        @Override
        public boolean imagePresent(String image) {
            return false;
        }
    }
}
