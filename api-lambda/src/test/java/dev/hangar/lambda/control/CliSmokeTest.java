package dev.hangar.lambda.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The AWS CLI against Hangar: what the SDK hides (the CLI's trailing slashes, its own pagination, fileb:// uploads,
 * its error output). Fails where no `aws` is on the PATH: scripts/test.sh provides it.
 */
class CliSmokeTest extends LambdaTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void needsTheCli() {
        Assertions.assertTrue(onPath("aws"), "no aws CLI on the PATH (scripts/install-test-tools.sh)");
    }

    @Test
    void createGetListInvokeDelete() throws Exception {
        Path zip = Files.createTempFile(dataDir, "fn", ".zip");
        Files.write(zip, handlerZip());
        String name = uniqueName("cli");
        JsonNode created = aws(0, "lambda", "create-function", "--function-name", name, "--runtime", "python3.12",
                "--handler", "handler.handler", "--role", ROLE, "--zip-file", "fileb://" + zip);
        assertEquals("Pending", created.get("State").asText());
        aws(0, "lambda", "wait", "function-active-v2", "--function-name", name);
        assertEquals("Active", configuration(name).stateAsString());
        JsonNode updated = aws(0, "lambda", "update-function-configuration", "--function-name", name,
                "--timeout", "10");
        assertEquals("InProgress", updated.get("LastUpdateStatus").asText());
        aws(0, "lambda", "wait", "function-updated-v2", "--function-name", name);
        assertEquals(10, configuration(name).timeout());
        assertEquals(name, aws(0, "lambda", "get-function", "--function-name", name)
                .get("Configuration").get("FunctionName").asText());

        for (int i = 0; i < 3; i++) {
            createZipFunction(uniqueName("cli-page"));
        }
        JsonNode page = aws(0, "lambda", "list-functions", "--max-items", "2");
        assertEquals(2, page.get("Functions").size());
        assertTrue(page.has("NextToken"), page.toString());
        JsonNode all = aws(0, "lambda", "list-functions");
        assertTrue(all.get("Functions").size() >= 4);

        Path out = dataDir.resolve(name + ".out");
        JsonNode invoked = aws(0, "lambda", "invoke", "--function-name", name, "--payload", "{\"hello\":1}", out.toString());
        assertEquals(200, invoked.get("StatusCode").asInt());
        assertEquals("{\"hello\":1}", Files.readString(out));

        aws(0, "lambda", "delete-function", "--function-name", name);
        String error = awsError("lambda", "get-function", "--function-name", name);
        assertTrue(error.contains("ResourceNotFoundException") && error.contains("Function not found: " + arn(name)),
                error);
    }

    private static JsonNode aws(int expectedExit, String... args) throws Exception {
        Result r = run(args);
        assertEquals(expectedExit, r.exit, () -> String.join(" ", args) + "\n" + r.stderr);
        return r.stdout.isBlank() ? JSON.createObjectNode() : JSON.readTree(r.stdout);
    }

    private static String awsError(String... args) throws Exception {
        Result r = run(args);
        assertTrue(r.exit != 0, "expected a failure: " + r.stdout);
        return r.stderr;
    }

    private record Result(int exit, String stdout, String stderr) {
    }

    private static Result run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("aws", "--endpoint-url", server.endpoint().toString(),
                "--region", "us-east-1", "--output", "json"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.remove("AWS_PROFILE");
        env.put("AWS_CONFIG_FILE", "/dev/null");
        env.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
        Path stdout = Files.createTempFile(dataDir, "cli", ".out");
        Path stderr = Files.createTempFile(dataDir, "cli", ".err");
        pb.redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        Process p = pb.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("aws " + String.join(" ", args) + " did not finish");
        }
        return new Result(p.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8));
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
