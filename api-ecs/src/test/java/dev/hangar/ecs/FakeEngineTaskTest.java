package dev.hangar.ecs;

import dev.hangar.core.port.LogSink;
import dev.hangar.testsupport.Await;
import dev.hangar.testsupport.junit.FakeContainer;
import dev.hangar.testsupport.junit.FakeContainerRuntime.Program;
import dev.hangar.testsupport.junit.FakeContainerRuntime;
import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.NetworkBinding;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import static dev.hangar.ecs.EcsTestData.awaitStatus;
import static dev.hangar.ecs.EcsTestData.container;
import static dev.hangar.ecs.EcsTestData.describe;
import static dev.hangar.ecs.EcsTestData.register;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the engine reports, played exactly by the fake runtime: exits, OOM kills, failed pulls, creates and starts,
 * a missing engine, published ports, awslogs output, and a launch held at its pull while the task is stopped or the
 * state reset. A Hangar per test (an instance field), as each test steers the engine its own way.
 */
class FakeEngineTaskTest {

    private static final String CLUSTER = "fake";

    private final CapturedLogs logs = new CapturedLogs();
    @RegisterExtension
    final HangarExtension hangar = HangarExtension.builder().service(EcsService::new).fakeRuntime()
            .port(LogSink.class, logs).build();
    private EcsClient client;
    private FakeContainerRuntime engine;

    @BeforeEach
    void cluster() {
        client = hangar.client(EcsClient.class);
        engine = hangar.fake();
        client.createCluster(b -> b.clusterName(CLUSTER));
    }

    private Task run(String family) {
        return client.runTask(b -> b.cluster(CLUSTER).taskDefinition(family)).tasks().get(0);
    }

    @Test
    void anExitingEssentialContainerStopsTheTaskWithItsCode() {
        engine.program("img/exits", Program.exiting(3));
        register(client, "exits", container("main", "img/exits"));
        Task stopped = awaitStatus(client, CLUSTER, run("exits").taskArn(), "STOPPED");
        assertEquals(TaskStopCode.ESSENTIAL_CONTAINER_EXITED, stopped.stopCode());
        assertEquals("Essential container in task exited", stopped.stoppedReason());
        assertEquals(3, stopped.containers().get(0).exitCode());
        assertEquals(List.of(), engine.present(), "a stopped task's containers are removed");
    }

    @Test
    void anOomKillIsTheContainersReason() {
        register(client, "hog", container("main", "img/hog"));
        Task task = run("hog");
        Task running = awaitStatus(client, CLUSTER, task.taskArn(), "RUNNING");
        engine.oom(running.containers().get(0).runtimeId());
        Task stopped = awaitStatus(client, CLUSTER, task.taskArn(), "STOPPED");
        assertEquals(137, stopped.containers().get(0).exitCode());
        assertEquals("OutOfMemoryError: Container killed due to memory usage", stopped.containers().get(0).reason());
        assertEquals(TaskStopCode.ESSENTIAL_CONTAINER_EXITED, stopped.stopCode());
    }

    @Test
    void engineFailuresAreTheReasonsAwsGives() {
        engine.failPull("img/unpullable", "pull access denied for img/unpullable");
        engine.failCreate("img/uncreatable", "Conflict. The container name is already in use");
        engine.failStart("img/unstartable", "exec: \"nope\": executable file not found in $PATH");
        register(client, "unpullable", container("main", "img/unpullable"));
        register(client, "uncreatable", container("main", "img/uncreatable"));
        register(client, "unstartable", container("main", "img/unstartable"));

        Task pull = awaitStatus(client, CLUSTER, run("unpullable").taskArn(), "STOPPED");
        assertEquals(TaskStopCode.TASK_FAILED_TO_START, pull.stopCode());
        assertEquals("CannotPullContainerError: pull access denied for img/unpullable", pull.stoppedReason());
        assertEquals("CannotPullContainerError: pull access denied for img/unpullable",
                pull.containers().get(0).reason(), "the container says why too, as on ECS");
        assertNull(pull.startedAt());
        assertNull(pull.containers().get(0).exitCode());

        Task create = awaitStatus(client, CLUSTER, run("uncreatable").taskArn(), "STOPPED");
        assertEquals(TaskStopCode.TASK_FAILED_TO_START, create.stopCode());
        assertEquals("CannotCreateContainerError: Conflict. The container name is already in use",
                create.stoppedReason());

        Task start = awaitStatus(client, CLUSTER, run("unstartable").taskArn(), "STOPPED");
        assertEquals(TaskStopCode.TASK_FAILED_TO_START, start.stopCode());
        assertTrue(start.containers().get(0).reason().startsWith("CannotStartContainerError: exec: "),
                start.containers().get(0).reason());
        Await.until("the failed tasks' containers removed", engine::present, List::isEmpty);
    }

