package dev.hangar.ecs;

import dev.hangar.testsupport.Await;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DescribeTasksRequest;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/** Task definitions and tasks the ECS tests make, and the waits on a task's state. */
final class EcsTestData {

    /** Images of scripts/build-test-images.sh, for the tests on real containers (the fake runs any name). */
    static final String BUSYBOX = "hangar-test/busybox:latest";
    static final String WEB = "hangar-test/web:latest";

    private EcsTestData() {
    }

    /** The error's message as the wire carried it. */
    static String message(AwsServiceException e) {
        return e.awsErrorDetails().errorMessage();
    }

    static ContainerDefinition.Builder container(String name, String image, String... command) {
        ContainerDefinition.Builder b = ContainerDefinition.builder().name(name).image(image).memory(64);
        if (command.length > 0) {
            b.command(command);
        }
        return b;
    }

    static ContainerDefinition.Builder shell(String name, String script) {
        return container(name, BUSYBOX, "sh", "-c", script);
    }

    static TaskDefinition register(EcsClient client, String family, ContainerDefinition.Builder... containers) {
        return client.registerTaskDefinition(RegisterTaskDefinitionRequest.builder()
                .family(family)
                .containerDefinitions(Arrays.stream(containers).map(ContainerDefinition.Builder::build).toList())
                .build()).taskDefinition();
    }

    /** The task as DescribeTasks tells it, or null when ECS does not know it (any more). */
    static Task describe(EcsClient client, String cluster, String taskArn) {
        List<Task> tasks = client.describeTasks(DescribeTasksRequest.builder().cluster(cluster).tasks(taskArn).build())
                .tasks();
        return tasks.isEmpty() ? null : tasks.get(0);
    }

    /** Polls DescribeTasks until the task matches, failing with its last state after the timeout. */
    static Task await(EcsClient client, String cluster, String taskArn, Duration timeout, Predicate<Task> condition) {
        return Await.until("task " + taskArn + " to reach the expected state", timeout,
                () -> describe(client, cluster, taskArn), t -> t != null && condition.test(t));
    }

    static Task awaitStatus(EcsClient client, String cluster, String taskArn, String lastStatus) {
        return await(client, cluster, taskArn, Duration.ofSeconds(60), t -> lastStatus.equals(t.lastStatus()));
    }
}
