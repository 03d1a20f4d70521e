package dev.hangar.ecs.runtime;

import dev.hangar.ecs.EcsArns;
import dev.hangar.ecs.TaskFactory;
import dev.hangar.ecs.domain.ClusterRecord;
import dev.hangar.ecs.domain.TaskRecord;
import dev.hangar.runtime.ContainerSpec;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RunTask request + task definition → what the engine is asked to run, without an engine. */
class ContainerSpecsTest {

    private static final EcsArns ARNS = new EcsArns("us-east-1", "000000000000");

    private static TaskDefinition definition(NetworkMode mode, String taskMemory, ContainerDefinition... containers) {
        return TaskDefinition.builder().family("fam").revision(3).networkMode(mode).memory(taskMemory)
                .taskDefinitionArn(ARNS.taskDefinition("fam", 3)).containerDefinitions(containers).build();
    }

    private static TaskRecord task(TaskDefinition td, RunTaskRequest.Builder request) {
        ClusterRecord cluster = new ClusterRecord("c", ARNS.cluster("c"));
        return TaskFactory.create(request.taskDefinition("fam").build(), cluster, td, Map.of(), ARNS, "us-east-1",
                Instant.now()).get(0);
    }

    @Test
    void limitsEnvironmentCommandLabelsAndName() {
        ContainerDefinition app = ContainerDefinition.builder().name("app").image("img").cpu(512).memory(256)
                .memoryReservation(128).command("serve").entryPoint("/bin/sh", "-c")
                .environment(KeyValuePair.builder().name("A").value("1").build(),
                        KeyValuePair.builder().name("B").value("2").build())
                .dockerLabels(Map.of("mine", "yes")).build();
        TaskRecord task = task(definition(NetworkMode.BRIDGE, null, app), RunTaskRequest.builder()
                .overrides(o -> o.containerOverrides(c -> c.name("app").command("other")
                        .environment(KeyValuePair.builder().name("B").value("3").build()).memory(300))));
        ContainerSpec spec = ContainerSpecs.of(task, task.container("app"));
        assertEquals("img", spec.image());
        assertEquals("ecs-fam-3-app-" + task.id(), spec.name());
        assertEquals(List.of("/bin/sh", "-c"), spec.entrypoint());
        assertEquals(List.of("other"), spec.command());
        // ECS's own variables first (TaskEnvironment); the definition's and the overrides' win over them
        assertEquals(Map.of("A", "1", "B", "3", "AWS_REGION", "us-east-1", "AWS_DEFAULT_REGION", "us-east-1"),
                spec.environment());
        assertEquals(300L * 1024 * 1024, spec.memoryBytes());
        assertEquals(128L * 1024 * 1024, spec.memoryReservationBytes());
        assertEquals(512, spec.cpuShares());
        assertTrue(spec.init());
        assertEquals(task.arn(), spec.labels().get("hangar.resource"));
        assertEquals("app", spec.labels().get("hangar.ecs.container"));
        assertEquals("yes", spec.labels().get("mine"));
        assertEquals("c", spec.labels().get("com.amazonaws.ecs.cluster"));
    }

