package dev.hangar.ecs;

import dev.hangar.core.time.ManualClock;
import dev.hangar.runtime.DockerContainerRuntime;
import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Without a Docker engine the control plane still answers; tasks fail to start with a reason naming the engine. Such
 * a task stops at once, which also shows that ECS's timestamps and its stopped-task retention are on Hangar's clock.
 */
class NoEngineTest {

    private static final Instant START = Instant.parse("2030-01-02T03:04:05Z");
    private static final ManualClock clock = new ManualClock(START);

    @RegisterExtension
    static final HangarExtension hangar = HangarExtension.builder().service(EcsService::new)
            .runtime(() -> DockerContainerRuntime.connect("ecs-noengine", "tcp://127.0.0.1:1")).clock(clock).build();
    private static EcsClient client;

    @BeforeAll
    static void client() {
        client = hangar.client(EcsClient.class);
    }

    @Test
    void taskStopsWithTaskFailedToStart() {
        client.createCluster(b -> b.clusterName("c"));
        client.registerTaskDefinition(b -> b.family("f").containerDefinitions(
                EcsTestData.shell("main", "sleep 1").build()));
        Task task = client.runTask(b -> b.cluster("c").taskDefinition("f")).tasks().get(0);
        assertEquals("PENDING", task.lastStatus()); // bridge mode: ECS reports PENDING first
        Task stopped = EcsTestData.await(client, "c", task.taskArn(), Duration.ofSeconds(10),
                t -> "STOPPED".equals(t.lastStatus()));
        assertEquals(TaskStopCode.TASK_FAILED_TO_START, stopped.stopCode());
        assertTrue(stopped.stoppedReason().startsWith("ResourceInitializationError: Hangar cannot reach a Docker"
                + " engine"), stopped.stoppedReason());
        assertEquals("STOPPED", stopped.containers().get(0).lastStatus());
    }

    @Test
    void timestampsAndRetentionFollowHangarsClock() {
        client.createCluster(b -> b.clusterName("clocked"));
        Instant registered = client.registerTaskDefinition(b -> b.family("timed").containerDefinitions(
                EcsTestData.shell("main", "true").build())).taskDefinition().registeredAt();
        assertEquals(clock.now(), registered);
        Task task = client.runTask(b -> b.cluster("clocked").taskDefinition("timed")).tasks().get(0);
        assertEquals(registered, task.createdAt());
        Task stopped = EcsTestData.await(client, "clocked", task.taskArn(), Duration.ofSeconds(10),
                t -> "STOPPED".equals(t.lastStatus()));
        assertEquals(registered, stopped.stoppedAt());

        clock.advance(Duration.ofMinutes(59));
        client.runTask(b -> b.cluster("clocked").taskDefinition("timed"));
        assertEquals(task.taskArn(), EcsTestData.describe(client, "clocked", task.taskArn()).taskArn(),
                "kept for the hour AWS documents");
        clock.advance(Duration.ofMinutes(2));
        client.runTask(b -> b.cluster("clocked").taskDefinition("timed"));
        assertNull(EcsTestData.describe(client, "clocked", task.taskArn()), "forgotten an hour after it stopped");
        assertEquals(registered.plus(Duration.ofMinutes(61)), client.deregisterTaskDefinition(b -> b
                .taskDefinition("timed:1")).taskDefinition().deregisteredAt());
    }
}
