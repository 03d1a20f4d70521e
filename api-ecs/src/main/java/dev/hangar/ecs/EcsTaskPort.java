package dev.hangar.ecs;

import dev.hangar.core.port.TaskPort;
import dev.hangar.core.service.ServiceCalls;
import dev.hangar.ecs.domain.TaskRecord;
import software.amazon.awssdk.services.ecs.model.ContainerOverride;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskOverride;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * ECS's side of {@link TaskPort}: a task another service runs is a RunTask through the in-process client (same
 * checks, same launch), and its end is learned from the task's own lifecycle, not by polling DescribeTasks.
 */
final class EcsTaskPort implements TaskPort {

    /** The task of that ARN in that account and region, or null. */
    interface Lookup {
        TaskRecord task(String account, String region, String taskArn);
    }

    private final ServiceCalls calls;
    private final Lookup lookup;
    private final Function<TaskRecord, CompletableFuture<TaskRecord>> whenStopped;

    EcsTaskPort(ServiceCalls calls, Lookup lookup, Function<TaskRecord, CompletableFuture<TaskRecord>> whenStopped) {
        this.calls = calls;
        this.lookup = lookup;
        this.whenStopped = whenStopped;
    }

    @Override
    public CompletableFuture<List<String>> run(Launch launch) {
        List<ContainerOverride> overrides = new ArrayList<>();
        if (launch.environment() != null) {
            launch.environment().forEach((container, variables) -> overrides.add(ContainerOverride.builder()
                    .name(container)
                    .environment(variables.entrySet().stream()
                            .map(e -> KeyValuePair.builder().name(e.getKey()).value(e.getValue()).build()).toList())
                    .build()));
        }
        RunTaskRequest.Builder request = RunTaskRequest.builder()
                .cluster(launch.cluster())
                .taskDefinition(launch.taskDefinition())
                .count(launch.count())
                .startedBy(launch.startedBy());
        if (!overrides.isEmpty()) {
            request.overrides(TaskOverride.builder().containerOverrides(overrides).build());
        }
        CompletableFuture<RunTaskResponse> answer = calls.call(
                new ServiceCalls.Caller(launch.account(), launch.region()), request.build());
        return answer.thenApply(r -> r.tasks().stream()
                .map(Task::taskArn).toList());
    }

    @Override
    public CompletableFuture<Stopped> whenStopped(String account, String region, String taskArn) {
        TaskRecord task = lookup.task(account, region, taskArn);
        if (task == null) {
            return CompletableFuture.failedFuture(InvalidParameterException.builder()
                    .message("The referenced task was not found").build());
        }
        return whenStopped.apply(task).thenApply(EcsTaskPort::stopped);
    }

    private static Stopped stopped(TaskRecord task) {
        Task shown = task.toSdk(false);
        Map<String, Integer> exitCodes = new LinkedHashMap<>();
        shown.containers().forEach(c -> exitCodes.put(c.name(), c.exitCode()));
        return new Stopped(shown.taskArn(), shown.stopCodeAsString(), shown.stoppedReason(), exitCodes);
    }
}