    @Test
    void portsPerNetworkModeAlwaysOnLocalhost() {
        ContainerDefinition fixed = ContainerDefinition.builder().name("a").image("img").memory(64)
                .portMappings(PortMapping.builder().containerPort(80).hostPort(8081).build(),
                        PortMapping.builder().containerPort(81).hostPort(0).build(),
                        PortMapping.builder().containerPort(53).protocol("udp").build()).build();
        TaskRecord bridgeTask = task(definition(NetworkMode.BRIDGE, null, fixed), RunTaskRequest.builder());
        ContainerSpec bridge = ContainerSpecs.of(bridgeTask, bridgeTask.container("a"));
        assertEquals(List.of(new ContainerSpec.PortMapping(80, 8081, "tcp", "127.0.0.1"),
                new ContainerSpec.PortMapping(81, 0, "tcp", "127.0.0.1"),
                new ContainerSpec.PortMapping(53, 0, "udp", "127.0.0.1")), bridge.ports());

        ContainerDefinition awsvpc = ContainerDefinition.builder().name("a").image("img")
                .portMappings(PortMapping.builder().containerPort(80).hostPort(80).build()).build();
        TaskRecord fargate = task(definition(NetworkMode.AWSVPC, "512", awsvpc), RunTaskRequest.builder()
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("s"))));
        ContainerSpec spec = ContainerSpecs.of(fargate, fargate.container("a"));
        assertEquals(0, spec.ports().get(0).hostPort(), "awsvpc: dynamic, tasks share the host's address");
        assertEquals(512L * 1024 * 1024, spec.memoryBytes(), "task-level memory when the container has none");
        assertNull(spec.cpuShares());
    }

    @Test
    void membersVolumesAndTheImagesHealthCheckTurnedOff() {
        ContainerDefinition app = ContainerDefinition.builder().name("app").image("img").memory(64)
                .healthCheck(h -> h.command("CMD-SHELL", "true").interval(10))
                .hostname("h").privileged(true).readonlyRootFilesystem(true).pseudoTerminal(true).interactive(true)
                .ulimits(u -> u.name("nofile").softLimit(10).hardLimit(20))
                .systemControls(c -> c.namespace("net.core.somaxconn").value("512"))
                .linuxParameters(l -> l.capabilities(c -> c.add("SYS_PTRACE").drop("NET_RAW")).sharedMemorySize(16)
                        .tmpfs(t -> t.containerPath("/t").size(4).mountOptions("noexec", "nosuid")).maxSwap(8)
                        .swappiness(30).devices(d -> d.hostPath("/dev/fuse").permissionsWithStrings("read", "write")))
                .mountPoints(m -> m.sourceVolume("host").containerPath("/h").readOnly(true),
                        m -> m.sourceVolume("scratch").containerPath("/s"))
                .build();
        ContainerDefinition other = ContainerDefinition.builder().name("other").image("img").memory(64)
                .volumesFrom(f -> f.sourceContainer("app")).build();
        TaskDefinition td = definition(NetworkMode.BRIDGE, null, other, app).toBuilder()
                .volumes(v -> v.name("host").host(h -> h.sourcePath("/srv")), v -> v.name("scratch")).build();
        TaskRecord task = task(td, RunTaskRequest.builder());
        ContainerSpec spec = ContainerSpecs.of(task, task.container("app"));
        assertEquals(java.time.Duration.ofSeconds(10), spec.healthCheck().interval());
        assertEquals(java.time.Duration.ofSeconds(5), spec.healthCheck().timeout(), "ECS's default");
        assertEquals("h", spec.hostname());
        assertTrue(spec.privileged() && spec.readonlyRootfs() && spec.tty() && spec.openStdin());
        assertEquals(List.of(new ContainerSpec.Ulimit("nofile", 10, 20)), spec.ulimits());
        assertEquals(Map.of("net.core.somaxconn", "512"), spec.sysctls());
        assertEquals(List.of("SYS_PTRACE"), spec.capAdd());
        assertEquals(List.of("NET_RAW"), spec.capDrop());
        assertEquals(16L << 20, spec.shmSizeBytes());
        assertEquals(Map.of("/t", "noexec,nosuid,size=4m"), spec.tmpfs());
        assertEquals(8L << 20, spec.swapBytes());
        assertEquals(30, spec.swappiness());
        assertEquals(List.of(new ContainerSpec.Device("/dev/fuse", null, "rw")), spec.devices());
        assertEquals(List.of(new ContainerSpec.Mount("/srv", "/h", true)), spec.mounts());
        assertEquals(List.of(new ContainerSpec.VolumeMount("ecs-fam-3-scratch-" + task.id(), "/s", false)),
                spec.volumeMounts());
        ContainerSpec borrower = ContainerSpecs.of(task, task.container("other"));
        assertEquals(ContainerSpec.HealthCheck.NONE, borrower.healthCheck());
        assertEquals(List.of(new ContainerSpec.VolumesFrom("ecs-fam-3-app-" + task.id(), false)),
                borrower.volumesFrom());
        assertEquals(List.of(task.container("app"), task.container("other")), TaskVolumes.creationOrder(task),
                "a volumesFrom source is created first");
    }
}
