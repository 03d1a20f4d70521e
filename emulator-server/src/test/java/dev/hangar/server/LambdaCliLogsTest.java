package dev.hangar.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The CLI walk through the wired Hangar, with AWS CLI v2 (Debian's, /usr/bin/aws): create-function with a
 * zip → invoke → logs tail shows the invocation's START, output, END and REPORT lines in /aws/lambda/&lt;fn&gt;.
 * The python runtime runs in the image scripts/build-lambda-images.sh builds.
 */
class LambdaCliLogsTest {

    private static final String CLI = "/usr/bin/aws";
    private static final ObjectMapper JSON = new ObjectMapper();
    static Hangar hangar;

    @BeforeAll
    static void start() throws Exception {
        assertTrue(Files.isExecutable(Path.of(CLI)), "AWS CLI v2 missing at " + CLI + " (scripts/install-test-tools.sh)");
        hangar = Hangar.start(HangarConfig.fromEnvironment(Map.of("HANGAR_PORT", "0",
                "HANGAR_LAMBDA_IMAGE_PYTHON3_12", "hangar-test/lambda-python:latest")));
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

        JsonNode created = json(aws("lambda", "create-function", "--function-name", name, "--runtime", "python3.12",
                "--handler", "handler.handler", "--role", "arn:aws:iam::000000000000:role/lambda",
                "--zip-file", "fileb://" + zip));
        assertEquals("Pending", created.path("State").asText());
        aws("lambda", "wait", "function-active-v2", "--function-name", name);

        Path out = dir.resolve("out.json");
        JsonNode invoked = json(aws("lambda", "invoke", "--function-name", name, "--cli-binary-format",
                "raw-in-base64-out", "--payload", "{\"who\":\"cli\"}", out.toString()));
        assertEquals(200, invoked.path("StatusCode").asInt());
        assertEquals("$LATEST", invoked.path("ExecutedVersion").asText());
        assertEquals("{\"hello\": \"cli\"}", Files.readString(out));

        String tail = "";
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline) && !tail.contains("REPORT RequestId:")) {
            tail = aws("logs", "tail", "/aws/lambda/" + name, "--since", "10m");
            Thread.sleep(300);
        }
        assertTrue(tail.contains("START RequestId:"), tail);
        assertTrue(tail.contains("handling event from cli"), tail);
        assertTrue(tail.contains("END RequestId:"), tail);
        assertTrue(tail.contains("REPORT RequestId:") && tail.contains("Billed Duration:"), tail);
    }

    private static byte[] handlerZip() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("handler.py"));
            zip.write(("def handler(event, context):\n"
                    + "    print('handling event from ' + event['who'])\n"
                    + "    return {'hello': event['who']}\n").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    private static String aws(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(CLI));
        command.addAll(List.of(args));
        command.addAll(List.of("--endpoint-url", hangar.server().endpoint().toString(), "--region", "us-east-1",
                "--output", "json"));
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.put("AWS_PAGER", "");
        env.put("AWS_CONFIG_FILE", "/dev/null");
        env.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        File err = File.createTempFile("aws-cli", ".err");
        pb.redirectError(err);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("CLI timed out: " + command);
        }
        String stderr = Files.readString(err.toPath());
        Files.deleteIfExists(err.toPath());
        if (p.exitValue() != 0) {
            fail("CLI failed (" + p.exitValue() + "): " + String.join(" ", args) + "\n" + stderr);
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
