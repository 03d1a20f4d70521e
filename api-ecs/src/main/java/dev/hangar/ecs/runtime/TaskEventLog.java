package dev.hangar.ecs.runtime;

import dev.hangar.ecs.domain.TaskRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.NetworkBinding;
import software.amazon.awssdk.services.ecs.model.Task;

import java.util.Collections;
import java.util.Map;
import java.util.StringJoiner;
import java.util.WeakHashMap;

/**
 * Hangar's own log of what happens to tasks, at INFO: a task started (family:revision, cluster, its containers with
 * their host ports) and stopped (stop code and reason). A {@link TaskObserver}: told after every change, it writes
 * each of the two lines once per task.
 */
public final class TaskEventLog implements TaskObserver {

    private static final Logger LOG = LoggerFactory.getLogger("dev.hangar.ecs.tasks");

    private enum Logged { STARTED, STOPPED }

    /** What was logged of each task; weak, so a task ECS forgets is forgotten here too. */
    private final Map<TaskRecord, Logged> logged = Collections.synchronizedMap(new WeakHashMap<>());

    @Override
    public void changed(TaskRecord task) {
        if (!task.active()) {
            // a task that never ran is logged too (TaskFailedToStart and its reason)
            if (logged.put(task, Logged.STOPPED) != Logged.STOPPED) {
                stopped(task.toSdk(false), task);
            }
            return;
        }
        if (task.countsAsRunning() && logged.putIfAbsent(task, Logged.STARTED) == null) {
            Task t = task.toSdk(false);
            LOG.info("ECS task {} started: {}:{} in cluster {}, containers {}", task.id(), task.definition().family(),
                    task.definition().revision(), task.cluster().name(), containers(t));
        }
    }

    private static void stopped(Task t, TaskRecord task) {
        LOG.info("ECS task {} stopped: {}:{} in cluster {}, {}: {}", task.id(), task.definition().family(),
                task.definition().revision(), task.cluster().name(), t.stopCodeAsString(), t.stoppedReason());
    }

    /** "web (127.0.0.1:32768->8080/tcp), side" */
    static String containers(Task t) {
        StringJoiner all = new StringJoiner(", ");
        for (Container c : t.containers()) {
            StringJoiner ports = new StringJoiner(", ");
            for (NetworkBinding b : c.networkBindings()) {
                ports.add(b.bindIP() + ":" + b.hostPort() + "->" + b.containerPort() + "/" + b.protocolAsString());
            }
            all.add(ports.length() == 0 ? c.name() : c.name() + " (" + ports + ")");
        }
        return all.toString();
    }
}
