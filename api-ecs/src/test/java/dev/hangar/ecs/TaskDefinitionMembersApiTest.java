package dev.hangar.ecs;

import dev.hangar.runtime.ContainerEvent;
import dev.hangar.runtime.ContainerSpec;
import dev.hangar.testsupport.junit.FakeContainerRuntime;
import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.HealthCheck;
import software.amazon.awssdk.services.ecs.model.HealthStatus;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.Volume;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import static dev.hangar.ecs.EcsTestData.BUSYBOX;
import static dev.hangar.ecs.EcsTestData.await;
import static dev.hangar.ecs.EcsTestData.container;
import static dev.hangar.ecs.EcsTestData.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * RegisterTaskDefinition's checks of health checks, volumes and container members, the defaults it fills in, and what
 * the engine is asked for (on the fake engine, which also plays the health events).
 */
class TaskDefinitionMembersApiTest {

    @RegisterExtension
    static final HangarExtension hangar = HangarExtension.builder().service(EcsService::new).fakeRuntime().build();
    static EcsClient client;

    @BeforeAll
    static void client() {
        client = hangar.client(EcsClient.class);
        client.createCluster(b -> b.clusterName("m"));
    }

    private static TaskDefinition register(Consumer<RegisterTaskDefinitionRequest.Builder> extra,
                                           ContainerDefinition.Builder... containers) {
        RegisterTaskDefinitionRequest.Builder b = RegisterTaskDefinitionRequest.builder().family("m")
                .containerDefinitions(java.util.Arrays.stream(containers).map(ContainerDefinition.Builder::build)
                        .toList());
        extra.accept(b);
        return client.registerTaskDefinition(b.build()).taskDefinition();
    }

    private static String refused(Consumer<RegisterTaskDefinitionRequest.Builder> extra,
                                  ContainerDefinition.Builder... containers) {
        return message(assertThrows(ClientException.class, () -> register(extra, containers)));
    }

    private static ContainerDefinition.Builder app() {
        return container("app", BUSYBOX, "sleep", "60");
    }

    private static HealthCheck.Builder check() {
        return HealthCheck.builder().command("CMD-SHELL", "true");
    }

    @Test
    void healthCheckDefaultsAreFilledInAndRangesChecked() {
        TaskDefinition td = register(b -> { }, app().healthCheck(check().build()));
        HealthCheck shown = td.containerDefinitions().get(0).healthCheck();
        assertEquals(30, shown.interval());
        assertEquals(5, shown.timeout());
        assertEquals(3, shown.retries());
        assertNull(shown.startPeriod(), "ECS leaves startPeriod off");

        assertEquals("Invalid 'healthCheck.interval' setting for container 'app'. It must be between 5 and 300.",
                refused(b -> { }, app().healthCheck(check().interval(4).build())));
        assertEquals("Invalid 'healthCheck.timeout' setting for container 'app'. It must be between 2 and 60.",
                refused(b -> { }, app().healthCheck(check().timeout(61).build())));
        assertEquals("Invalid 'healthCheck.retries' setting for container 'app'. It must be between 1 and 10.",
                refused(b -> { }, app().healthCheck(check().retries(0).build())));
        assertEquals("Invalid 'healthCheck.startPeriod' setting for container 'app'. It must be between 0 and 300.",
                refused(b -> { }, app().healthCheck(check().startPeriod(301).build())));
        assertTrue(refused(b -> { }, app().healthCheck(HealthCheck.builder().command("curl", "x").build()))
                .startsWith("Invalid 'healthCheck.command' setting for container 'app'."));
    }

    @Test
    void volumesAndMountPointsAreCheckedAsEcsDoes() {
        assertEquals("Unknown volume 'data'.",
                refused(b -> { }, app().mountPoints(m -> m.sourceVolume("data").containerPath("/d"))));
        assertEquals("host.sourcePath should not be blank.",
                refused(b -> b.volumes(v -> v.name("data").host(h -> h.sourcePath(""))), app()));
        assertEquals("When 'scope' parameter is 'task', 'autoprovision' must either not be specified or set to 'True'.",
                refused(b -> b.volumes(v -> v.name("d").dockerVolumeConfiguration(d -> d.scope("task")
                        .autoprovision(false))), app()));
        assertEquals("volume.dockerVolumeConfiguration.driver should not be null or empty.",
                refused(b -> b.volumes(v -> v.name("d").dockerVolumeConfiguration(d -> d.driver(""))), app()));
        assertTrue(refused(b -> b.volumes(v -> v.name("d"), v -> v.name("d")), app()).startsWith("Volume names"));
        assertTrue(refused(b -> { }, app(), container("other", BUSYBOX)
                .volumesFrom(f -> f.sourceContainer("nobody"))).contains("volumesFrom"));
    }

