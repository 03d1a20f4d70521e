package dev.hangar.ecs;

import dev.hangar.core.port.LogSink;
import dev.hangar.core.port.Ports;
import dev.hangar.core.port.TaskPort;
import dev.hangar.core.resource.Page;
import dev.hangar.core.resource.ResourceTags;
import dev.hangar.core.service.AwsService;
import dev.hangar.core.service.Protocol;
import dev.hangar.core.service.RequestContext;
import dev.hangar.core.service.RunsOn;
import dev.hangar.core.service.ServiceContext;
import dev.hangar.core.service.ServiceDescriptor;
import dev.hangar.core.state.AccountRegionStore;
import dev.hangar.core.time.HangarClock;
import dev.hangar.ecs.domain.ClusterRecord;
import dev.hangar.ecs.domain.TaskRecord;
import dev.hangar.ecs.runtime.TaskLifecycle;
import dev.hangar.runtime.ContainerRuntime;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.*;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * Amazon ECS: clusters, task definitions, and tasks that run as Docker containers. The handlers only touch memory;
 * containers are started and stopped in the background by {@link TaskLifecycle}.
 */
@RunsOn(RunsOn.Pool.EVENT_LOOP)
public final class EcsService implements AwsService {

    private final AccountRegionStore<EcsRegion> regions;
    private final TaskLifecycle lifecycle;
    /** What ECS's timestamps say and when its stopped tasks are forgotten: Hangar's clock. */
    private final HangarClock clock;

    /**
     * As Hangar makes it: the container runtime from the ports, engine calls on the engine's executor, time from
     * Hangar's clock.
     */
    public EcsService(ServiceContext ctx) {
        this(ctx.ports().require(ContainerRuntime.class), ctx.engine(), ctx.ports().ref(LogSink.class, LogSink.NONE),
                ctx.clock());
        ctx.ports().provide(TaskPort.class, new EcsTaskPort(ctx.calls(), this::taskByArn, lifecycle::whenStopped));
    }

    private EcsService(ContainerRuntime runtime, ExecutorService engine, Ports.Ref<LogSink> logs, HangarClock clock) {
        this.clock = clock;
        this.regions = new AccountRegionStore<>((account, region) -> new EcsRegion(account, region, clock));
        this.lifecycle = new TaskLifecycle(runtime, engine, logs, clock);
    }

    @Override
    public ServiceDescriptor descriptor() {
        return ServiceDescriptor.builder("ecs").protocols(Protocol.AWS_JSON_1_1)
                .targetPrefix("AmazonEC2ContainerServiceV20141113").sdkClient(EcsClient.class).facts(EcsFacts.FACTS)
                .build();
    }

    /** The task of that ARN in that account and region, or null (for the TaskPort). */
    private TaskRecord taskByArn(String account, String region, String taskArn) {
        String id = EcsArns.taskId(taskArn);
        TaskRecord task = id == null ? null : regions.get(account, region).state.task(id);
        return task != null && task.arn().equals(taskArn) ? task : null;
    }

    @Override
    public void reset() {
        regions.clear();
        lifecycle.reset();
    }

    private EcsRegion region(RequestContext ctx) {
        return regions.get(ctx);
    }

    // ---- clusters ----

    public CreateClusterResponse createCluster(RequestContext ctx, CreateClusterRequest r) {
        EcsRegion region = region(ctx);
        String name = r.clusterName() == null ? "default" : r.clusterName();
        EcsValidation.clusterName(name);
        EcsTagging.check(r.tags());
        ClusterRecord cluster = region.state.createCluster(name, region.arns.cluster(name));
        cluster.configure(r.settings(), r.configuration(), r.capacityProviders(), r.defaultCapacityProviderStrategy(),
                r.serviceConnectDefaults() == null ? null : r.serviceConnectDefaults().namespace());
        EcsTagging.add(cluster.tags(), r.tags());
        EnumSet<ClusterField> shown = EnumSet.of(ClusterField.SETTINGS, ClusterField.CONFIGURATIONS);
        if (!cluster.tags().isEmpty()) {
            shown.add(ClusterField.TAGS);
        }
        return CreateClusterResponse.builder().cluster(cluster.toSdk(region.state.counts(cluster), shown)).build();
    }

