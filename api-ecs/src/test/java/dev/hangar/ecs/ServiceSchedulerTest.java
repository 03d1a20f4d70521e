package dev.hangar.ecs;

import dev.hangar.core.time.ManualClock;
import dev.hangar.testsupport.Await;
import dev.hangar.testsupport.junit.FakeContainerRuntime;
import dev.hangar.testsupport.junit.FakeContainerRuntime.Program;
import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.DeploymentRolloutState;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceDeploymentStatus;
import software.amazon.awssdk.services.ecs.model.ServiceEvent;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import static dev.hangar.ecs.EcsTestData.container;
import static dev.hangar.ecs.EcsTestData.register;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service scheduler on the fake engine and a manual clock: replacement, scaling, rolling deployments, the circuit
 * breaker and the throttle, step by step. The 40 s a task without health checks needs to count as healthy pass when
 * the test advances the clock.
 */
class ServiceSchedulerTest {

    private static final String CLUSTER = "svc";

    @RegisterExtension
    final HangarExtension hangar = HangarExtension.builder().service(EcsService::new).fakeRuntime()
            .clock(() -> new ManualClock(Instant.parse("2026-12-02T10:00:00Z"))).build();
    private EcsClient client;
    private FakeContainerRuntime engine;
    private ManualClock clock;

    @BeforeEach
    void cluster() {
        client = hangar.client(EcsClient.class);
        engine = hangar.fake();
        clock = hangar.manualClock();
        client.createCluster(b -> b.clusterName(CLUSTER));
    }

    private Service describe(String name) {
        return client.describeServices(b -> b.cluster(CLUSTER).services(name)).services().get(0);
    }

    private Service await(String name, String what, Predicate<Service> condition) {
        return Await.until(what, Duration.ofSeconds(20), () -> describe(name), condition);
    }

    private List<Task> tasks(String name, DesiredStatus desired) {
        List<String> arns = client.listTasks(b -> b.cluster(CLUSTER).serviceName(name).desiredStatus(desired))
                .taskArns();
        return arns.isEmpty() ? List.of() : client.describeTasks(b -> b.cluster(CLUSTER).tasks(arns)).tasks();
    }

    /** Past the 40 s after RUNNING that make tasks without health checks healthy, and the plans that follow. */
    private void healthyPeriodPasses() {
        hangar.awaitIdle();
        clock.advance(Duration.ofSeconds(41));
        hangar.awaitIdle();
    }

    private static boolean hasEvent(Service s, String text) {
        return s.events().stream().map(ServiceEvent::message).anyMatch(m -> m.contains(text));
    }

    @Test
    void keepsTheDesiredCountAndReplacesADeadTask() {
        register(client, "web", container("web", "img/web"));
        Service created = client.createService(b -> b.cluster(CLUSTER).serviceName("web").taskDefinition("web")
                .desiredCount(2)).service();
        assertEquals("ACTIVE", created.status());
        assertEquals(1, created.deployments().size());
        Deployment primary = created.deployments().get(0);
        assertEquals("PRIMARY", primary.status());
        assertTrue(primary.id().matches("ecs-svc/\\d{19}"), primary.id());
        assertEquals(DeploymentRolloutState.IN_PROGRESS, primary.rolloutState());
        assertEquals(200, created.deploymentConfiguration().maximumPercent());
        assertEquals(100, created.deploymentConfiguration().minimumHealthyPercent());

        await("web", "two running tasks", s -> s.runningCount() == 2);
        List<Task> running = tasks("web", DesiredStatus.RUNNING);
        assertEquals(2, running.size());
        for (Task t : running) {
            assertEquals(primary.id(), t.startedBy());
            assertEquals("service:web", t.group());
        }
        healthyPeriodPasses();
        Service steady = await("web", "a completed deployment", s ->
                s.deployments().get(0).rolloutState() == DeploymentRolloutState.COMPLETED);
        assertEquals("ECS deployment " + primary.id() + " completed.", steady.deployments().get(0).rolloutStateReason());
        assertEquals("(service web) has reached a steady state.", steady.events().get(0).message());
        assertTrue(hasEvent(steady, "(service web) has started 2 tasks: (task "), steady.events().toString());

        String victim = running.get(0).containers().get(0).runtimeId();
        engine.die(victim, 1);
        Service replaced = await("web", "a replacement", s -> s.runningCount() == 2
                && tasks("web", DesiredStatus.RUNNING).stream().noneMatch(t -> t.taskArn().equals(running.get(0).taskArn())));
        assertEquals(2, replaced.desiredCount());
        Task dead = EcsTestData.describe(client, CLUSTER, running.get(0).taskArn());
        assertEquals(TaskStopCode.ESSENTIAL_CONTAINER_EXITED, dead.stopCode());
    }

