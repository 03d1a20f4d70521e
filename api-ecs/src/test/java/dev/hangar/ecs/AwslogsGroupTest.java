package dev.hangar.ecs;

import dev.hangar.core.port.LogSink;
import dev.hangar.testsupport.Await;
import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.LogDriver;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static dev.hangar.ecs.EcsTestData.await;
import static dev.hangar.ecs.EcsTestData.register;
import static dev.hangar.ecs.EcsTestData.shell;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The awslogs driver's log group, on real containers: a missing group fails the task to start with ECS's
 * ResourceInitializationError; awslogs-create-group "true" creates it and the output lands in it.
 */
class AwslogsGroupTest {

    /** A sink that keeps groups as CloudWatch Logs does: they exist once created. */
    static final class Groups implements LogSink {
        final Set<String> groups = ConcurrentHashMap.newKeySet();
        final CapturedLogs lines = new CapturedLogs();

        @Override
        public void append(String account, String region, String group, String stream, List<LogEvent> events) {
            groups.add(account + "/" + region + "/" + group);
            lines.append(account, region, group, stream, events);
        }

        @Override
        public boolean groupExists(String account, String region, String group) {
            return groups.contains(account + "/" + region + "/" + group);
        }

        @Override
        public void createGroup(String account, String region, String group) {
            groups.add(account + "/" + region + "/" + group);
        }
    }

    static final Groups logs = new Groups();
    @RegisterExtension
    static final HangarExtension hangar = HangarExtension.builder().service(EcsService::new).dockerRuntime()
            .port(LogSink.class, logs).build();
    static EcsClient client;

    @BeforeAll
    static void cluster() {
        client = hangar.client(EcsClient.class);
        client.createCluster(b -> b.clusterName("awslogs"));
    }

    private static void registerLogging(String family, Map<String, String> options) {
        register(client, family, shell("main", "echo to the group; sleep 600").logConfiguration(l -> l
                .logDriver(LogDriver.AWSLOGS).options(options)));
    }

    @Test
    void aMissingGroupFailsTheTaskToStart() {
        registerLogging("nogroup", Map.of("awslogs-group", "/ecs/missing", "awslogs-stream-prefix", "p"));
        String arn = client.runTask(b -> b.cluster("awslogs").taskDefinition("nogroup")).tasks().get(0).taskArn();
        Task stopped = await(client, "awslogs", arn, Duration.ofSeconds(30), t -> "STOPPED".equals(t.lastStatus()));
        assertEquals(TaskStopCode.TASK_FAILED_TO_START, stopped.stopCode());
        assertEquals("ResourceInitializationError: failed to validate logger args: create stream has been retried 1"
                + " times: failed to create Cloudwatch log stream: ResourceNotFoundException: The specified log group"
                + " does not exist. : exit status 1", stopped.stoppedReason());
        assertNull(stopped.containers().get(0).runtimeId());
        assertTrue(!logs.groups.contains("000000000000/us-east-1//ecs/missing"));
    }

    @Test
    void createGroupTrueCreatesItAndTheOutputLandsThere() {
        registerLogging("mkgroup", Map.of("awslogs-group", "/ecs/made", "awslogs-region", "eu-west-1",
                "awslogs-stream-prefix", "p", "awslogs-create-group", "true"));
        String arn = client.runTask(b -> b.cluster("awslogs").taskDefinition("mkgroup")).tasks().get(0).taskArn();
        String id = arn.substring(arn.lastIndexOf('/') + 1);
        Await.until("the line in /ecs/made", Duration.ofSeconds(60), () -> logs.lines.lines(), lines -> lines.stream()
                .anyMatch(l -> l.group().equals("/ecs/made") && l.stream().equals("p/main/" + id)
                        && l.region().equals("eu-west-1") && l.message().equals("to the group")));
        assertTrue(logs.groups.contains("000000000000/eu-west-1//ecs/made"));
        client.stopTask(b -> b.cluster("awslogs").task(arn));
        await(client, "awslogs", arn, Duration.ofSeconds(30), t -> "STOPPED".equals(t.lastStatus()));
    }
}
