package dev.hangar.ecs;

import dev.hangar.core.port.LogSink;
import dev.hangar.runtime.ContainerState;
import dev.hangar.testsupport.Await;
import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.ContainerOverride;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskOverride;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;

import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static dev.hangar.ecs.EcsTestData.BUSYBOX;
import static dev.hangar.ecs.EcsTestData.WEB;
import static dev.hangar.ecs.EcsTestData.await;
import static dev.hangar.ecs.EcsTestData.awaitStatus;
import static dev.hangar.ecs.EcsTestData.container;
import static dev.hangar.ecs.EcsTestData.describe;
import static dev.hangar.ecs.EcsTestData.register;
import static dev.hangar.ecs.EcsTestData.shell;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tasks as real containers: start, overrides, exits, dependsOn, ports, stop, failures. */
class TaskLifecycleTest {

    /** Everything the awslogs driver would have shipped to CloudWatch Logs. */
    static final CapturedLogs logs = new CapturedLogs();
    @RegisterExtension
    static final HangarExtension hangar = HangarExtension.builder().service(EcsService::new).dockerRuntime()
            .port(LogSink.class, logs).build();
    static EcsClient client;

    private static final String CLUSTER = "life";

    @BeforeAll
    static void cluster() {
        client = hangar.client(EcsClient.class);
        client.createCluster(b -> b.clusterName(CLUSTER));
    }

    private static Task runOne(String family, TaskOverride overrides) {
        RunTaskResponse response = client.runTask(b -> b.cluster(CLUSTER).taskDefinition(family).overrides(overrides));
        assertEquals(1, response.tasks().size());
        return response.tasks().get(0);
    }

