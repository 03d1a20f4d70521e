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