    @Test
    void scalesOutAndIn() {
        register(client, "app", container("app", "img/app"));
        client.createService(b -> b.cluster(CLUSTER).serviceName("app").taskDefinition("app").desiredCount(1));
        await("app", "one running", s -> s.runningCount() == 1);
        Service out = client.updateService(b -> b.cluster(CLUSTER).service("app").desiredCount(3)).service();
        assertEquals(1, out.deployments().size(), "a desired count alone starts no deployment");
        await("app", "three running", s -> s.runningCount() == 3);
        client.updateService(b -> b.cluster(CLUSTER).service("app").desiredCount(1));
        await("app", "one left", s -> s.runningCount() == 1 && s.pendingCount() == 0);
        List<Task> stopped = tasks("app", DesiredStatus.STOPPED);
        assertEquals(2, stopped.size());
        String deployment = describe("app").deployments().get(0).id();
        for (Task t : stopped) {
            assertEquals(TaskStopCode.SERVICE_SCHEDULER_INITIATED, t.stopCode());
            assertEquals("Scaling activity initiated by (deployment " + deployment + ")", t.stoppedReason());
        }
        assertTrue(hasEvent(describe("app"), "has stopped 2 running tasks: (task "));
    }

    @Test
    void rollsOutANewRevisionAndDrainsTheOldOneOnceTheNewIsHealthy() {
        register(client, "roll", container("app", "img/v1"));
        register(client, "roll", container("app", "img/v2"));
        client.createService(b -> b.cluster(CLUSTER).serviceName("roll").taskDefinition("roll:1").desiredCount(2));
        await("roll", "v1 running", s -> s.runningCount() == 2);
        healthyPeriodPasses();
        String first = await("roll", "v1 completed", s ->
                s.deployments().get(0).rolloutState() == DeploymentRolloutState.COMPLETED).deployments().get(0).id();

        Service updating = client.updateService(b -> b.cluster(CLUSTER).service("roll").taskDefinition("roll:2"))
                .service();
        assertEquals(2, updating.deployments().size());
        assertEquals("PRIMARY", updating.deployments().get(0).status());
        assertEquals("ACTIVE", updating.deployments().get(1).status());
        assertEquals(first, updating.deployments().get(1).id());
        // min 100 %, max 200 %: both new tasks start before an old one stops
        Service both = await("roll", "four running", s -> s.runningCount() == 4);
        assertEquals(2, both.deployments().get(1).runningCount());
        hangar.awaitIdle();
        assertEquals(2, describe("roll").deployments().size(), "the old tasks stay until the new ones are healthy");
        healthyPeriodPasses();
        Service done = await("roll", "v2 alone", s -> s.deployments().size() == 1 && s.runningCount() == 2);
        assertTrue(done.taskDefinition().endsWith("roll:2"));
        healthyPeriodPasses();
        assertEquals(DeploymentRolloutState.COMPLETED, describe("roll").deployments().get(0).rolloutState());
        for (Task t : tasks("roll", DesiredStatus.STOPPED)) {
            assertTrue(t.taskDefinitionArn().endsWith("roll:1"));
            assertEquals(TaskStopCode.SERVICE_SCHEDULER_INITIATED, t.stopCode());
        }
        var deployments = client.listServiceDeployments(b -> b.cluster(CLUSTER).service("roll")).serviceDeployments();
        assertEquals(2, deployments.size());
        assertEquals(ServiceDeploymentStatus.SUCCESSFUL, deployments.get(0).status());
        var described = client.describeServiceDeployments(b -> b.serviceDeploymentArns(
                deployments.get(0).serviceDeploymentArn())).serviceDeployments().get(0);
        assertEquals(deployments.get(0).targetServiceRevisionArn(), described.targetServiceRevision().arn());
        var revision = client.describeServiceRevisions(b -> b.serviceRevisionArns(
                described.targetServiceRevision().arn())).serviceRevisions().get(0);
        assertTrue(revision.taskDefinition().endsWith("roll:2"));
    }

