package dev.hangar.ecs.runtime;

import dev.hangar.ecs.domain.TaskRecord;

/**
 * Told after a task's state may have changed (a container started, exited, turned healthy or unhealthy, the task
 * stopped), outside the task's lock and on a worker thread. The service scheduler reads the task's state then: it is
 * how a replacement is launched as soon as the engine reports a death, without polling.
 */
@FunctionalInterface
public interface TaskObserver {

    void changed(TaskRecord task);
}
