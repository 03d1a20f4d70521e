package dev.hangar.junit5;

import dev.hangar.testsupport.Zips;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.Runtime;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A function in a Hangar on an ephemeral port is told that port: its own SDK calls (AWS_ENDPOINT_URL) reach the
 * Hangar that runs it, as on a fixed port.
 */
@HangarTest(env = "HANGAR_LAMBDA_IMAGE_PYTHON3_12=hangar-test/lambda-python:latest")
class FunctionEndpointTest {

    @Test
    void functionsAreToldTheEphemeralEndpoint(LambdaClient lambda, @HangarEndpoint URI endpoint) {
        lambda.createFunction(b -> b.functionName("where").runtime(Runtime.PYTHON3_12).handler("app.handler")
                .role("arn:aws:iam::000000000000:role/lambda")
                .code(c -> c.zipFile(SdkBytes.fromByteArray(Zips.of("app.py",
                        "import os\ndef handler(event, context):\n    return os.environ.get('AWS_ENDPOINT_URL')\n")))));
        lambda.waiter().waitUntilFunctionActiveV2(b -> b.functionName("where"));
        InvokeResponse answer = lambda.invoke(b -> b.functionName("where"));
        assertNull(answer.functionError(), answer.payload().asUtf8String());
        assertEquals("\"" + endpoint + "\"", answer.payload().asUtf8String());
    }
}
