package dev.hangar.ecs.runtime;

import dev.hangar.core.port.LogSink;
import dev.hangar.core.port.Ports;
import dev.hangar.core.resource.Arn;
import dev.hangar.ecs.domain.TaskContainer;
import dev.hangar.ecs.domain.TaskRecord;
import dev.hangar.runtime.ContainerRuntime;
import dev.hangar.runtime.ContainerRuntimeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.ecs.model.LogConfiguration;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Ships the output of containers that use the awslogs driver to the log sink (CloudWatch Logs when wired), under
 * the group and stream the awslogs driver would use: "&lt;prefix&gt;/&lt;container&gt;/&lt;task id&gt;" with
 * awslogs-stream-prefix, else the Docker container id.
 */
final class TaskLogs {

    private static final Logger LOG = LoggerFactory.getLogger(TaskLogs.class);

    private final ContainerRuntime runtime;
    private final Ports.Ref<LogSink> sink;

    TaskLogs(ContainerRuntime runtime, Ports.Ref<LogSink> sink) {
        this.runtime = runtime;
        this.sink = sink;
    }

    /** ECS's reason when the awslogs driver finds no log group, as the agent reports it. */
    static final String GROUP_MISSING = "ResourceInitializationError: failed to validate logger args: create stream"
            + " has been retried 1 times: failed to create Cloudwatch log stream: ResourceNotFoundException: The"
            + " specified log group does not exist. : exit status 1";

    /**
     * Before the task's containers are made, as the awslogs driver does: each awslogs group must exist, or is
     * created when the container asks for it (awslogs-create-group true). Returns false, having failed the task to
     * start with ECS's reason, when a group is missing.
     */
    boolean prepareGroups(TaskRecord task, Instant now) {
        LogSink logs = sink.get();
        Arn arn = Arn.parse(task.arn());
        for (TaskContainer container : task.containers()) {
            LogConfiguration config = container.definition().logConfiguration();
            if (config == null || !"awslogs".equals(config.logDriverAsString())) {
                continue;
            }
            Map<String, String> options = config.options();
            String group = options.get("awslogs-group");
            if (group == null || group.isEmpty()) {
                continue;
            }
            String region = options.getOrDefault("awslogs-region", arn.region());
            if (isTrue(options.get("awslogs-create-group"))) {
                logs.createGroup(arn.account(), region, group);
            } else if (!logs.groupExists(arn.account(), region, group)) {
                task.failToStart(GROUP_MISSING, now);
                return false;
            }
        }
        return true;
    }

    /** As the Docker awslogs driver reads it (Go's ParseBool): 1, t, T, TRUE, true, True. */
    private static boolean isTrue(String value) {
        return value != null && List.of("1", "t", "T", "TRUE", "true", "True").contains(value);
    }

    /**
     * Starts following a created container's output when it asks for awslogs, before it starts so that no line is
     * missed; the runtime ends the follow when the container stops. Returns null when there is nothing to follow.
     */
    AutoCloseable follow(TaskRecord task, TaskContainer container) {
        LogConfiguration config = container.definition().logConfiguration();
        LogSink logs = sink.get();
        if (logs == LogSink.NONE || config == null || !"awslogs".equals(config.logDriverAsString())) {
            return null;
        }
        Map<String, String> options = config.options();
        String group = options.get("awslogs-group");
        if (group == null || group.isEmpty()) {
            return null;
        }
        Arn arn = Arn.parse(task.arn());
        String region = options.getOrDefault("awslogs-region", arn.region());
        String prefix = options.get("awslogs-stream-prefix");
        String stream = prefix == null || prefix.isEmpty() ? container.runtimeId()
                : prefix + "/" + container.name() + "/" + task.id();
        try {
            return runtime.followLogs(container.runtimeId(), line -> logs.append(arn.account(), region, group, stream,
                    List.of(new LogSink.LogEvent(line.time().toEpochMilli(), line.text()))));
        } catch (ContainerRuntimeException e) {
            LOG.warn("cannot follow the output of {} in {}: {}", container.name(), task.arn(), e.getMessage());
            return null;
        }
    }
}
