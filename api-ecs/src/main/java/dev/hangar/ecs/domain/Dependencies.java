package dev.hangar.ecs.domain;

import software.amazon.awssdk.services.ecs.model.ContainerCondition;
import software.amazon.awssdk.services.ecs.model.ContainerDependency;

import java.util.List;
import java.util.Map;

/** dependsOn: when a container may start, and when one may stop (after everything that depends on it). */
final class Dependencies {

    enum Readiness { READY, WAIT, NEVER }

    private Dependencies() {
    }

    /** Whether every dependency of the container is met, one still may be, or one never will be. */
    static Readiness readiness(TaskContainer c, Map<String, TaskContainer> byName) {
        Readiness result = Readiness.READY;
        for (ContainerDependency dep : c.definition().dependsOn()) {
            TaskContainer d = byName.get(dep.containerName());
            Readiness r = d == null ? Readiness.NEVER : met(d, dep.condition());
            if (r == Readiness.NEVER) {
                return r;
            }
            if (r == Readiness.WAIT) {
                result = r;
            }
        }
        return result;
    }

    private static Readiness met(TaskContainer d, ContainerCondition condition) {
        boolean done = d.stopped();
        if (done && !d.everStarted) {
            return Readiness.NEVER;
        }
        if (condition == ContainerCondition.COMPLETE) {
            return done ? Readiness.READY : Readiness.WAIT;
        }
        if (condition == ContainerCondition.SUCCESS) {
            if (!done) {
                return Readiness.WAIT;
            }
            return Integer.valueOf(0).equals(d.exitCode) ? Readiness.READY : Readiness.NEVER;
        }
        // START, HEALTHY (no health checks yet) and values unknown to this SDK
        return d.everStarted ? Readiness.READY : Readiness.WAIT;
    }

    /** Whether a container that depends on this one has not stopped yet. */
    static boolean hasLiveDependant(TaskContainer dependency, List<TaskContainer> containers) {
        for (TaskContainer c : containers) {
            if (!c.stopped() && c.definition().dependsOn().stream()
                    .anyMatch(d -> dependency.name().equals(d.containerName()))) {
                return true;
            }
        }
        return false;
    }
}