    public DescribeClustersResponse describeClusters(RequestContext ctx, DescribeClustersRequest r) {
        EcsRegion region = region(ctx);
        List<String> names = r.hasClusters() && !r.clusters().isEmpty() ? r.clusters() : List.of("default");
        List<Cluster> found = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (String nameOrArn : names) {
            String name = region.arns.clusterName(nameOrArn);
            ClusterRecord cluster = name == null ? null : region.state.cluster(name);
            if (cluster == null) {
                String arn = nameOrArn.startsWith("arn:") ? nameOrArn : region.arns.cluster(nameOrArn);
                failures.add(Failure.builder().arn(arn).reason("MISSING").build());
            } else {
                found.add(cluster.toSdk(region.state.counts(cluster), r.include()));
            }
        }
        return DescribeClustersResponse.builder().clusters(found).failures(failures).build();
    }

    public ListClustersResponse listClusters(RequestContext ctx, ListClustersRequest r) {
        List<ClusterRecord> active = region(ctx).state.clusters().stream().filter(ClusterRecord::active).toList();
        Page<ClusterRecord> page = EcsPages.PAGER.page(r, active, ClusterRecord::listKey, EcsPages.size(r.maxResults()));
        return ListClustersResponse.builder().clusterArns(page.items().stream().map(ClusterRecord::arn).toList())
                .nextToken(page.nextToken()).build();
    }

    public DeleteClusterResponse deleteCluster(RequestContext ctx, DeleteClusterRequest r) {
        EcsRegion region = region(ctx);
        ClusterRecord cluster = region.activeCluster(r.cluster());
        if (!region.state.deleteClusterIfIdle(cluster)) {
            throw EcsErrors.clusterContainsTasks();
        }
        return DeleteClusterResponse.builder().cluster(cluster.toSdk(region.state.counts(cluster),
                EnumSet.of(ClusterField.SETTINGS, ClusterField.CONFIGURATIONS))).build();
    }

    // ---- task definitions ----

    public RegisterTaskDefinitionResponse registerTaskDefinition(RequestContext ctx, RegisterTaskDefinitionRequest r) {
        EcsRegion region = region(ctx);
        TaskDefinition registered = region.taskDefinitions.register(ctx, r);
        var response = RegisterTaskDefinitionResponse.builder().taskDefinition(registered);
        ResourceTags tags = region.taskDefinitions.registry().tags(registered.taskDefinitionArn());
        if (!tags.isEmpty()) {
            response.tags(EcsTagging.sdk(tags));
        }
        return response.build();
    }

    public DescribeTaskDefinitionResponse describeTaskDefinition(RequestContext ctx, DescribeTaskDefinitionRequest r) {
        EcsRegion region = region(ctx);
        TaskDefinition found = region.taskDefinitions.describe(r.taskDefinition());
        var response = DescribeTaskDefinitionResponse.builder().taskDefinition(found);
        if (r.include().contains(TaskDefinitionField.TAGS)) {
            response.tags(EcsTagging.sdk(region.taskDefinitions.registry().tags(found.taskDefinitionArn())));
        }
        return response.build();
    }

    public ListTaskDefinitionsResponse listTaskDefinitions(RequestContext ctx, ListTaskDefinitionsRequest r) {
        List<TaskDefinition> listed = region(ctx).taskDefinitions.list(r.familyPrefix(), r.status(), r.sort());
        Comparator<String> order = r.sort() == SortOrder.DESC ? Comparator.reverseOrder() : Comparator.naturalOrder();
        Page<TaskDefinition> page = EcsPages.PAGER.page(r, listed, TaskDefinitions::listKey, order,
                EcsPages.size(r.maxResults()));
        return ListTaskDefinitionsResponse.builder()
                .taskDefinitionArns(page.items().stream().map(TaskDefinition::taskDefinitionArn).toList())
                .nextToken(page.nextToken()).build();
    }

