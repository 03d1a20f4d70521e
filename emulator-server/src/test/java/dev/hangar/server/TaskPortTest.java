package dev.hangar.server;

import dev.hangar.core.port.TaskPort;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Another service's view of ECS (Step Functions' ecs:runTask.sync, EventBridge targets): a task run through the port
 * is a real RunTask, with real containers, and the port says when it stopped and how, without polling.
 */
class TaskPortTest {

    static Hangar hangar;
    static EcsClient ecs;

    @BeforeAll
    static void start() throws Exception {
        hangar = Hangar.start(HangarConfig.fromEnvironment(Map.of("HANGAR_PORT", "0")));
        ecs = EcsClient.builder().endpointOverride(hangar.server().endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @AfterAll
    static void stop() {
        if (ecs != null) {
            ecs.close();
        }
        if (hangar != null) {
            hangar.close();
        }
    }

    @Test
    void aTaskRunThroughThePortStopsWithItsExitCode() throws Exception {
        ecs.createCluster(b -> b.clusterName("port"));
        ecs.registerTaskDefinition(b -> b.family("exits").containerDefinitions(ContainerDefinition.builder()
                .name("main").image("hangar-test/busybox:latest").memory(32).essential(true)
                .command("sh", "-c", "echo \"$GREETING\"; exit 3").build()));
        TaskPort tasks = hangar.server().ports().require(TaskPort.class);

        List<String> arns = tasks.run(new TaskPort.Launch("000000000000", "us-east-1", "port", "exits", 1,
                Map.of("main", Map.of("GREETING", "hi")), "step-functions")).get(60, TimeUnit.SECONDS);
        assertEquals(1, arns.size());
        assertTrue(arns.get(0).startsWith("arn:aws:ecs:us-east-1:000000000000:task/port/"), arns.get(0));

        TaskPort.Stopped stopped = tasks.whenStopped("000000000000", "us-east-1", arns.get(0))
                .get(120, TimeUnit.SECONDS);
        assertEquals(arns.get(0), stopped.taskArn());
        assertEquals("EssentialContainerExited", stopped.stopCode());
        assertEquals(Map.of("main", 3), stopped.exitCodes());
        // what the caller sees through the API agrees with what the port said
        var described = ecs.describeTasks(b -> b.cluster("port").tasks(arns.get(0))).tasks().get(0);
        assertEquals("STOPPED", described.lastStatus());
        assertEquals("step-functions", described.startedBy());
        assertEquals(stopped.stoppedReason(), described.stoppedReason());
        // asked again once it is over, the answer comes at once
        assertEquals(stopped, tasks.whenStopped("000000000000", "us-east-1", arns.get(0)).get(1, TimeUnit.SECONDS));
    }

    @Test
    void runTasksErrorsAndUnknownTasksComeBackAsEcsErrors() {
        TaskPort tasks = hangar.server().ports().require(TaskPort.class);
        ExecutionException noCluster = assertThrows(ExecutionException.class, () -> tasks.run(new TaskPort.Launch(
                "000000000000", "us-east-1", "no-such-cluster", "exits", 1, Map.of(), null)).get(30, TimeUnit.SECONDS));
        assertInstanceOf(ClusterNotFoundException.class, noCluster.getCause());
        ExecutionException unknown = assertThrows(ExecutionException.class, () -> tasks.whenStopped("000000000000",
                "us-east-1", "arn:aws:ecs:us-east-1:000000000000:task/port/0123456789abcdef0123456789abcdef").get());
        assertInstanceOf(InvalidParameterException.class, unknown.getCause());
    }
}
