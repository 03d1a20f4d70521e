package dev.hangar.ecs;

import dev.hangar.core.http.HangarServer;
import dev.hangar.runtime.DockerContainerRuntime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
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
    private static HangarServer server;
    private static EcsClient client;

    @BeforeAll
    static void start() throws Exception {
        runtime = DockerContainerRuntime.connect("ecs-noengine", "tcp://127.0.0.1:1");
        workers = Executors.newFixedThreadPool(4);
        server = HangarServer.builder().host("127.0.0.1").port(0).workers(workers)
                .service(new EcsService(runtime, workers)).build().start();
        client = EcsTestBase.clientFor(server);
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
        runtime.close();
        workers.shutdownNow();
    }

    @Test
    void taskStopsWithTaskFailedToStart() {
        client.createCluster(b -> b.clusterName("c"));
        client.registerTaskDefinition(b -> b.family("f").containerDefinitions(
                EcsTestBase.shell("main", "sleep 1").build()));
        Task task = client.runTask(b -> b.cluster("c").taskDefinition("f")).tasks().get(0);
        assertEquals("PROVISIONING", task.lastStatus());
        Task stopped = EcsTestBase.await(client, "c", task.taskArn(), Duration.ofSeconds(10),
                t -> "STOPPED".equals(t.lastStatus()));
        assertEquals(TaskStopCode.TASK_FAILED_TO_START, stopped.stopCode());
        assertTrue(stopped.stoppedReason().startsWith("ResourceInitializationError: Hangar cannot reach a Docker"
                + " engine"), stopped.stoppedReason());
        assertEquals("STOPPED", stopped.containers().get(0).lastStatus());
    }
}
