package dev.hangar.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hangar.core.port.FunctionInvocationPort;
import dev.hangar.testsupport.AwsCli;
import dev.hangar.testsupport.Await;
import dev.hangar.testsupport.Zips;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CLI walk through the wired Hangar, with AWS CLI v2 (Debian's, /usr/bin/aws): create-function with a
 * zip → invoke → logs tail shows the invocation's START, output, END and REPORT lines in /aws/lambda/&lt;fn&gt;.
 * The python runtime runs in the image scripts/build-lambda-images.sh builds.
 */
class LambdaCliLogsTest {

    static Hangar hangar;
    static AwsCli aws;

    @BeforeAll
    static void start() throws Exception {
        AwsCli v2 = AwsCli.v2();
        hangar = Hangar.start(HangarConfig.fromEnvironment(Map.of("HANGAR_PORT", "0",
                "HANGAR_LAMBDA_IMAGE_PYTHON3_12", "hangar-test/lambda-python:latest")));
        aws = v2.at(hangar.server().endpoint());
    }

    @AfterAll
    static void stop() {
        if (hangar != null) {
            hangar.close();
        }
    }

    @Test
    void createInvokeAndTailTheLogs(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path zip = dir.resolve("fn.zip");
        Files.write(zip, handlerZip());
        String name = "cli-logs-" + System.nanoTime();

        JsonNode created = aws.json("lambda", "create-function", "--function-name", name, "--runtime", "python3.12",
                "--handler", "handler.handler", "--role", "arn:aws:iam::000000000000:role/lambda",
                "--zip-file", "fileb://" + zip);
        assertEquals("Pending", created.path("State").asText());
        aws.ok("lambda", "wait", "function-active-v2", "--function-name", name);

        Path out = dir.resolve("out.json");
        JsonNode invoked = aws.json("lambda", "invoke", "--function-name", name, "--cli-binary-format",
                "raw-in-base64-out", "--payload", "{\"who\":\"cli\"}", out.toString());
        assertEquals(200, invoked.path("StatusCode").asInt());
        assertEquals("$LATEST", invoked.path("ExecutedVersion").asText());
        assertEquals("{\"hello\": \"cli\"}", Files.readString(out));

        // the answer comes before the log lines: the handler's output and END/REPORT arrive separately
        String tail = Await.until("START, output, END and REPORT in /aws/lambda/" + name,
                () -> aws.ok("logs", "tail", "/aws/lambda/" + name, "--since", "10m"),
                t -> t.contains("START RequestId:") && t.contains("handling event from cli")
                        && t.contains("END RequestId:") && t.contains("REPORT RequestId:")
                        && t.contains("Billed Duration:"));
        assertTrue(tail.contains("START RequestId:"), tail);
        assertTrue(tail.contains("handling event from cli"), tail);
        assertTrue(tail.contains("END RequestId:"), tail);
        assertTrue(tail.contains("REPORT RequestId:") && tail.contains("Billed Duration:"), tail);
    }

    /** Another service's view of the same function: the port runs it exactly as Invoke does. */
    @Test
    void otherServicesInvokeThroughThePort(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path zip = dir.resolve("fn.zip");
        Files.write(zip, handlerZip());
        String name = "port-" + System.nanoTime();
        aws.json("lambda", "create-function", "--function-name", name, "--runtime", "python3.12",
                "--handler", "handler.handler", "--role", "arn:aws:iam::000000000000:role/lambda",
                "--zip-file", "fileb://" + zip);
        aws.ok("lambda", "wait", "function-active-v2", "--function-name", name);

        FunctionInvocationPort port = hangar.server().ports().require(FunctionInvocationPort.class);
        FunctionInvocationPort.Result result = port.invoke(new FunctionInvocationPort.Call("000000000000",
                "us-east-1", name, null, "{\"who\":\"port\"}".getBytes(StandardCharsets.UTF_8), false))
                .get(60, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(200, result.statusCode());
        assertEquals("$LATEST", result.executedVersion());
        assertEquals("{\"hello\": \"port\"}", new String(result.payload(), StandardCharsets.UTF_8));

        java.util.concurrent.ExecutionException missing = org.junit.jupiter.api.Assertions.assertThrows(
                java.util.concurrent.ExecutionException.class, () -> port.invoke(new FunctionInvocationPort.Call(
                        "000000000000", "us-east-1", "no-such-function", null, new byte[0], false)).get());
        assertTrue(missing.getCause() instanceof software.amazon.awssdk.services.lambda.model.ResourceNotFoundException,
                String.valueOf(missing.getCause()));
    }

    private static byte[] handlerZip() {
        return Zips.of("handler.py", "def handler(event, context):\n"
                + "    print('handling event from ' + event['who'])\n"
                + "    return {'hello': event['who']}\n");
    }
}
