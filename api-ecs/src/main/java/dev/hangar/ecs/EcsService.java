package dev.hangar.ecs;

import dev.hangar.core.admin.ConsoleView;
import dev.hangar.core.port.LogSink;
import dev.hangar.core.port.NetworkPort;
import dev.hangar.core.port.Ports;
import dev.hangar.core.port.TaskPort;
import dev.hangar.core.service.AwsService;
import dev.hangar.core.service.Protocol;
import dev.hangar.core.service.ServiceCalls;
import dev.hangar.core.service.ServiceContext;
import dev.hangar.core.service.ServiceDescriptor;
import dev.hangar.core.state.AccountRegionStore;
import dev.hangar.core.time.HangarClock;
import dev.hangar.ecs.domain.TaskRecord;
import dev.hangar.ecs.runtime.HostCapacity;
import dev.hangar.ecs.runtime.TaskEventLog;
import dev.hangar.ecs.runtime.ServiceScheduler;
import dev.hangar.core.port.CredentialsPort;
import dev.hangar.ecs.agent.AgentSettings;
import dev.hangar.ecs.agent.TaskAgent;
import dev.hangar.ecs.runtime.SubnetResolver;
import dev.hangar.ecs.runtime.TaskLifecycle;
import dev.hangar.ecs.runtime.TaskNetwork;
import dev.hangar.runtime.ContainerRuntime;
import software.amazon.awssdk.services.ecs.EcsClient;

import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * Amazon ECS: clusters, task definitions, and tasks that run as Docker containers. Its operations are handled by
 * one object per resource ({@link ClusterHandlers}, {@link TaskDefinitionHandlers}, {@link TaskHandlers},
 * {@link TagHandlers}), which only touch memory; containers are started and stopped in the background by
 * {@link TaskLifecycle}.
 */
public final class EcsService implements AwsService {

    private final AccountRegionStore<EcsRegion> regions;
    private final TaskLifecycle lifecycle;
    private final ServiceScheduler scheduler;
    /** Where tasks go: the cluster's container instance standing for the Docker host. */
    private final Placement placement;
    private final List<Object> handlers;
    private TaskAgent agent;

    /**
     * As Hangar makes it: the container runtime from the ports, engine calls on the engine's executor, time from
     * Hangar's clock.
     */
    public EcsService(ServiceContext ctx) {
        this(ctx.ports().require(ContainerRuntime.class), ctx.engine(), ctx.ports().ref(LogSink.class, LogSink.NONE),
                ctx.clock(), ctx.calls(), Placement.enabled(ctx.environment()), ctx.workers(),
                new NetworkChecks(ctx.ports().ref(NetworkPort.class, null)));
        ctx.ports().provide(TaskPort.class, new EcsTaskPort(ctx.calls(), this::taskByArn, lifecycle::whenStopped));
        // what tasks' containers reach at 169.254.170.2 (metadata, role credentials) and their awsvpc namespaces
        this.agent = new TaskAgent(ctx.ports().require(ContainerRuntime.class), ctx.listeners(), ctx.endpoint(),
                ctx.ports().ref(CredentialsPort.class, null), ctx.clock(), ctx.engine(),
                AgentSettings.fromEnvironment(ctx.environment()));
        lifecycle.network(new TaskNetwork(ctx.ports().require(ContainerRuntime.class), agent,
                SubnetResolver.of(ctx.ports().ref(NetworkPort.class, null)), ctx.clock()));
    }

    /**
     * @param clock   what ECS's timestamps say and when its stopped tasks are forgotten: Hangar's clock
     * @param workers where the service scheduler plans (memory only), apart from the engine calls
     */
    private EcsService(ContainerRuntime runtime, ExecutorService engine, Ports.Ref<LogSink> logs, HangarClock clock,
                       ServiceCalls calls, boolean containerInstances, ExecutorService workers,
                       NetworkChecks networks) {
        this.regions = new AccountRegionStore<>((account, region) -> new EcsRegion(account, region, clock, networks));
        this.lifecycle = new TaskLifecycle(runtime, engine, logs, clock, calls);
        this.placement = new Placement(containerInstances, new HostCapacity(runtime, engine));
        lifecycle.addObserver(new TaskEventLog());
        this.scheduler = new ServiceScheduler(lifecycle, new ServiceLaunches(regions, placement, clock), runtime, clock,
                workers);
        this.handlers = List.of(new ClusterHandlers(regions, placement, clock), new TaskDefinitionHandlers(regions),
                new TaskHandlers(regions, lifecycle, placement, clock), new TagHandlers(regions),
                new ServiceHandlers(regions, scheduler, clock), new ServiceDeploymentHandlers(regions),
                new ContainerInstanceHandlers(regions, placement));
    }

    @Override
    public ServiceDescriptor descriptor() {
        return ServiceDescriptor.builder("ecs").protocols(Protocol.AWS_JSON_1_1)
                .targetPrefix("AmazonEC2ContainerServiceV20141113").sdkClient(EcsClient.class).facts(EcsFacts.FACTS)
                .build();
    }

    @Override
    public List<Object> handlers() {
        return handlers;
    }

    /** The task of that ARN in that account and region, or null (for the TaskPort). */
    private TaskRecord taskByArn(String account, String region, String taskArn) {
        String id = EcsArns.taskId(taskArn);
        TaskRecord task = id == null ? null : regions.get(account, region).state.task(id);
        return task != null && task.arn().equals(taskArn) ? task : null;
    }

    @Override
    public ConsoleView consoleView() {
        return new EcsConsoleView(regions);
    }

    @Override
    public void close() {
        if (agent != null) {
            agent.close();
        }
    }

    @Override
    public void reset() {
        scheduler.reset();
        regions.clear();
        lifecycle.reset();
    }
}
