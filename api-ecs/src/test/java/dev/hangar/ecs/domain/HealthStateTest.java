package dev.hangar.ecs.domain;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.HealthStatus;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskOverride;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Task health from its containers' checks, and dependsOn HEALTHY and startTimeout, without Docker. */
class HealthStateTest {

    private static TaskRecord task(ContainerDefinition... defs) {
        TaskDefinition td = TaskDefinition.builder().family("f").revision(1)
                .taskDefinitionArn("arn:aws:ecs:us-east-1:000000000000:task-definition/f:1")
                .containerDefinitions(defs).build();
        List<TaskContainer> containers = java.util.Arrays.stream(defs)
                .map(d -> new TaskContainer("arn:c/" + d.name(), d, null, Map.of(), null, 64, null)).toList();
        TaskRecord t = new TaskRecord("arn:t", "t", new ClusterRecord("c", "arn:c"), td, LaunchType.EC2, null,
                "family:f", null, TaskOverride.builder().build(), null, null, "us-east-1a", Instant.now(), containers,
                TaskRecord.RunOptions.NONE);
        t.pullStarted(Instant.now());
        t.pullStopped(Instant.now());
        t.containers().forEach(c -> t.containerCreated(c, "id-" + c.name()));
        t.provisioningDone(Instant.now());
        return t;
    }

    private static ContainerDefinition.Builder checked(String name) {
        return ContainerDefinition.builder().name(name).image("i").healthCheck(h -> h.command("CMD", "true"));
    }

    @Test
    void theTaskFollowsItsEssentialContainersWithChecks() {
        TaskRecord t = task(checked("a").build(), checked("b").build(), checked("side").essential(false).build(),
                ContainerDefinition.builder().name("plain").image("i").build());
        assertEquals(HealthStatus.UNKNOWN, t.healthStatus(), "no result yet");
        t.containerHealth(t.container("a"), HealthStatus.HEALTHY, Instant.now());
        assertEquals(HealthStatus.UNKNOWN, t.healthStatus(), "b has no result yet");
        t.containerHealth(t.container("b"), HealthStatus.HEALTHY, Instant.now());
        t.containerHealth(t.container("side"), HealthStatus.UNHEALTHY, Instant.now());
        assertEquals(HealthStatus.HEALTHY, t.healthStatus(), "a non-essential container does not count");
        assertFalse(t.containerHealth(t.container("plain"), HealthStatus.HEALTHY, Instant.now()), "no check of its own");
        assertTrue(t.containerHealth(t.container("b"), HealthStatus.UNHEALTHY, Instant.now()));
        assertEquals(HealthStatus.UNHEALTHY, t.healthStatus());
        assertEquals(HealthStatus.UNHEALTHY, t.toSdk(false).healthStatus());
        assertEquals(HealthStatus.UNKNOWN, t.toSdk(false).containers().get(3).healthStatus());
    }

    @Test
    void anEssentialContainerWithoutCheckLeavesTheTaskUnknown() {
        TaskRecord t = task(ContainerDefinition.builder().name("plain").image("i").build(),
                checked("side").essential(false).build());
        t.containerHealth(t.container("side"), HealthStatus.HEALTHY, Instant.now());
        assertEquals(HealthStatus.UNKNOWN, t.healthStatus());
    }

    @Test
    void healthyWaitsForTheCheckAndSurvivesAnUnhealthySpell() {
        TaskRecord t = task(checked("db").essential(false).build(), ContainerDefinition.builder().name("app")
                .image("i").dependsOn(d -> d.containerName("db").condition("HEALTHY")).build());
        Instant now = Instant.now();
        assertEquals(List.of(t.container("db")), t.claimStartable(now));
        t.containerStarted(t.container("db"), List.of(), now);
        assertEquals(List.of(), t.claimStartable(now));
        t.containerHealth(t.container("db"), HealthStatus.UNHEALTHY, now);
        assertEquals(List.of(), t.claimStartable(now), "an unhealthy dependency may still recover");
        t.containerHealth(t.container("db"), HealthStatus.HEALTHY, now);
        assertEquals(List.of(t.container("app")), t.claimStartable(now));
    }

    @Test
    void aStartTimeoutRunOutEndsTheWait() {
        TaskRecord t = task(checked("db").essential(false).startTimeout(10).build(), ContainerDefinition.builder()
                .name("app").image("i").dependsOn(d -> d.containerName("db").condition("HEALTHY")).build());
        Instant start = Instant.now();
        t.claimStartable(start);
        t.containerStarted(t.container("db"), List.of(), start);
        assertEquals(java.time.Duration.ofSeconds(10), t.startTimeoutToWatch(t.container("db")));
        assertEquals(List.of(), t.claimStartable(start.plusSeconds(10)), "not before it is over");
        assertEquals(List.of(), t.claimStartable(start.plusSeconds(11)));
        assertTrue(t.toSdk(false).containers().get(1).reason().startsWith("DependencyConditionNotMet"));
        assertTrue(t.stopRequested(), "an essential dependant that cannot start stops the task");
    }
}
