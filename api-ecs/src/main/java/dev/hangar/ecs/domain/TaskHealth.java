package dev.hangar.ecs.domain;

import software.amazon.awssdk.services.ecs.model.HealthStatus;

import java.util.List;

/**
 * A task's healthStatus as ECS computes it from the essential containers that have a health check: UNHEALTHY when
 * one is, HEALTHY when all are, else (none has a check, or one has no result yet) UNKNOWN. Non-essential containers
 * do not count.
 */
final class TaskHealth {

    private TaskHealth() {
    }

    /** Call under the task's lock: it reads the containers' mutable health. */
    static HealthStatus of(List<TaskContainer> containers) {
        boolean any = false;
        boolean allHealthy = true;
        for (TaskContainer c : containers) {
            if (!c.essential() || !c.hasHealthCheck()) {
                continue;
            }
            any = true;
            if (c.health == HealthStatus.UNHEALTHY) {
                return HealthStatus.UNHEALTHY;
            }
            allHealthy &= c.health == HealthStatus.HEALTHY;
        }
        return any && allHealthy ? HealthStatus.HEALTHY : HealthStatus.UNKNOWN;
    }
}
