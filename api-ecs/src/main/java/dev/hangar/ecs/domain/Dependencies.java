package dev.hangar.ecs.domain;

import software.amazon.awssdk.services.ecs.model.ContainerCondition;
import software.amazon.awssdk.services.ecs.model.ContainerDependency;

import software.amazon.awssdk.services.ecs.model.HealthStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * dependsOn: when a container may start, and when one may stop (after everything that depends on it). As the ECS
 * agent decides it (agent/engine/dependencygraph/graph.go): HEALTHY waits for the dependency's health check to pass
 * (an UNHEALTHY one may still recover, as a Docker health check does); a dependency that stopped first can never be
 * met; and a dependency with a startTimeout that has not reached its SUCCESS, COMPLETE or HEALTHY condition within
 * that time after it started never will.
 */
final class Dependencies {

    enum Readiness { READY, WAIT, NEVER }

    private Dependencies() {
    }

    /** Whether every dependency of the container is met, one still may be, or one never will be. */
    static Readiness readiness(TaskContainer c, Map<String, TaskContainer> byName, Instant now) {
        Readiness result = Readiness.READY;
        for (ContainerDependency dep : c.definition().dependsOn()) {
            TaskContainer d = byName.get(dep.containerName());
            Readiness r = d == null ? Readiness.NEVER : met(d, dep.condition());
            if (r == Readiness.WAIT && timedOut(d, dep.condition(), now)) {
                r = Readiness.NEVER;
            }
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
        if (condition == ContainerCondition.HEALTHY) {
            if (d.health == HealthStatus.HEALTHY) {
                return Readiness.READY;
            }
            return done ? Readiness.NEVER : Readiness.WAIT;
        }
        // START and values unknown to this SDK
        return d.everStarted ? Readiness.READY : Readiness.WAIT;
    }

    /** The dependency's startTimeout, counted from its start, has run out for a condition that takes time. */
    private static boolean timedOut(TaskContainer d, ContainerCondition condition, Instant now) {
        Integer timeout = d.definition().startTimeout();
        if (timeout == null || timeout <= 0 || d.startedAt == null || d.stopped() || now == null) {
            return false;
        }
        boolean waits = condition == ContainerCondition.SUCCESS || condition == ContainerCondition.COMPLETE
                || condition == ContainerCondition.HEALTHY;
        return waits && now.isAfter(d.startedAt.plus(Duration.ofSeconds(timeout)));
    }

    /** How long after its start the container's startTimeout may end a dependant's wait, or null when it cannot. */
    static Duration startTimeoutToWatch(TaskContainer d, List<TaskContainer> containers) {
        Integer timeout = d.definition().startTimeout();
        if (timeout == null || timeout <= 0) {
            return null;
        }
        for (TaskContainer c : containers) {
            for (ContainerDependency dep : c.definition().dependsOn()) {
                if (d.name().equals(dep.containerName()) && dep.condition() != ContainerCondition.START) {
                    return Duration.ofSeconds(timeout);
                }
            }
        }
        return null;
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