    @Test
    void aMissingEngineFailsTheLaunchNamingIt() {
        engine.unavailable("connection refused");
        register(client, "nowhere", container("main", "img/any"));
        Task stopped = awaitStatus(client, CLUSTER, run("nowhere").taskArn(), "STOPPED");
        assertEquals(TaskStopCode.TASK_FAILED_TO_START, stopped.stopCode());
        assertEquals("ResourceInitializationError: Hangar cannot reach a Docker engine to run the task's containers:"
                + " connection refused", stopped.stoppedReason());
    }

    @Test
    void publishedPortsAreTheTasksNetworkBindings() {
        register(client, "web", container("web", "img/web").portMappings(
                PortMapping.builder().containerPort(8080).build(),
                PortMapping.builder().containerPort(9090).hostPort(9091).build()));
        Task running = awaitStatus(client, CLUSTER, run("web").taskArn(), "RUNNING");
        List<NetworkBinding> bindings = running.containers().get(0).networkBindings();
        assertEquals(2, bindings.size());
        assertEquals(8080, bindings.get(0).containerPort());
        assertTrue(bindings.get(0).hostPort() >= 32768, "a dynamic port: " + bindings.get(0));
        assertEquals("127.0.0.1", bindings.get(0).bindIP());
        assertEquals(9091, bindings.get(1).hostPort());
    }

    @Test
    void awslogsOutputReachesTheSinkUnderTheDriversNames() {
        engine.program("img/talker", Program.printing("hello", "second line").then(Program.exiting(0)));
        register(client, "talker", container("main", "img/talker").logConfiguration(l -> l.logDriver("awslogs")
                .options(Map.of("awslogs-group", "/ecs/fake", "awslogs-stream-prefix", "web"))));
        Task task = run("talker");
        awaitStatus(client, CLUSTER, task.taskArn(), "STOPPED");
        String id = task.taskArn().substring(task.taskArn().lastIndexOf('/') + 1);
        List<CapturedLogs.Line> lines = Await.until("both lines in /ecs/fake", logs::lines, l -> l.size() >= 2);
        assertEquals(List.of("hello", "second line"), lines.stream().map(CapturedLogs.Line::message).toList());
        assertEquals("web/main/" + id, lines.get(0).stream());
    }

    @Test
    void aTaskStoppedDuringItsPullNeverGetsAContainer() throws Exception {
        CountDownLatch pull = engine.holdPull("img/slow");
        register(client, "slow", container("main", "img/slow"));
        Task task = run("slow");
        assertEquals("img/slow", engine.pullsHeld().take());
        assertEquals("PENDING", describe(client, CLUSTER, task.taskArn()).lastStatus(), "pulling");
        client.stopTask(b -> b.cluster(CLUSTER).task(task.taskArn()));
        pull.countDown();
        Task stopped = awaitStatus(client, CLUSTER, task.taskArn(), "STOPPED");
        assertEquals(TaskStopCode.USER_INITIATED, stopped.stopCode());
        hangar.awaitIdle();
        assertEquals(List.of(), engine.containers(), "nothing was created");
    }

    @Test
    void aResetDuringAHeldPullLeavesNoContainer() throws Exception {
        CountDownLatch pull = engine.holdPull("img/held");
        register(client, "held", container("main", "img/held"), container("side", "img/held").essential(false));
        run("held");
        engine.pullsHeld().take();
        hangar.reset();
        pull.countDown();
        hangar.awaitIdle();
        assertEquals(List.of(), engine.present(), "the launch gave up, or removed what it made");
        assertEquals(List.of(), engine.containers().stream().filter(FakeContainer::running).toList());
    }
}