    private static Container containerOf(Task task, String name) {
        return task.containers().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void runsToRunningAndStopsByUser() {
        register(client, "sleeper", shell("main", "sleep 600"));
        Task started = runOne("sleeper", null);
        assertEquals("PENDING", started.lastStatus()); // bridge: no ENI to provision
        assertEquals("RUNNING", started.desiredStatus());
        assertEquals("family:sleeper", started.group());
        assertEquals(LaunchType.EC2, started.launchType());
        assertTrue(started.taskArn().startsWith("arn:aws:ecs:us-east-1:000000000000:task/life/"));
        assertEquals(32, started.taskArn().substring(started.taskArn().lastIndexOf('/') + 1).length());
        assertEquals("PENDING", started.containers().get(0).lastStatus());

        Task running = awaitStatus(client, CLUSTER, started.taskArn(), "RUNNING");
        assertNotNull(running.startedAt());
        assertNotNull(running.pullStartedAt());
        assertNotNull(running.pullStoppedAt());
        assertEquals("RUNNING", running.containers().get(0).lastStatus());
        assertNotNull(running.containers().get(0).runtimeId());
        assertEquals(1, client.describeClusters(b -> b.clusters(CLUSTER)).clusters().get(0).runningTasksCount());

        Instant stopAsked = Instant.now();
        Task stopping = client.stopTask(b -> b.cluster(CLUSTER).task(started.taskArn())).task();
        assertEquals("STOPPED", stopping.desiredStatus());
        assertEquals("RUNNING", stopping.lastStatus());
        assertNotNull(stopping.stoppingAt());

        Task stopped = awaitStatus(client, CLUSTER, started.taskArn(), "STOPPED");
        assertTrue(Duration.between(stopAsked, Instant.now()).toSeconds() < 10, "init makes the stop quick");
        assertEquals(TaskStopCode.USER_INITIATED, stopped.stopCode());
        assertEquals("Task stopped by user", stopped.stoppedReason());
        assertNotNull(stopped.executionStoppedAt());
        assertNotNull(stopped.stoppedAt());
        assertEquals("STOPPED", stopped.containers().get(0).lastStatus());
        assertEquals(143, stopped.containers().get(0).exitCode(), "SIGTERM");
        assertEquals(ContainerState.Status.GONE, hangar.runtime().inspect(running.containers().get(0).runtimeId()).status(),
                "a stopped task's containers are removed");
    }

    @Test
    void stopRightAfterRunLeavesNoContainer() throws Exception {
        register(client, "hasty", shell("main", "sleep 600"), shell("side", "sleep 600").essential(false));
        java.util.List<Task> tasks = client.runTask(b -> b.cluster(CLUSTER).taskDefinition("hasty").count(3)).tasks();
        for (Task t : tasks) {
            Task answer = client.stopTask(b -> b.cluster(CLUSTER).task(t.taskArn())).task();
            assertEquals("STOPPED", answer.desiredStatus());
        }
        for (Task t : tasks) {
            Task stopped = awaitStatus(client, CLUSTER, t.taskArn(), "STOPPED");
            assertEquals(TaskStopCode.USER_INITIATED, stopped.stopCode());
            stopped.containers().forEach(c -> assertEquals("STOPPED", c.lastStatus()));
            Process ps = new ProcessBuilder("docker", "ps", "-aq", "--filter", "label=hangar.resource=" + t.taskArn())
                    .redirectErrorStream(true).start();
            String left = new String(ps.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            ps.waitFor();
            assertEquals("", left, "no container of the stopped task is left");
        }
    }

    @Test
    void awslogsOutputGoesToTheLogSink() {
        register(client, "talker", shell("main", "echo hello from $NAME; echo second line; exit 0")
                .environment(KeyValuePair.builder().name("NAME").value("ecs").build())
                .logConfiguration(l -> l.logDriver("awslogs").options(java.util.Map.of(
                        "awslogs-group", "/ecs/talker", "awslogs-stream-prefix", "web"))));
        Task task = runOne("talker", null);
        awaitStatus(client, CLUSTER, task.taskArn(), "STOPPED");
        String id = task.taskArn().substring(task.taskArn().lastIndexOf('/') + 1);
        java.util.List<CapturedLogs.Line> lines = Await.until("both lines in /ecs/talker",
                () -> logs.lines().stream().filter(l -> l.group().equals("/ecs/talker")).toList(),
                seen -> seen.size() >= 2);
        assertEquals(2, lines.size(), String.valueOf(lines));
        assertEquals("hello from ecs", lines.get(0).message());
        assertEquals("second line", lines.get(1).message());
        assertEquals("web/main/" + id, lines.get(0).stream());
        assertEquals("000000000000", lines.get(0).account());
        assertEquals("us-east-1", lines.get(0).region());
    }

    @Test
    void environmentOverrideDecidesTheExitCode() {
        register(client, "exiter", shell("main", "exit ${CODE:-0}")
                .environment(KeyValuePair.builder().name("CODE").value("3").build()));
        Task fromDefinition = runOne("exiter", null);
        Task overridden = runOne("exiter", TaskOverride.builder().containerOverrides(ContainerOverride.builder()
                .name("main").environment(KeyValuePair.builder().name("CODE").value("42").build()).build()).build());
        Task commandOverridden = runOne("exiter", TaskOverride.builder().containerOverrides(ContainerOverride.builder()
                .name("main").command("sh", "-c", "exit 7").build()).build());

        Task a = awaitStatus(client, CLUSTER, fromDefinition.taskArn(), "STOPPED");
        Task b = awaitStatus(client, CLUSTER, overridden.taskArn(), "STOPPED");
        Task c = awaitStatus(client, CLUSTER, commandOverridden.taskArn(), "STOPPED");
        assertEquals(3, a.containers().get(0).exitCode());
        assertEquals(42, b.containers().get(0).exitCode());
        assertEquals(7, c.containers().get(0).exitCode());
        for (Task t : new Task[]{a, b, c}) {
            assertEquals(TaskStopCode.ESSENTIAL_CONTAINER_EXITED, t.stopCode());
            assertEquals("Essential container in task exited", t.stoppedReason());
        }
    }

    @Test
    void essentialExitStopsTheOthersNonEssentialDoesNot() {
        register(client, "pair", shell("main", "sleep 600"), shell("side", "exit 5").essential(false));
        Task task = runOne("pair", null);
        Task running = await(client, CLUSTER, task.taskArn(), Duration.ofSeconds(30),
                t -> "STOPPED".equals(containerOf(t, "side").lastStatus()) && "RUNNING".equals(t.lastStatus()));
        assertEquals(5, containerOf(running, "side").exitCode());
        assertEquals("RUNNING", containerOf(running, "main").lastStatus());
        assertEquals("RUNNING", describe(client, CLUSTER, task.taskArn()).desiredStatus());

        register(client, "quitter", shell("main", "sleep 1; exit 2"), shell("side", "sleep 600").essential(false));
        Task quitter = runOne("quitter", null);
        Task stopped = awaitStatus(client, CLUSTER, quitter.taskArn(), "STOPPED");
        assertEquals(TaskStopCode.ESSENTIAL_CONTAINER_EXITED, stopped.stopCode());
        assertEquals(2, containerOf(stopped, "main").exitCode());
        assertEquals("STOPPED", containerOf(stopped, "side").lastStatus());
        assertEquals(143, containerOf(stopped, "side").exitCode(), "the others are stopped with SIGTERM");

        client.stopTask(b -> b.cluster(CLUSTER).task(task.taskArn()).reason("done here"));
        assertEquals("done here", awaitStatus(client, CLUSTER, task.taskArn(), "STOPPED").stoppedReason());
    }

    @Test
    void dependsOnOrdersTheStarts() throws Exception {
        // init runs until the test connects to it, so that "app waits for init" is observed without timing luck
        register(client, "ordered",
                shell("init", "nc -l -p 9000 >/dev/null; exit 0").essential(false)
                        .portMappings(PortMapping.builder().containerPort(9000).build()),
                shell("app", "sleep 600").dependsOn(d -> d.containerName("init").condition("SUCCESS")),
                shell("sidecar", "sleep 600").essential(false)
                        .dependsOn(d -> d.containerName("app").condition("START")));
        Task task = runOne("ordered", null);
        Task early = await(client, CLUSTER, task.taskArn(), Duration.ofSeconds(60),
                t -> "RUNNING".equals(containerOf(t, "init").lastStatus()));
        assertEquals("PENDING", containerOf(early, "app").lastStatus(), "app waits for init to succeed");
        assertEquals("PENDING", containerOf(early, "sidecar").lastStatus());
        assertEquals("PENDING", early.lastStatus());
        int port = containerOf(early, "init").networkBindings().get(0).hostPort();
        Task running = Await.until("app started once init exited", Duration.ofSeconds(60), () -> {
            // docker-proxy accepts even before nc listens, so poke until init has really exited
            try (java.net.Socket poke = new java.net.Socket("127.0.0.1", port)) {
                poke.getOutputStream().write('x');
            } catch (java.io.IOException notYet) {
                // the proxy may refuse while the container starts or after it exited
            }
            return describe(client, CLUSTER, task.taskArn());
        }, now -> "RUNNING".equals(now.lastStatus()));
        assertNotNull(running, "app started once init exited");
        assertEquals(0, containerOf(running, "init").exitCode());
        ContainerState init = hangar.runtime().inspect(containerOf(running, "init").runtimeId());
        ContainerState app = hangar.runtime().inspect(containerOf(running, "app").runtimeId());
        ContainerState sidecar = hangar.runtime().inspect(containerOf(running, "sidecar").runtimeId());
        assertTrue(!app.startedAt().isBefore(init.finishedAt()), "app started after init finished");
        assertTrue(!sidecar.startedAt().isBefore(app.startedAt()), "sidecar started after app");
        client.stopTask(b -> b.cluster(CLUSTER).task(task.taskArn()));

        register(client, "unmet",
                shell("init", "exit 1").essential(false),
                shell("app", "sleep 600").dependsOn(d -> d.containerName("init").condition("SUCCESS")));
        Task failed = awaitStatus(client, CLUSTER, runOne("unmet", null).taskArn(), "STOPPED");
        assertEquals("STOPPED", containerOf(failed, "app").lastStatus());
        assertNull(containerOf(failed, "app").exitCode(), "app never ran");
        assertEquals(TaskStopCode.TASK_FAILED_TO_START, failed.stopCode());
    }

    @Test
    void dynamicHostPortServesTheWebPage() throws Exception {
        register(client, "web", container("web", WEB).portMappings(PortMapping.builder().containerPort(8080).build()));
        Task task = runOne("web", null);
        Task running = awaitStatus(client, CLUSTER, task.taskArn(), "RUNNING");
        var binding = running.containers().get(0).networkBindings().get(0);
        assertEquals(8080, binding.containerPort());
        assertEquals("127.0.0.1", binding.bindIP());
        assertTrue(binding.hostPort() > 0);

        String body = get(URI.create("http://127.0.0.1:" + binding.hostPort() + "/"), Duration.ofSeconds(10));
        assertTrue(body.contains("hangar-test web"), body);

        Instant stopAsked = Instant.now();
        client.stopTask(b -> b.cluster(CLUSTER).task(task.taskArn()));
        awaitStatus(client, CLUSTER, task.taskArn(), "STOPPED");
        assertTrue(Duration.between(stopAsked, Instant.now()).toSeconds() < 10,
                "httpd ignores SIGTERM as PID 1; with init it stops at once");
    }

    @Test
    void fargateSpotAwsvpcTaskIsReachableOnLocalhost() throws Exception {
        client.registerTaskDefinition(b -> b.family("fargate-web").networkMode("awsvpc")
                .requiresCompatibilitiesWithStrings("FARGATE").cpu("256").memory("512")
                .containerDefinitions(container("web", WEB).memory(null)
                        .portMappings(PortMapping.builder().containerPort(8080).build()).build()));
        Task task = client.runTask(b -> b.cluster(CLUSTER).taskDefinition("fargate-web")
                .capacityProviderStrategy(s -> s.capacityProvider("FARGATE_SPOT").weight(1))
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-12345678")))).tasks().get(0);
        assertEquals(LaunchType.FARGATE, task.launchType());
        assertEquals("FARGATE_SPOT", task.capacityProviderName());
        assertEquals("1.4.0", task.platformVersion());
        assertEquals("256", task.cpu());
        assertEquals("512", task.memory());
        Task running = awaitStatus(client, CLUSTER, task.taskArn(), "RUNNING");
        int hostPort = running.containers().get(0).networkBindings().get(0).hostPort();
        assertTrue(hostPort > 0 && hostPort != 8080, "awsvpc publishes on a dynamic port locally: " + hostPort);
        assertTrue(get(URI.create("http://127.0.0.1:" + hostPort + "/"), Duration.ofSeconds(10))
                .contains("hangar-test web"));
        client.stopTask(b -> b.cluster(CLUSTER).task(task.taskArn()));
    }

    /** GET with retries while the server inside the container comes up. */
    private static String get(URI uri, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        Exception last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
                c.setConnectTimeout(1000);
                c.setReadTimeout(2000);
                try (InputStream in = c.getInputStream()) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            } catch (Exception e) {
                last = e;
                Thread.sleep(100);
            }
        }
        throw last;
    }

    @Test
    void unpullableImageFailsToStart() {
        register(client, "ghost", container("main", "127.0.0.1:1/hangar/none:latest"));
        Task task = runOne("ghost", null);
        Task stopped = awaitStatus(client, CLUSTER, task.taskArn(), "STOPPED");
        assertEquals(TaskStopCode.TASK_FAILED_TO_START, stopped.stopCode());
        assertTrue(stopped.stoppedReason().startsWith("CannotPullContainerError: "), stopped.stoppedReason());
        assertEquals("STOPPED", stopped.containers().get(0).lastStatus());
        assertNull(stopped.containers().get(0).exitCode());
        assertNull(stopped.startedAt());
    }

    /**
     * On AWS (no init process) a missing executable is "CannotStartContainerError". Hangar runs every container
     * with Docker's init, which starts fine and then fails to exec: the container exits 127 (documented gap).
     */
    @Test
    void missingExecutableExits127() {
        register(client, "badcmd", container("main", BUSYBOX, "/no/such/binary"));
        Task stopped = awaitStatus(client, CLUSTER, runOne("badcmd", null).taskArn(), "STOPPED");
        assertEquals(TaskStopCode.ESSENTIAL_CONTAINER_EXITED, stopped.stopCode());
        assertEquals(127, stopped.containers().get(0).exitCode());
    }

    @Test
    void outOfMemoryIsReported() {
        register(client, "hog", container("main", BUSYBOX, "sh", "-c", "tail /dev/zero").memory(8));
        Task stopped = awaitStatus(client, CLUSTER, runOne("hog", null).taskArn(), "STOPPED");
        assertEquals(137, stopped.containers().get(0).exitCode());
        assertEquals("OutOfMemoryError: Container killed due to memory usage", stopped.containers().get(0).reason());
        assertEquals(TaskStopCode.ESSENTIAL_CONTAINER_EXITED, stopped.stopCode());
    }
}