    @Test
    void containerMembersEcsRefusesForTheNetworkModeOrFargate() {
        assertEquals("hostname is not supported on container when networkMode=awsvpc.",
                refused(b -> b.networkMode(NetworkMode.AWSVPC), app().hostname("h")));
        assertEquals("Extra hosts are not supported on container when networkMode=awsvpc",
                refused(b -> b.networkMode(NetworkMode.AWSVPC), app().extraHosts(h -> h.hostname("a").ipAddress("1.2.3.4"))));
        assertTrue(refused(b -> b.networkMode(NetworkMode.AWSVPC).requiresCompatibilities(Compatibility.FARGATE)
                .cpu("256").memory("512"), app().privileged(true)).contains("privileged"));
    }

    @Test
    void theEngineIsAskedForTheMembersAndTheTaskFollowsTheHealthEvents() throws Exception {
        FakeContainerRuntime engine = hangar.fake();
        client.registerTaskDefinition(b -> b.family("spec")
                .volumes(Volume.builder().name("scratch").build(),
                        Volume.builder().name("efs").efsVolumeConfiguration(e -> e.fileSystemId("fs-1")).build())
                .containerDefinitions(app().healthCheck(check().interval(5).build()).hostname("h1")
                                .mountPoints(m -> m.sourceVolume("scratch").containerPath("/s"),
                                        m -> m.sourceVolume("efs").containerPath("/e").readOnly(true)).build(),
                        container("plain", BUSYBOX).volumesFrom(f -> f.sourceContainer("app")).build()));
        String arn = client.runTask(b -> b.cluster("m").taskDefinition("spec")).tasks().get(0).taskArn();
        String taskId = arn.substring(arn.lastIndexOf('/') + 1);
        FakeContainerRuntime.Started first = engine.awaitStart();
        FakeContainerRuntime.Started second = engine.awaitStart();
        FakeContainerRuntime.Started app = first.spec().hostname() != null ? first : second;
        FakeContainerRuntime.Started plain = app == first ? second : first;

        ContainerSpec spec = app.spec();
        assertEquals(List.of("CMD-SHELL", "true"), spec.healthCheck().test());
        assertEquals(Duration.ofSeconds(5), spec.healthCheck().interval());
        assertEquals(3, spec.healthCheck().retries());
        assertEquals(List.of(new ContainerSpec.VolumeMount("ecs-spec-1-scratch-" + taskId, "/s", false),
                new ContainerSpec.VolumeMount("hangar-efs-000000000000-us-east-1-fs-1", "/e", true)),
                spec.volumeMounts());
        assertEquals(ContainerSpec.HealthCheck.NONE, plain.spec().healthCheck(), "the image's own check is off");
        assertEquals("ecs-spec-1-app-" + taskId, plain.spec().volumesFrom().get(0).container());
        assertTrue(engine.volumes().containsKey("ecs-spec-1-scratch-" + taskId));
        assertTrue(engine.volumes().containsKey("hangar-efs-000000000000-us-east-1-fs-1"));

        engine.health(app.id(), ContainerEvent.Health.HEALTHY);
        Task healthy = await(client, "m", arn, Duration.ofSeconds(10), t -> t.healthStatus() == HealthStatus.HEALTHY);
        assertEquals(HealthStatus.UNKNOWN, healthy.containers().stream().filter(c -> c.name().equals("plain"))
                .findFirst().orElseThrow().healthStatus());
        engine.health(app.id(), ContainerEvent.Health.UNHEALTHY);
        await(client, "m", arn, Duration.ofSeconds(10), t -> t.healthStatus() == HealthStatus.UNHEALTHY);
        engine.health(plain.id(), ContainerEvent.Health.HEALTHY); // no check of its own: ignored
        client.stopTask(b -> b.cluster("m").task(arn));
        await(client, "m", arn, Duration.ofSeconds(10), t -> "STOPPED".equals(t.lastStatus()));
        assertTrue(!engine.volumes().containsKey("ecs-spec-1-scratch-" + taskId), "removed with the task");
        assertTrue(engine.volumes().containsKey("hangar-efs-000000000000-us-east-1-fs-1"), "kept for other tasks");
    }
}
