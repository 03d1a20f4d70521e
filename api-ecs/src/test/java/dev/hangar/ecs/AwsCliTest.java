package dev.hangar.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hangar.testsupport.Await;
import dev.hangar.testsupport.AwsCli;
import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static dev.hangar.ecs.EcsTestData.BUSYBOX;
import static dev.hangar.ecs.EcsTestData.container;
import static dev.hangar.ecs.EcsTestData.describe;
import static dev.hangar.ecs.EcsTestData.register;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The AWS CLI v1 (on PATH) and v2 (/usr/bin/aws) against the in-process server: cluster → task definition →
 * run-task → describe-tasks → stop-task. Both must be installed: a missing CLI fails the test.
 */
class AwsCliTest {

    @RegisterExtension
    static final HangarExtension hangar = HangarExtension.builder().service(EcsService::new).fakeRuntime().build();

    @Test
    void cliV1() throws Exception {
        scenario(AwsCli.v1(), "cli-v1");
    }

    @Test
    void cliV2() throws Exception {
        scenario(AwsCli.v2(), "cli-v2");
    }

    private void scenario(AwsCli cli, String cluster) throws Exception {
        assertNotNull(hangar.server(), "the CLI needs the in-process server (awsJson codec)");
        AwsCli aws = hangar.cli(cli);
        JsonNode created = aws.json("ecs", "create-cluster", "--cluster-name", cluster);
        assertEquals("ACTIVE", created.at("/cluster/status").asText());

        JsonNode registered = aws.json("ecs", "register-task-definition", "--family", cluster,
                "--container-definitions", "[{\"name\":\"main\",\"image\":\"" + BUSYBOX + "\",\"memory\":64,"
                        + "\"command\":[\"sleep\",\"600\"],\"environment\":[{\"name\":\"A\",\"value\":\"1\"}]}]");
        assertEquals(1, registered.at("/taskDefinition/revision").asInt());

        JsonNode families = aws.json("ecs", "list-task-definition-families", "--family-prefix", cluster);
        assertEquals(cluster, families.at("/families/0").asText());

        JsonNode run = aws.json("ecs", "run-task", "--cluster", cluster, "--task-definition", cluster,
                "--started-by", "cli");
        String taskArn = run.at("/tasks/0/taskArn").asText();
        assertTrue(taskArn.startsWith("arn:aws:ecs:us-east-1:000000000000:task/" + cluster + "/"), taskArn);
        assertEquals("PENDING", run.at("/tasks/0/lastStatus").asText());

        JsonNode described = pollUntil(aws, cluster, taskArn, "RUNNING");
        assertTrue(described.at("/tasks/0/containers/0/runtimeId").asText().length() > 10);

        JsonNode listed = aws.json("ecs", "list-tasks", "--cluster", cluster, "--started-by", "cli");
        assertEquals(taskArn, listed.at("/taskArns/0").asText());

        JsonNode stopping = aws.json("ecs", "stop-task", "--cluster", cluster, "--task", taskArn,
                "--reason", "cli says stop");
        assertEquals("STOPPED", stopping.at("/task/desiredStatus").asText());

        JsonNode stopped = pollUntil(aws, cluster, taskArn, "STOPPED");
        assertEquals("cli says stop", stopped.at("/tasks/0/stoppedReason").asText());
        assertEquals("UserInitiated", stopped.at("/tasks/0/stopCode").asText());
    }

    private JsonNode pollUntil(AwsCli aws, String cluster, String taskArn, String status) {
        return Await.until("task " + taskArn + " " + status, Duration.ofSeconds(60),
                () -> aws.json("ecs", "describe-tasks", "--cluster", cluster, "--tasks", taskArn),
                described -> status.equals(described.at("/tasks/0/lastStatus").asText()));
    }
}
