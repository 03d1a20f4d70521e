package dev.hangar.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hangar.core.time.ScaledClock;
import dev.hangar.testsupport.AwsCli;
import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.hangar.ecs.EcsTestData.BUSYBOX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The AWS CLI v1 drives a service through its life: create-service → update-service (a new revision) → wait
 * services-stable (the CLI's own waiter: one deployment, runningCount = desiredCount) → delete-service --force.
 * Hangar's clock runs 40× faster, so the 40 s a task needs to count as healthy take one second.
 */
class ServiceCliTest {

    @RegisterExtension
    static final HangarExtension hangar = HangarExtension.builder().service(EcsService::new).fakeRuntime()
            .clock(() -> ScaledClock.scaled(40)).build();

    @Test
    void createUpdateWaitDelete() throws Exception {
        AwsCli aws = hangar.cli(AwsCli.v1());
        aws.json("ecs", "create-cluster", "--cluster-name", "cli-svc");
        String containers = "[{\"name\":\"main\",\"image\":\"" + BUSYBOX + "\",\"memory\":32}]";
        aws.json("ecs", "register-task-definition", "--family", "cli-app", "--container-definitions", containers);
        aws.json("ecs", "register-task-definition", "--family", "cli-app", "--container-definitions", containers);

        JsonNode created = aws.json("ecs", "create-service", "--cluster", "cli-svc", "--service-name", "app",
                "--task-definition", "cli-app:1", "--desired-count", "2");
        assertEquals("ACTIVE", created.at("/service/status").asText());
        assertEquals(2, created.at("/service/desiredCount").asInt());

        JsonNode updated = aws.json("ecs", "update-service", "--cluster", "cli-svc", "--service", "app",
                "--task-definition", "cli-app:2");
        assertEquals(2, updated.at("/service/deployments").size());

        aws.ok("ecs", "wait", "services-stable", "--cluster", "cli-svc", "--services", "app");
        JsonNode stable = aws.json("ecs", "describe-services", "--cluster", "cli-svc", "--services", "app");
        assertEquals(1, stable.at("/services/0/deployments").size());
        assertEquals(2, stable.at("/services/0/runningCount").asInt());
        assertTrue(stable.at("/services/0/taskDefinition").asText().endsWith("cli-app:2"));

        JsonNode deleted = aws.json("ecs", "delete-service", "--cluster", "cli-svc", "--service", "app", "--force");
        assertEquals("DRAINING", deleted.at("/service/status").asText());
        aws.ok("ecs", "wait", "services-inactive", "--cluster", "cli-svc", "--services", "app");
        JsonNode tasks = aws.json("ecs", "list-tasks", "--cluster", "cli-svc", "--service-name", "app");
        assertEquals(0, tasks.at("/taskArns").size());
    }
}