    public ListTaskDefinitionFamiliesResponse listTaskDefinitionFamilies(RequestContext ctx,
                                                                         ListTaskDefinitionFamiliesRequest r) {
        List<String> families = region(ctx).taskDefinitions.families(r.familyPrefix(), r.status());
        Page<String> page = EcsPages.PAGER.page(r, families, family -> family, EcsPages.size(r.maxResults()));
        return ListTaskDefinitionFamiliesResponse.builder().families(page.items()).nextToken(page.nextToken())
                .build();
    }

    public DeregisterTaskDefinitionResponse deregisterTaskDefinition(RequestContext ctx,
                                                                     DeregisterTaskDefinitionRequest r) {
        return DeregisterTaskDefinitionResponse.builder()
                .taskDefinition(region(ctx).taskDefinitions.deregister(r.taskDefinition())).build();
    }

    public DeleteTaskDefinitionsResponse deleteTaskDefinitions(RequestContext ctx, DeleteTaskDefinitionsRequest r) {
        TaskDefinitions.Deleted deleted = region(ctx).taskDefinitions.delete(r.taskDefinitions());
        return DeleteTaskDefinitionsResponse.builder().taskDefinitions(deleted.taskDefinitions())
                .failures(deleted.failures()).build();
    }

    // ---- tasks ----

    public RunTaskResponse runTask(RequestContext ctx, RunTaskRequest r) {
        EcsRegion region = region(ctx);
        ClusterRecord cluster = region.activeCluster(r.cluster());
        TaskDefinition definition = region.taskDefinitions.forRun(r.taskDefinition());
        var definitionTags = region.taskDefinitions.registry().tags(definition.taskDefinitionArn()).asMap();
        List<TaskRecord> tasks = TaskFactory.create(r, cluster, definition, definitionTags, region.arns, region.region,
                clock.now());
        List<TaskRecord> added = region.state.addTasks(cluster, r.clientToken(), tasks, clock.now());
        if (added == null) {
            throw EcsErrors.clusterNotFound();
        }
        // the response is taken before the launcher can move them on: RunTask answers PROVISIONING, as AWS does
        List<Task> out = added.stream().map(t -> t.toSdk(true)).toList();
        if (added == tasks) {
            tasks.forEach(lifecycle::launch);
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
        EcsRegion region = region(ctx);
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
        EcsRegion region = region(ctx);
        ClusterRecord cluster = region.activeCluster(r.cluster());
        String desired = r.desiredStatus() == null ? "RUNNING" : r.desiredStatusAsString();
        List<TaskRecord> matching = new ArrayList<>();
        if (r.serviceName() == null && r.containerInstance() == null && r.daemonName() == null) {
            for (TaskRecord t : region.state.tasksOf(cluster)) {
                if (desired.equals(t.desiredStatus())
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
        EcsRegion region = region(ctx);
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

    // ---- tags ----

    public TagResourceResponse tagResource(RequestContext ctx, TagResourceRequest r) {
        EcsTagging.check(r.tags());
        EcsTagging.add(EcsTagging.of(region(ctx), r.resourceArn()), r.tags());
        return TagResourceResponse.builder().build();
    }

    public UntagResourceResponse untagResource(RequestContext ctx, UntagResourceRequest r) {
        EcsTagging.of(region(ctx), r.resourceArn()).remove(r.tagKeys());
        return UntagResourceResponse.builder().build();
    }

    public ListTagsForResourceResponse listTagsForResource(RequestContext ctx, ListTagsForResourceRequest r) {
        return ListTagsForResourceResponse.builder().tags(EcsTagging.sdk(EcsTagging.of(region(ctx), r.resourceArn())))
                .build();
    }
}
