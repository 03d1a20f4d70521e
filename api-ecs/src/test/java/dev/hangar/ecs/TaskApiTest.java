package dev.hangar.ecs;

import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.ClusterContainsTasksException;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.DescribeTasksResponse;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.ListTasksResponse;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskField;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static dev.hangar.ecs.EcsTestData.awaitStatus;
import static dev.hangar.ecs.EcsTestData.describe;
import static dev.hangar.ecs.EcsTestData.message;
import static dev.hangar.ecs.EcsTestData.register;
import static dev.hangar.ecs.EcsTestData.shell;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RunTask's checks, DescribeTasks, ListTasks filters, tags, and the cluster rules that depend on tasks. */
class TaskApiTest {

    @RegisterExtension
    static final HangarExtension hangar = HangarExtension.builder().service(EcsService::new).fakeRuntime().build();
    static EcsClient client;

    private static final String CLUSTER = "tasks";

    @BeforeAll
    static void setUp() {
        client = hangar.client(EcsClient.class);
        client.createCluster(b -> b.clusterName(CLUSTER));
        register(client, "idle", shell("main", "sleep 600"));
        register(client, "other", shell("main", "sleep 600"));
    }

    @Test
    void runTaskChecks() {
        assertEquals("Cluster not found.", message(assertThrows(ClusterNotFoundException.class,
                () -> client.runTask(b -> b.cluster("nowhere").taskDefinition("idle")))));
        assertEquals("TaskDefinition not found.", message(assertThrows(ClientException.class,
                () -> client.runTask(b -> b.cluster(CLUSTER).taskDefinition("unknown")))));
        assertThrows(InvalidParameterException.class,
                () -> client.runTask(b -> b.cluster(CLUSTER).taskDefinition("idle").count(11)));
        assertThrows(InvalidParameterException.class,
                () -> client.runTask(b -> b.cluster(CLUSTER).taskDefinition("idle").count(0)));
        assertEquals("Task definition does not support launch_type FARGATE.", message(assertThrows(
                InvalidParameterException.class, () -> client.runTask(b -> b.cluster(CLUSTER)
                        .taskDefinition("idle").launchType(LaunchType.FARGATE)))));
        assertThrows(InvalidParameterException.class, () -> client.runTask(b -> b.cluster(CLUSTER)
                .taskDefinition("idle").launchType(LaunchType.EC2)
                .capacityProviderStrategy(s -> s.capacityProvider("FARGATE"))));
        assertThrows(InvalidParameterException.class, () -> client.runTask(b -> b.cluster(CLUSTER)
                .taskDefinition("idle").overrides(o -> o.containerOverrides(c -> c.name("ghost")))));
        assertEquals("Tasks cannot be empty.", message(assertThrows(InvalidParameterException.class,
                () -> client.describeTasks(b -> b.cluster(CLUSTER).tasks(List.of())))));
        assertEquals("The referenced task was not found", message(assertThrows(InvalidParameterException.class,
                () -> client.stopTask(b -> b.cluster(CLUSTER).task("0123456789abcdef0123456789abcdef")))));
    }

    @Test
    void listFiltersDescribeTagsAndClusterRules() {
        List<Task> idle = client.runTask(b -> b.cluster(CLUSTER).taskDefinition("idle").count(3).startedBy("me")
                .tags(Tag.builder().key("purpose").value("test").build())).tasks();
        Task other = client.runTask(b -> b.cluster(CLUSTER).taskDefinition("other:1")).tasks().get(0);
        assertEquals(3, idle.size());

        ListTasksResponse all = client.listTasks(b -> b.cluster(CLUSTER));
        assertTrue(all.taskArns().containsAll(idle.stream().map(Task::taskArn).toList()));
        assertTrue(all.taskArns().contains(other.taskArn()));
        assertEquals(Set.copyOf(idle.stream().map(Task::taskArn).toList()),
                Set.copyOf(client.listTasks(b -> b.cluster(CLUSTER).family("idle")).taskArns()));
        assertEquals(3, client.listTasks(b -> b.cluster(CLUSTER).startedBy("me")).taskArns().size());
        assertEquals(List.of(other.taskArn()), client.listTasks(b -> b.cluster(CLUSTER).family("other")).taskArns());

        Set<String> paged = new HashSet<>();
        String token = null;
        do {
            String t = token;
            ListTasksResponse page = client.listTasks(b -> b.cluster(CLUSTER).maxResults(3).nextToken(t));
            paged.addAll(page.taskArns());
            token = page.nextToken();
        } while (token != null);
        assertEquals(Set.copyOf(all.taskArns()), paged);

        String id = idle.get(0).taskArn().substring(idle.get(0).taskArn().lastIndexOf('/') + 1);
        DescribeTasksResponse described = client.describeTasks(b -> b.cluster(CLUSTER)
                .tasks(id, idle.get(1).taskArn(), "ffffffffffffffffffffffffffffffff").include(TaskField.TAGS));
        assertEquals(2, described.tasks().size());
        assertEquals("test", described.tasks().get(0).tags().get(0).value());
        assertEquals("me", described.tasks().get(0).startedBy());
        assertEquals("MISSING", described.failures().get(0).reason());
        assertEquals("arn:aws:ecs:us-east-1:000000000000:task/tasks/ffffffffffffffffffffffffffffffff",
                described.failures().get(0).arn());

        client.tagResource(b -> b.resourceArn(other.taskArn()).tags(Tag.builder().key("x").value("y").build()));
        assertEquals("y", client.listTagsForResource(b -> b.resourceArn(other.taskArn())).tags().get(0).value());

        awaitStatus(client, CLUSTER, other.taskArn(), "RUNNING");
        idle.forEach(t -> awaitStatus(client, CLUSTER, t.taskArn(), "RUNNING"));
        assertEquals(4, client.describeClusters(b -> b.clusters(CLUSTER)).clusters().get(0).runningTasksCount());

        assertEquals("The Cluster cannot be deleted while Tasks are active.", message(assertThrows(
                ClusterContainsTasksException.class, () -> client.deleteCluster(b -> b.cluster(CLUSTER)))));

        List<String> arns = new ArrayList<>(idle.stream().map(Task::taskArn).toList());
        arns.add(other.taskArn());
        arns.forEach(arn -> client.stopTask(b -> b.cluster(CLUSTER).task(arn)));
        assertTrue(client.listTasks(b -> b.cluster(CLUSTER)).taskArns().isEmpty(), "desiredStatus RUNNING only");
        assertEquals(Set.copyOf(arns), Set.copyOf(client.listTasks(b -> b.cluster(CLUSTER)
                .desiredStatus(DesiredStatus.STOPPED)).taskArns()));
        arns.forEach(arn -> awaitStatus(client, CLUSTER, arn, "STOPPED"));
        assertEquals(0, client.describeClusters(b -> b.clusters(CLUSTER)).clusters().get(0).runningTasksCount());

        client.deleteCluster(b -> b.cluster(CLUSTER));
        assertEquals("STOPPED", describe(client, CLUSTER, other.taskArn()).lastStatus(),
                "stopped tasks stay describable, even once their cluster is gone");
        client.createCluster(b -> b.clusterName(CLUSTER));
    }
}
