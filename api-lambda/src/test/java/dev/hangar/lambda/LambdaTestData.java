package dev.hangar.lambda;

import dev.hangar.testsupport.Await;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.lambda.model.CreateFunctionResponse;
import software.amazon.awssdk.services.lambda.model.FunctionCode;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Functions, code and waits the control-plane tests share; each test names its functions uniquely. Public for
 * {@code zip}, which code/CodeJanitorTest uses too.
 */
public final class LambdaTestData {

    static final String ROLE = "arn:aws:iam::000000000000:role/lambda-role";
    static final String ACCOUNT = "000000000000";
    private static final AtomicInteger NAMES = new AtomicInteger();

    private LambdaTestData() {
    }

    static String uniqueName(String prefix) {
        return prefix + "-" + NAMES.incrementAndGet();
    }

    static String arn(String name) {
        return "arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:" + name;
    }

    public static byte[] zip(Map<String, String> files) {
        return dev.hangar.testsupport.Zips.of(files);
    }

    static byte[] handlerZip() {
        return zip(Map.of("handler.py", "def handler(event, context):\n    return event\n"));
    }

    static CreateFunctionRequest.Builder zipFunction(String name, byte[] zip) {
        return CreateFunctionRequest.builder().functionName(name).runtime("python3.12").handler("handler.handler")
                .role(ROLE).code(FunctionCode.builder().zipFile(SdkBytes.fromByteArray(zip)).build());
    }

    static CreateFunctionResponse createZipFunction(LambdaClient client, String name) {
        return client.createFunction(zipFunction(name, handlerZip()).build());
    }

    static FunctionConfiguration configuration(LambdaClient client, String name) {
        return client.getFunction(b -> b.functionName(name)).configuration();
    }

    /** Polls GetFunction until the configuration matches, failing with the last one seen after the deadline. */
    static FunctionConfiguration await(LambdaClient client, String name, Predicate<FunctionConfiguration> condition) {
        return Await.until("function " + name + " to reach the expected state", Duration.ofSeconds(20),
                () -> configuration(client, name), condition);
    }

    static FunctionConfiguration awaitActive(LambdaClient client, String name) {
        return await(client, name,
                c -> "Active".equals(c.stateAsString()) && "Successful".equals(c.lastUpdateStatusAsString()));
    }

    static FunctionConfiguration createActive(LambdaClient client, String name) {
        createZipFunction(client, name);
        return awaitActive(client, name);
    }

    /** Asserts an AWS error as the SDK sees it: HTTP status, error code and message. */
    static AwsServiceException assertAwsError(int status, String code, String message, Executable call) {
        AwsServiceException e = assertThrows(AwsServiceException.class, call);
        assertEquals(status, e.statusCode(), () -> "status of " + e);
        assertEquals(code, e.awsErrorDetails().errorCode(), () -> "code of " + e);
        if (message != null) {
            assertEquals(message, e.awsErrorDetails().errorMessage());
        }
        return e;
    }
}
