package dev.hangar.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hangar.lambda.invoke.FunctionInvoker;
import dev.hangar.testsupport.AwsCli;
import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.lambda.LambdaClient;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.hangar.lambda.LambdaTestData.ROLE;
import static dev.hangar.lambda.LambdaTestData.arn;
import static dev.hangar.lambda.LambdaTestData.configuration;
import static dev.hangar.lambda.LambdaTestData.createZipFunction;
import static dev.hangar.lambda.LambdaTestData.handlerZip;
import static dev.hangar.lambda.LambdaTestData.uniqueName;
import static dev.hangar.lambda.LambdaTestData.zip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The AWS CLI against Hangar: what the SDK hides (the CLI's trailing slashes, its own pagination, fileb:// uploads,
 * its error output). Fails where no `aws` is on the PATH: scripts/test.sh provides it.
 */
class CliSmokeTest {

    /** Stands in for the invocation side, recording what the control plane hands over. */
    static final RecordingInvoker invoker = new RecordingInvoker();
    @RegisterExtension
    static final HangarExtension hangar = HangarExtension.builder().service(LambdaService::new).fakeRuntime()
            .port(FunctionInvoker.class, invoker).build();
    static LambdaClient client;
    /** Where the Lambda service keeps code: the server's data directory. */
    static Path dataDir;

    static AwsCli aws;

    @BeforeAll
    static void needsTheCli() {
        client = hangar.client(LambdaClient.class);
        dataDir = hangar.context().dataDirectory();
        aws = hangar.cli();
    }

    @Test
    void createGetListInvokeDelete() throws Exception {
        Path zip = Files.createTempFile(dataDir, "fn", ".zip");
        Files.write(zip, handlerZip());
        String name = uniqueName("cli");
        JsonNode created = aws.json("lambda", "create-function", "--function-name", name, "--runtime", "python3.12",
                "--handler", "handler.handler", "--role", ROLE, "--zip-file", "fileb://" + zip);
        assertEquals("Pending", created.get("State").asText());
        aws.ok("lambda", "wait", "function-active-v2", "--function-name", name);
        assertEquals("Active", configuration(client, name).stateAsString());
        JsonNode updated = aws.json("lambda", "update-function-configuration", "--function-name", name,
                "--timeout", "10");
        assertEquals("InProgress", updated.get("LastUpdateStatus").asText());
        aws.ok("lambda", "wait", "function-updated-v2", "--function-name", name);
        assertEquals(10, configuration(client, name).timeout());
        assertEquals(name, aws.json("lambda", "get-function", "--function-name", name)
                .get("Configuration").get("FunctionName").asText());

        for (int i = 0; i < 3; i++) {
            createZipFunction(client, uniqueName("cli-page"));
        }
        JsonNode page = aws.json("lambda", "list-functions", "--max-items", "2");
        assertEquals(2, page.get("Functions").size());
        assertTrue(page.has("NextToken"), page.toString());
        JsonNode all = aws.json("lambda", "list-functions");
        assertTrue(all.get("Functions").size() >= 4);

        Path out = dataDir.resolve(name + ".out");
        // raw bytes from a file: v2 takes an inline --payload as base64, v1 as text, and either may be first on PATH
        Path payload = Files.writeString(dataDir.resolve(name + ".json"), "{\"hello\":1}");
        JsonNode invoked = aws.json("lambda", "invoke", "--function-name", name, "--payload", "fileb://" + payload,
                out.toString());
        assertEquals(200, invoked.get("StatusCode").asInt());
        assertEquals("{\"hello\":1}", Files.readString(out));

        aws.ok("lambda", "delete-function", "--function-name", name);
        AwsCli.Result missing = aws.run("lambda", "get-function", "--function-name", name);
        assertTrue(missing.exit() != 0, "expected a failure: " + missing.out());
        String error = missing.err();
        assertTrue(error.contains("ResourceNotFoundException") && error.contains("Function not found: " + arn(name)),
                error);
    }
}
