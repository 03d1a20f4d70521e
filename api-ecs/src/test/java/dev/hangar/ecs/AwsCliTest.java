package dev.hangar.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The AWS CLI v1 (on PATH) and v2 (/usr/bin/aws) against the in-process server: cluster → task definition →
 * run-task → describe-tasks → stop-task. Both must be installed: a missing CLI fails the test.
 */
class AwsCliTest extends EcsTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void cliV1() throws Exception {
        scenario(findV1(), "cli-v1");
    }

    @Test
    void cliV2() throws Exception {
        Path v2 = Path.of("/usr/bin/aws");
        if (!Files.isExecutable(v2) || !version(v2.toString()).startsWith("aws-cli/2.")) {
            fail("AWS CLI v2 is not installed at /usr/bin/aws");
        }
        scenario(v2.toString(), "cli-v2");
    }

    private void scenario(String aws, String cluster) throws Exception {
        assertNotNull(server, "the CLI needs the in-process server (awsJson codec)");
        JsonNode created = aws(aws, "ecs", "create-cluster", "--cluster-name", cluster);
        assertEquals("ACTIVE", created.at("/cluster/status").asText());

        JsonNode registered = aws(aws, "ecs", "register-task-definition", "--family", cluster,
                "--container-definitions", "[{\"name\":\"main\",\"image\":\"" + BUSYBOX + "\",\"memory\":64,"
                        + "\"command\":[\"sleep\",\"600\"],\"environment\":[{\"name\":\"A\",\"value\":\"1\"}]}]");
        assertEquals(1, registered.at("/taskDefinition/revision").asInt());

        JsonNode families = aws(aws, "ecs", "list-task-definition-families", "--family-prefix", cluster);
        assertEquals(cluster, families.at("/families/0").asText());

        JsonNode run = aws(aws, "ecs", "run-task", "--cluster", cluster, "--task-definition", cluster,
                "--started-by", "cli");
        String taskArn = run.at("/tasks/0/taskArn").asText();
        assertTrue(taskArn.startsWith("arn:aws:ecs:us-east-1:000000000000:task/" + cluster + "/"), taskArn);
        assertEquals("PROVISIONING", run.at("/tasks/0/lastStatus").asText());

        JsonNode described = pollUntil(aws, cluster, taskArn, "RUNNING");
        assertTrue(described.at("/tasks/0/containers/0/runtimeId").asText().length() > 10);

        JsonNode listed = aws(aws, "ecs", "list-tasks", "--cluster", cluster, "--started-by", "cli");
        assertEquals(taskArn, listed.at("/taskArns/0").asText());

        JsonNode stopping = aws(aws, "ecs", "stop-task", "--cluster", cluster, "--task", taskArn,
                "--reason", "cli says stop");
        assertEquals("STOPPED", stopping.at("/task/desiredStatus").asText());

        JsonNode stopped = pollUntil(aws, cluster, taskArn, "STOPPED");
        assertEquals("cli says stop", stopped.at("/tasks/0/stoppedReason").asText());
        assertEquals("UserInitiated", stopped.at("/tasks/0/stopCode").asText());
    }

    private JsonNode pollUntil(String aws, String cluster, String taskArn, String status) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            last = aws(aws, "ecs", "describe-tasks", "--cluster", cluster, "--tasks", taskArn);
            if (status.equals(last.at("/tasks/0/lastStatus").asText())) {
                return last;
            }
            Thread.sleep(200);
        }
        return fail("task not " + status + " in time: " + last);
    }

    private JsonNode aws(String aws, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(aws));
        command.addAll(List.of(args));
        command.addAll(List.of("--endpoint-url", "http://127.0.0.1:" + server.port(), "--region", "us-east-1",
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
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("CLI timed out: " + command);
        }
        String stderr = Files.readString(err.toPath());
        Files.deleteIfExists(err.toPath());
        if (p.exitValue() != 0) {
            fail("CLI failed (" + p.exitValue() + "): " + String.join(" ", args) + "\n" + stderr);
        }
        return JSON.readTree(new String(out, StandardCharsets.UTF_8));
    }

    /** The first "aws" on PATH that is CLI v1 (pyenv's), not Debian's v2. */
    private static String findV1() throws Exception {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "aws");
            if (Files.isExecutable(candidate) && version(candidate.toString()).startsWith("aws-cli/1.")) {
                return candidate.toString();
            }
        }
        return fail("AWS CLI v1 is not on PATH");
    }

    private static String version(String aws) throws Exception {
        Process p = new ProcessBuilder(aws, "--version").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        p.waitFor(30, TimeUnit.SECONDS);
        return out;
    }
}
