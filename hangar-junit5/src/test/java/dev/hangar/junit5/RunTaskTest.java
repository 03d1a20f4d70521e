package dev.hangar.junit5;

import dev.hangar.testsupport.Await;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Task;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The one real container of this module: a task on the local engine, through the injected client. */
@HangarTest
class RunTaskTest {

    @Test
    void aTaskRunsToItsExitOnTheLocalEngine(EcsClient ecs) {
        ecs.createCluster(b -> b.clusterName("default"));
        ecs.registerTaskDefinition(b -> b.family("hello").containerDefinitions(c -> c.name("main")
                .image("hangar-test/busybox:latest").memory(64).command("sh", "-c", "echo hello; exit 3")));
        Task task = ecs.runTask(b -> b.taskDefinition("hello")).tasks().get(0);
        Task stopped = Await.until("the task to stop", Duration.ofSeconds(60),
                () -> ecs.describeTasks(b -> b.tasks(task.taskArn())).tasks().get(0),
                t -> "STOPPED".equals(t.lastStatus()));
        assertEquals(3, stopped.containers().get(0).exitCode(), stopped.toString());
    }
}
