package dev.hangar.ecs;

import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.HealthCheck;
import software.amazon.awssdk.services.ecs.model.HealthStatus;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;

import java.time.Duration;

import static dev.hangar.ecs.EcsTestData.await;
import static dev.hangar.ecs.EcsTestData.awaitStatus;
import static dev.hangar.ecs.EcsTestData.register;
import static dev.hangar.ecs.EcsTestData.shell;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Container health checks on real containers. ECS's shortest interval is 5 s, so the tasks whose checks must run
 * are all launched at once in {@link #launch}, and each test waits for its own.
 */
class ContainerHealthTest {

    @RegisterExtension
    static final HangarExtension hangar = HangarExtension.builder().service(EcsService::new).dockerRuntime().build();
    static EcsClient client;
    private static final String CLUSTER = "health";

    private static String mixed;
    private static String unhealthy;
    private static final String SERVICE = "sickly";

    /** The shortest check ECS allows: every 5 s, one failure is enough. */
    private static HealthCheck check(String script) {
        return HealthCheck.builder().command("CMD-SHELL", script).interval(5).timeout(2).retries(1).build();
    }

    @BeforeAll
    static void launch() {
        client = hangar.client(EcsClient.class);
        client.createCluster(b -> b.clusterName(CLUSTER));
        register(client, "mixed",
                shell("app", "sleep 600").healthCheck(check("true")),
                shell("sidecar", "sleep 600").essential(false).healthCheck(check("exit 1")),
                shell("plain", "sleep 600"),
                shell("after", "sleep 600").dependsOn(d -> d.containerName("app").condition("HEALTHY")));
        register(client, "sick", shell("app", "sleep 600").healthCheck(check("exit 1")));
        client.createService(b -> b.cluster(CLUSTER).serviceName(SERVICE).taskDefinition("sick").desiredCount(1));
        mixed = client.runTask(b -> b.cluster(CLUSTER).taskDefinition("mixed")).tasks().get(0).taskArn();
        unhealthy = client.runTask(b -> b.cluster(CLUSTER).taskDefinition("sick")).tasks().get(0).taskArn();
    }

    private static Container containerOf(Task task, String name) {
        return task.containers().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aPassingCheckMakesContainerAndTaskHealthyAndReleasesItsDependant() {
        Task early = await(client, CLUSTER, mixed, Duration.ofSeconds(30),
                t -> "RUNNING".equals(containerOf(t, "app").lastStatus()));
        if (containerOf(early, "app").healthStatus() == HealthStatus.UNKNOWN) {
            assertEquals("PENDING", containerOf(early, "after").lastStatus(), "HEALTHY waits for the check");
            assertEquals(HealthStatus.UNKNOWN, early.healthStatus(), "no result yet");
        }
        Task running = awaitStatus(client, CLUSTER, mixed, "RUNNING");
        assertEquals(HealthStatus.HEALTHY, containerOf(running, "app").healthStatus(),
                "the dependant started only once app was healthy");
        assertEquals("RUNNING", containerOf(running, "after").lastStatus());
        Task settled = await(client, CLUSTER, mixed, Duration.ofSeconds(30),
                t -> containerOf(t, "sidecar").healthStatus() == HealthStatus.UNHEALTHY);
        assertEquals(HealthStatus.UNKNOWN, containerOf(settled, "plain").healthStatus(), "no check, no status");
        assertEquals(HealthStatus.HEALTHY, settled.healthStatus(),
                "a non-essential container's health does not count");
        assertEquals("RUNNING", settled.lastStatus());
    }

    @Test
    void aFailingEssentialCheckMakesTheTaskUnhealthyAndAStandaloneTaskKeepsRunning() {
        Task sick = await(client, CLUSTER, unhealthy, Duration.ofSeconds(30),
                t -> t.healthStatus() == HealthStatus.UNHEALTHY);
        assertEquals(HealthStatus.UNHEALTHY, containerOf(sick, "app").healthStatus());
        assertEquals("RUNNING", sick.lastStatus());
        assertEquals("RUNNING", sick.desiredStatus(), "ECS keeps an unhealthy RunTask task running");
    }

    @Test
    void aServiceReplacesItsUnhealthyTask() {
        java.util.function.Supplier<java.util.List<Task>> tasks = () -> {
            java.util.List<String> arns = new java.util.ArrayList<>(client.listTasks(b -> b.cluster(CLUSTER)
                    .serviceName(SERVICE).desiredStatus("STOPPED")).taskArns());
            arns.addAll(client.listTasks(b -> b.cluster(CLUSTER).serviceName(SERVICE)).taskArns());
            return arns.isEmpty() ? java.util.List.of()
                    : client.describeTasks(b -> b.cluster(CLUSTER).tasks(arns)).tasks();
        };
        java.util.List<Task> seen = dev.hangar.testsupport.Await.until("the unhealthy service task replaced",
                Duration.ofSeconds(60), tasks::get, ts -> ts.stream().anyMatch(t -> "STOPPED".equals(t.lastStatus()))
                        && ts.stream().anyMatch(t -> "RUNNING".equals(t.desiredStatus())));
        Task replaced = seen.stream().filter(t -> "STOPPED".equals(t.lastStatus())).findFirst().orElseThrow();
        assertEquals("Task failed container health checks", replaced.stoppedReason());
        assertEquals(TaskStopCode.SERVICE_SCHEDULER_INITIATED, replaced.stopCode());
        assertEquals(HealthStatus.UNHEALTHY, replaced.healthStatus());
    }

    @Test
    void aDependencyThatStopsBeforeItIsHealthyCanNeverBeMet() {
        register(client, "quitter",
                shell("dep", "exit 0").essential(false).healthCheck(check("true")),
                shell("main", "sleep 600").dependsOn(d -> d.containerName("dep").condition("HEALTHY")));
        String arn = client.runTask(b -> b.cluster(CLUSTER).taskDefinition("quitter")).tasks().get(0).taskArn();
        Task stopped = awaitStatus(client, CLUSTER, arn, "STOPPED");
        assertEquals(TaskStopCode.TASK_FAILED_TO_START, stopped.stopCode());
        assertTrue(containerOf(stopped, "main").reason().startsWith("DependencyConditionNotMet"),
                containerOf(stopped, "main").reason());
    }

    @Test
    void aStartTimeoutEndsTheWaitForHealthy() {
        register(client, "slowpoke",
                shell("dep", "sleep 600").essential(false).startTimeout(2)
                        .healthCheck(HealthCheck.builder().command("CMD-SHELL", "exit 1").interval(60).build()),
                shell("main", "sleep 600").dependsOn(d -> d.containerName("dep").condition("HEALTHY")));
        long start = System.nanoTime();
        String arn = client.runTask(b -> b.cluster(CLUSTER).taskDefinition("slowpoke")).tasks().get(0).taskArn();
        Task stopped = awaitStatus(client, CLUSTER, arn, "STOPPED");
        assertTrue(System.nanoTime() - start >= Duration.ofSeconds(2).toNanos(), "not before the timeout");
        assertEquals(TaskStopCode.TASK_FAILED_TO_START, stopped.stopCode());
        assertTrue(containerOf(stopped, "main").reason().startsWith("DependencyConditionNotMet"));
    }
}
