package dev.hangar.ecs.domain;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskOverride;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The task's rules without Docker: races between exits, starts and stops resolve one way only. */
class TaskStateTest {

    private static TaskRecord task(ContainerDefinition... defs) {
        TaskDefinition td = TaskDefinition.builder().family("f").revision(1)
                .taskDefinitionArn("arn:aws:ecs:us-east-1:000000000000:task-definition/f:1")
                .containerDefinitions(defs).build();
        List<TaskContainer> containers = java.util.Arrays.stream(defs)
                .map(d -> new TaskContainer("arn:c/" + d.name(), d, null, Map.of(), null, 64, null)).toList();
        return new TaskRecord("arn:t", "t", new ClusterRecord("c", "arn:c"), td, LaunchType.EC2, null, "family:f", null,
                TaskOverride.builder().build(), null, null, "us-east-1a", Instant.now(), containers,
                TaskRecord.RunOptions.NONE);
    }

    private static ContainerDefinition def(String name, boolean essential) {
        return ContainerDefinition.builder().name(name).image("i").essential(essential).build();
    }

    private static void created(TaskRecord t) {
        t.pullStarted(Instant.now());
        t.pullStopped(Instant.now());
        t.containers().forEach(c -> t.containerCreated(c, "id-" + c.name()));
        t.provisioningDone(Instant.now());
    }

    @Test
    void anExitReportedBeforeStartReturnedWins() {
        TaskRecord t = task(def("main", true));
        created(t);
        TaskContainer main = t.claimStartable(Instant.now()).get(0);
        assertTrue(t.containerExited(main, 3, false, Instant.now()));
        t.containerStarted(main, List.of(), Instant.now());
        var sdk = t.toSdk(false);
        assertEquals("STOPPED", sdk.containers().get(0).lastStatus());
        assertEquals(3, sdk.containers().get(0).exitCode());
        assertEquals(TaskStopCode.ESSENTIAL_CONTAINER_EXITED, sdk.stopCode());
    }

    @Test
    void theFirstStopReasonStays() {
        TaskRecord t = task(def("main", true));
        created(t);
        assertTrue(t.requestStop(TaskStopCode.USER_INITIATED, "first", Instant.now()));
        assertFalse(t.requestStop(TaskStopCode.ESSENTIAL_CONTAINER_EXITED, "second", Instant.now()));
        assertEquals("first", t.toSdk(false).stoppedReason());
    }

    @Test
    void stopDuringProvisioningWaitsForTheLauncher() {
        TaskRecord t = task(def("a", true), def("b", false));
        t.pullStarted(Instant.now());
        t.containerCreated(t.container("a"), "id-a");
        t.requestStop(TaskStopCode.USER_INITIATED, "stop", Instant.now());
        assertEquals(List.of(t.container("a")), t.beginStopping(), "only what exists can be stopped");
        assertEquals(List.of(), t.beginStopping(), "each container is handed out once");
        t.containerStoppedByUs(t.container("a"), null, false, Instant.now());
        assertFalse(t.startDeprovisioning(Instant.now()), "the launcher is still at work");
        t.provisioningDone(Instant.now());
        t.beginStopping();
        assertTrue(t.startDeprovisioning(Instant.now()));
        assertFalse(t.startDeprovisioning(Instant.now()), "only once");
        assertEquals(TaskStatus.DEPROVISIONING, t.lastStatus());
        t.deprovisioned(Instant.now());
        assertEquals(TaskStatus.STOPPED, t.lastStatus());
    }

    @Test
    void containersStopInReverseDependencyOrder() {
        ContainerDefinition db = def("db", true);
        ContainerDefinition app = def("app", true).toBuilder()
                .dependsOn(d -> d.containerName("db").condition("START")).build();
        TaskRecord t = task(db, app);
        created(t);
        TaskContainer first = t.claimStartable(Instant.now()).get(0);
        assertEquals("db", first.name());
        t.containerStarted(first, List.of(), Instant.now());
        TaskContainer second = t.claimStartable(Instant.now()).get(0);
        assertEquals("app", second.name());
        t.containerStarted(second, List.of(), Instant.now());
        assertEquals(TaskStatus.RUNNING, t.lastStatus());

        t.requestStop(TaskStopCode.USER_INITIATED, "stop", Instant.now());
        assertEquals(List.of(t.container("app")), t.beginStopping(), "the dependant stops first");
        assertEquals(List.of(), t.beginStopping(), "db waits for app");
        t.containerStoppedByUs(t.container("app"), 143, false, Instant.now());
        assertEquals(List.of(t.container("db")), t.beginStopping());
    }

    @Test
    void nonEssentialExitKeepsTheTaskRunning() {
        TaskRecord t = task(def("main", true), def("side", false));
        created(t);
        for (TaskContainer c : t.claimStartable(Instant.now())) {
            t.containerStarted(c, List.of(), Instant.now());
        }
        assertEquals(TaskStatus.RUNNING, t.lastStatus());
        assertFalse(t.containerExited(t.container("side"), 1, false, Instant.now()));
        assertEquals(TaskStatus.RUNNING, t.lastStatus());
        assertTrue(t.containerExited(t.container("main"), 137, true, Instant.now()));
        assertEquals(TaskRecord.OOM_REASON, t.toSdk(false).containers().get(0).reason());
    }
}
