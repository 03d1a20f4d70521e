package dev.hangar.ecs;

import dev.hangar.runtime.DockerContainerRuntime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Without a Docker engine the control plane still answers; tasks fail to start with a reason naming the engine. */
class NoEngineTest {

    private static DockerContainerRuntime runtime;
    private static ExecutorService workers;

    @BeforeAll
    static void start() {
        runtime = DockerContainerRuntime.connect("ecs-noengine", "tcp://127.0.0.1:1");
        workers = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void stop() {
        runtime.close();
        workers.shutdownNow();
    }

    @Test
    void taskStopsWithTaskFailedToStart() {
        EcsService ecs = new EcsService(runtime, workers);
        var client = DirectEcsClient.of(ecs);
        client.createCluster(b -> b.clusterName("c"));
        client.registerTaskDefinition(b -> b.family("f").containerDefinitions(
                EcsTestBase.shell("main", "sleep 1").build()));
        Task task = client.runTask(b -> b.cluster("c").taskDefinition("f")).tasks().get(0);
        Task stopped = EcsTestBase.await(client, "c", task.taskArn(), Duration.ofSeconds(10),
                t -> "STOPPED".equals(t.lastStatus()));
        assertEquals(TaskStopCode.TASK_FAILED_TO_START, stopped.stopCode());
        assertTrue(stopped.stoppedReason().startsWith("ResourceInitializationError: Hangar cannot reach a Docker"
                + " engine"), stopped.stoppedReason());
    }
}