    @Test
    void theCircuitBreakerRollsBackADeploymentWhoseTasksExit() {
        engine.program("img/broken", Program.exiting(1));
        register(client, "cb", container("app", "img/good"));
        register(client, "cb", container("app", "img/broken"));
        client.createService(b -> b.cluster(CLUSTER).serviceName("cb").taskDefinition("cb:1").desiredCount(1)
                .deploymentConfiguration(d -> d.deploymentCircuitBreaker(c -> c.enable(true).rollback(true))));
        await("cb", "good running", s -> s.runningCount() == 1);
        healthyPeriodPasses();
        String good = await("cb", "completed", s ->
                s.deployments().get(0).rolloutState() == DeploymentRolloutState.COMPLETED).deployments().get(0).id();

        String bad = client.updateService(b -> b.cluster(CLUSTER).service("cb").taskDefinition("cb:2"))
                .service().deployments().get(0).id();
        // threshold: 50 % of 1, held at ECS's minimum of 3 failed tasks
        Service rolledBack = await("cb", "a rollback", s -> s.deployments().get(0).rolloutStateReason() != null
                && s.deployments().get(0).rolloutStateReason().contains("rolling back"));
        Deployment rollback = rolledBack.deployments().get(0);
        assertEquals("ECS deployment circuit breaker: rolling back to deploymentId " + good + ".",
                rollback.rolloutStateReason());
        assertTrue(rollback.taskDefinition().endsWith("cb:1"));
        Deployment failed = rolledBack.deployments().stream().filter(d -> d.id().equals(bad)).findFirst()
                .orElseThrow();
        assertEquals(DeploymentRolloutState.FAILED, failed.rolloutState());
        assertEquals("ECS deployment circuit breaker: tasks failed to start.", failed.rolloutStateReason());
        assertEquals(3, failed.failedTasks());
        assertTrue(hasEvent(rolledBack, "(service cb) (deployment " + bad + ") deployment failed: tasks failed to start."));
        assertTrue(hasEvent(rolledBack, "(service cb) rolling back to deployment " + good + "."));
        healthyPeriodPasses();
        Service back = await("cb", "rolled back", s -> s.deployments().size() == 1
                && s.deployments().get(0).rolloutState() == DeploymentRolloutState.COMPLETED);
        assertTrue(back.taskDefinition().endsWith("cb:1"));
        var history = client.listServiceDeployments(b -> b.cluster(CLUSTER).service("cb")).serviceDeployments();
        assertEquals(ServiceDeploymentStatus.ROLLBACK_SUCCESSFUL, history.get(0).status());
    }

    @Test
    void tasksThatKeepFailingAreThrottledAndTheEventSaysSo() {
        engine.program("img/crash", Program.exiting(2));
        register(client, "crash", container("app", "img/crash"));
        client.createService(b -> b.cluster(CLUSTER).serviceName("crash").taskDefinition("crash").desiredCount(1));
        Service throttled = await("crash", "the throttle event", s ->
                hasEvent(s, "(service crash) is unable to consistently start tasks successfully."));
        hangar.awaitIdle();
        List<Task> stoppedThen = tasks("crash", DesiredStatus.STOPPED);
        assertEquals(3, stoppedThen.size(), "no launch while throttled: " + throttled.events() + " "
                + stoppedThen.stream().map(t -> t.stopCodeAsString() + "/" + t.stoppedReason() + "/"
                + t.lastStatus()).toList());
        clock.advance(Duration.ofSeconds(11));
        Await.until("a launch after the first delay", () -> tasks("crash", DesiredStatus.STOPPED).size(), n -> n == 4);
    }

    @Test
    void deleteNeedsForceOrZeroAndDrainsToInactive() {
        register(client, "del", container("app", "img/app"));
        client.createService(b -> b.cluster(CLUSTER).serviceName("del").taskDefinition("del").desiredCount(1));
        await("del", "running", s -> s.runningCount() == 1);
        var refused = org.junit.jupiter.api.Assertions.assertThrows(
                software.amazon.awssdk.services.ecs.model.InvalidParameterException.class,
                () -> client.deleteService(b -> b.cluster(CLUSTER).service("del")));
        assertEquals("The service cannot be stopped while it is scaled above 0.", EcsTestData.message(refused));
        org.junit.jupiter.api.Assertions.assertThrows(
                software.amazon.awssdk.services.ecs.model.ClusterContainsServicesException.class,
                () -> client.deleteCluster(b -> b.cluster(CLUSTER)));
        Service deleting = client.deleteService(b -> b.cluster(CLUSTER).service("del").force(true)).service();
        assertEquals("DRAINING", deleting.status());
        assertEquals(0, deleting.desiredCount());
        await("del", "inactive", s -> s.status().equals("INACTIVE"));
        assertEquals(List.of(), client.listServices(b -> b.cluster(CLUSTER)).serviceArns());
        assertEquals(0, tasks("del", DesiredStatus.RUNNING).size());
        org.junit.jupiter.api.Assertions.assertThrows(
                software.amazon.awssdk.services.ecs.model.ServiceNotActiveException.class,
                () -> client.updateService(b -> b.cluster(CLUSTER).service("del").desiredCount(1)));
        client.deleteCluster(b -> b.cluster(CLUSTER));
    }
}
