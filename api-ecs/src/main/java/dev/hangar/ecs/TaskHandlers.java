package dev.hangar.ecs;

import dev.hangar.core.resource.Page;
import dev.hangar.core.service.RequestContext;
import dev.hangar.core.service.RunsOn;
import dev.hangar.core.state.AccountRegionStore;
import dev.hangar.core.time.HangarClock;
import dev.hangar.ecs.domain.ClusterRecord;
import dev.hangar.ecs.domain.TaskRecord;
import dev.hangar.ecs.runtime.TaskLifecycle;
import software.amazon.awssdk.services.ecs.model.DescribeTasksRequest;
import software.amazon.awssdk.services.ecs.model.DescribeTasksResponse;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.ListTasksRequest;
import software.amazon.awssdk.services.ecs.model.ListTasksResponse;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.StopTaskRequest;
import software.amazon.awssdk.services.ecs.model.StopTaskResponse;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskField;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The task operations: RunTask, DescribeTasks, ListTasks, StopTask. They change the task records only; the
 * containers are started and stopped in the background by {@link TaskLifecycle}.
 *
 * @param placement where RunTask's tasks go (the cluster's container instance), or which do not fit
 * @param clock what the tasks' timestamps say and when stopped tasks are forgotten: Hangar's clock
 */
@RunsOn(RunsOn.Pool.EVENT_LOOP)
record TaskHandlers(AccountRegionStore<EcsRegion> regions, TaskLifecycle lifecycle, Placement placement,
                    HangarClock clock) {

    public CompletableFuture<RunTaskResponse> runTask(RequestContext ctx, RunTaskRequest r) {
        EcsRegion region = regions.get(ctx);
        ClusterRecord cluster = region.activeCluster(r.cluster());
        TaskDefinition definition = region.taskDefinitions.forRun(r.taskDefinition());
        var definitionTags = region.taskDefinitions.registry().tags(definition.taskDefinitionArn()).asMap();
        List<TaskRecord> tasks = TaskFactory.create(r, cluster, definition, definitionTags, region.arns,
                region.region, clock.now());
        region.checkNetwork(r.networkConfiguration(), tasks.get(0).launchType());
        // placement needs the host's size: asked of the engine the first time (then this runs on the engine pool)
        boolean placing = !cluster.containerInstances().isEmpty()
                && tasks.stream().anyMatch(t -> t.launchType() != LaunchType.FARGATE);
        CompletableFuture<?> host = placing ? placement.host().get() : CompletableFuture.completedFuture(null);
        return host.thenApply(known -> launch(region, cluster, r.clientToken(), tasks));
    }

    /** Places the tasks, adds those that fit and launches them; the others come back as failures. */
    private RunTaskResponse launch(EcsRegion region, ClusterRecord cluster, String clientToken,
                                   List<TaskRecord> tasks) {
        Placement.Result placed = placement.place(cluster, tasks);
        List<TaskRecord> added = region.state.addTasks(cluster, clientToken, placed.placed(), clock.now());
        if (added != placed.placed()) {
            placement.release(cluster, placed.placed());
        }
        if (added == null) {
            throw EcsErrors.clusterNotFound();
        }
        // the response is taken before the launcher can move them on: RunTask answers their first status, as AWS does
        List<Task> out = added.stream().map(t -> t.toSdk(true)).toList();
        if (added == placed.placed()) {
            added.forEach(lifecycle::launch);
            return RunTaskResponse.builder().tasks(out).failures(placed.failures()).build();
        }
        return RunTaskResponse.builder().tasks(out).failures(List.of()).build();
    }

    public DescribeTasksResponse describeTasks(RequestContext ctx, DescribeTasksRequest r) {
        if (r.tasks().isEmpty()) {
            throw EcsErrors.invalidParameter("Tasks cannot be empty.");
        }
        if (r.tasks().size() > 100) {
            throw EcsErrors.invalidParameter("Tasks cannot contain more than 100 elements.");
        }
        EcsRegion region = regions.get(ctx);
        ClusterRecord cluster = region.anyCluster(r.cluster());
        boolean tags = r.include().contains(TaskField.TAGS);
        List<Task> found = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (String idOrArn : r.tasks()) {
            TaskRecord task = region.task(cluster, idOrArn);
            if (task == null) {
                String arn = idOrArn.startsWith("arn:") ? idOrArn : region.arns.task(cluster.name(), idOrArn);
                failures.add(Failure.builder().arn(arn).reason("MISSING").build());
            } else {
                found.add(task.toSdk(tags));
            }
        }
        return DescribeTasksResponse.builder().tasks(found).failures(failures).build();
    }

    public ListTasksResponse listTasks(RequestContext ctx, ListTasksRequest r) {
        EcsRegion region = regions.get(ctx);
        ClusterRecord cluster = region.activeCluster(r.cluster());
        DesiredStatus desired = r.desiredStatus() == null ? DesiredStatus.RUNNING : r.desiredStatus();
        List<TaskRecord> matching = new ArrayList<>();
        String group = r.serviceName() == null ? null : "service:" + r.serviceName();
        if (r.containerInstance() == null && r.daemonName() == null) {
            for (TaskRecord t : region.state.tasksOf(cluster)) {
                if (t.desiredStatus() == desired
                        && (group == null || group.equals(t.group()))
                        && (r.family() == null || r.family().equals(t.definition().family()))
                        && (r.startedBy() == null || r.startedBy().equals(t.startedBy()))
                        && (r.launchType() == null || r.launchType() == t.launchType())) {
                    matching.add(t);
                }
            }
        }
        // creation order: two RunTasks on two event loops may add their tasks the other way round
        matching.sort(Comparator.comparing(TaskRecord::listKey));
        Page<TaskRecord> page = EcsPages.PAGER.page(r, matching, TaskRecord::listKey, EcsPages.size(r.maxResults()));
        return ListTasksResponse.builder().taskArns(page.items().stream().map(TaskRecord::arn).toList())
                .nextToken(page.nextToken()).build();
    }

    public StopTaskResponse stopTask(RequestContext ctx, StopTaskRequest r) {
        EcsRegion region = regions.get(ctx);
        ClusterRecord cluster = region.anyCluster(r.cluster());
        if (EcsArns.taskId(r.task()) == null) {
            throw EcsErrors.invalidParameter("Task Identifier is invalid");
        }
        TaskRecord task = region.task(cluster, r.task());
        if (task == null) {
            throw EcsErrors.invalidParameter("The referenced task was not found");
        }
        String reason = r.reason() == null || r.reason().isEmpty() ? "Task stopped by user" : r.reason();
        boolean stopping = task.requestStop(TaskStopCode.USER_INITIATED, reason, clock.now());
        Task snapshot = task.toSdk(false);
        if (stopping) {
            lifecycle.stop(task);
        }
        return StopTaskResponse.builder().task(snapshot).build();
    }
}
