package dev.hangar.ecs;

import dev.hangar.core.time.ScaledClock;
import dev.hangar.testsupport.Await;
import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DeploymentRolloutState;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.Task;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static dev.hangar.ecs.EcsTestData.BUSYBOX;
import static dev.hangar.ecs.EcsTestData.container;
import static dev.hangar.ecs.EcsTestData.register;
import static dev.hangar.ecs.EcsTestData.shell;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Services on real containers: a task killed with `docker kill` or by the OOM killer is replaced from the engine's
 * event stream; a rolling deployment replaces real containers. Hangar's clock runs 40× faster (the 40 s a task
 * needs to count as healthy take one second); the containers' own times are real.
 */
class ServiceContainersTest {

    private static final String CLUSTER = "svc-real";

    @RegisterExtension
    static final HangarExtension hangar = HangarExtension.builder().service(EcsService::new).dockerRuntime()
            .clock(() -> ScaledClock.scaled(40)).build();
    static EcsClient client;

    @BeforeAll
    static void cluster() {
        client = hangar.client(EcsClient.class);
        client.createCluster(b -> b.clusterName(CLUSTER));
    }

    private static Service await(String name, String what, Predicate<Service> condition) {
        return Await.until(what, Duration.ofSeconds(60),
                () -> client.describeServices(b -> b.cluster(CLUSTER).services(name)).services().get(0), condition);
    }

    private static List<Task> running(String name) {
        List<String> arns = client.listTasks(b -> b.cluster(CLUSTER).serviceName(name)
                .desiredStatus(DesiredStatus.RUNNING)).taskArns();
        return arns.isEmpty() ? List.of() : client.describeTasks(b -> b.cluster(CLUSTER).tasks(arns)).tasks();
    }

    private static void dockerKill(String containerId) throws Exception {
        Process p = new ProcessBuilder("docker", "kill", containerId).redirectErrorStream(true).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), new String(p.getInputStream().readAllBytes()));
    }

    @Test
    void aKilledContainerAndAnOomKillAreReplaced() throws Exception {
        register(client, "sleepy", shell("main", "sleep 600").stopTimeout(2));
        client.createService(b -> b.cluster(CLUSTER).serviceName("sleepy").taskDefinition("sleepy").desiredCount(1));
        Task first = Await.until("a running task", Duration.ofSeconds(60), () -> running("sleepy"),
                l -> l.size() == 1 && l.get(0).lastStatus().equals("RUNNING")).get(0);
        dockerKill(first.containers().get(0).runtimeId());
        Task second = Await.until("its replacement running", Duration.ofSeconds(60), () -> running("sleepy"),
                l -> l.size() == 1 && !l.get(0).taskArn().equals(first.taskArn())
                        && l.get(0).lastStatus().equals("RUNNING")).get(0);
        Task killed = EcsTestData.describe(client, CLUSTER, first.taskArn());
        assertEquals("Essential container in task exited", killed.stoppedReason());
        assertEquals(137, killed.containers().get(0).exitCode());

        // the same service, now on a revision whose container eats memory past its limit once started
        register(client, "sleepy", shell("main", "sleep 2; tail /dev/zero").memory(8).stopTimeout(2));
        client.updateService(b -> b.cluster(CLUSTER).service("sleepy").taskDefinition("sleepy:2")
                .deploymentConfiguration(d -> d.minimumHealthyPercent(0)));
        Task oom = Await.until("an OOM-killed task of revision 2", Duration.ofSeconds(60), () -> client.describeTasks(
                        b -> b.cluster(CLUSTER).tasks(client.listTasks(l -> l.cluster(CLUSTER).serviceName("sleepy")
                                .desiredStatus(DesiredStatus.STOPPED)).taskArns())).tasks(),
                l -> l.stream().anyMatch(t -> t.taskDefinitionArn().endsWith("sleepy:2")
                        && "STOPPED".equals(t.lastStatus()))).stream()
                .filter(t -> t.taskDefinitionArn().endsWith("sleepy:2")).findFirst().orElseThrow();
        assertEquals("OutOfMemoryError: Container killed due to memory usage", oom.containers().get(0).reason());
        Await.until("a replacement of the OOM-killed task", Duration.ofSeconds(60), () -> running("sleepy"),
                l -> l.stream().anyMatch(t -> t.taskDefinitionArn().endsWith("sleepy:2")
                        && !t.taskArn().equals(oom.taskArn())));
        assertTrue(second.taskArn().length() > 0);
        client.deleteService(b -> b.cluster(CLUSTER).service("sleepy").force(true));
    }

    @Test
    void aRollingDeploymentReplacesTheContainersAndTheCircuitBreakerRollsBack() {
        register(client, "rolling", shell("main", "sleep 600").stopTimeout(2));
        register(client, "rolling", shell("main", "echo v2; sleep 600").stopTimeout(2));
        register(client, "rolling", shell("main", "exit 1"));
        client.createService(b -> b.cluster(CLUSTER).serviceName("rolling").taskDefinition("rolling:1")
                .desiredCount(2)
                .deploymentConfiguration(d -> d.deploymentCircuitBreaker(c -> c.enable(true).rollback(true))));
        await("rolling", "v1 completed", s -> s.deployments().size() == 1 && s.runningCount() == 2
                && s.deployments().get(0).rolloutState() == DeploymentRolloutState.COMPLETED);
        List<String> v1 = running("rolling").stream().map(Task::taskArn).toList();

        client.updateService(b -> b.cluster(CLUSTER).service("rolling").taskDefinition("rolling:2"));
        Service v2 = await("rolling", "v2 completed", s -> s.deployments().size() == 1
                && s.taskDefinition().endsWith("rolling:2") && s.runningCount() == 2
                && s.deployments().get(0).rolloutState() == DeploymentRolloutState.COMPLETED);
        assertEquals(2, v2.desiredCount());
        List<Task> now = running("rolling");
        assertTrue(now.stream().noneMatch(t -> v1.contains(t.taskArn())), "the v1 tasks drained");
        for (String arn : v1) {
            Task old = EcsTestData.describe(client, CLUSTER, arn);
            assertTrue(old.stoppedReason().startsWith("Scaling activity initiated by (deployment ecs-svc/"),
                    old.stoppedReason());
        }

        client.updateService(b -> b.cluster(CLUSTER).service("rolling").taskDefinition("rolling:3"));
        Service back = await("rolling", "rolled back to v2", s -> s.deployments().size() == 1
                && s.taskDefinition().endsWith("rolling:2")
                && s.deployments().get(0).rolloutState() == DeploymentRolloutState.COMPLETED
                && s.deployments().get(0).rolloutStateReason().contains("completed"));
        assertTrue(back.events().stream().anyMatch(e -> e.message().contains("deployment failed: tasks failed to start.")),
                back.events().toString());
        assertEquals(2, back.runningCount());
        client.deleteService(b -> b.cluster(CLUSTER).service("rolling").force(true));
    }
}
