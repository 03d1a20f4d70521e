package dev.hangar.ecs.domain;

import dev.hangar.core.resource.PageKeys;
import dev.hangar.core.resource.ResourceTags;
import software.amazon.awssdk.services.ecs.model.Connectivity;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.HealthStatus;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkBinding;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskOverride;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A task and the rules of its lifecycle. Every state change goes through a synchronized method of this class, so
 * the task's monitor is the one lock that serialises a container exit, a StopTask and the launcher's progress.
 * Nothing here talks to Docker: {@code TaskLifecycle} makes the runtime calls and reports their outcome here.
 *
 * <p>lastStatus: PROVISIONING → PENDING (images, containers) → RUNNING (every container started or done) →
 * STOPPING (containers being stopped) → DEPROVISIONING (containers being removed) → STOPPED.
 */
public final class TaskRecord {

    private static final AtomicLong CREATED = new AtomicLong();

    public static final String ESSENTIAL_EXITED = "Essential container in task exited";
    public static final String OOM_REASON = "OutOfMemoryError: Container killed due to memory usage";

    private final String arn;
    private final String id;
    private final ClusterRecord cluster;
    private final TaskDefinition definition;
    private final LaunchType launchType;
    private final String capacityProviderName;
    private final String group;
    private final String startedBy;
    private final TaskOverride overrides;
    private final String cpu;
    private final String memory;
    private final String availabilityZone;
    private final Instant createdAt;
    private final List<TaskContainer> containers;
    private final Map<String, TaskContainer> byName;
    private final RunOptions options;
    private final ResourceTags tags = new ResourceTags();
    /** Its place in creation order, which ListTasks follows and pages by. */
    private final String listKey = PageKeys.number(CREATED.incrementAndGet());

    private long version = 1;
    /** ECS reports awsvpc tasks (an ENI to attach) PROVISIONING first; bridge, host and none tasks PENDING. */
    private TaskStatus lastStatus;
    /** The container instance it was placed on; null for Fargate, or with no instance (the setting off). */
    private String containerInstanceArn;
    private DesiredStatus desiredStatus = DesiredStatus.RUNNING;
    private boolean provisioning = true;
    private boolean deprovisioning;
    private Instant pullStartedAt;
    private Instant pullStoppedAt;
    private Instant connectivityAt;
    private Instant startedAt;
    private Instant stoppingAt;
    private Instant executionStoppedAt;
    private Instant stoppedAt;
    private TaskStopCode stopCode;
    private String stoppedReason;
    /** awsvpc: the task's interface, set once its network is provisioned (before its containers are created). */
    private volatile TaskEni eni;
    /** How its containers reach the metadata and credentials endpoints; null until its network is provisioned. */
    private volatile TaskAgentAccess agentAccess;
    /** RunTask's (or the service's) networkConfiguration: an awsvpc task's subnets and security groups. */
    private volatile NetworkConfiguration networkConfiguration;

    /**
     * RunTask members that are recorded on the task and shown back.
     *
     * @param enableExecuteCommand shown as the task's enableExecuteCommand (Hangar serves no ExecuteCommand)
     * @param platformVersion      the Fargate platform version shown, null for other launch types
     * @param clientToken          RunTask's idempotency token, null when none was given
     */
    public record RunOptions(boolean enableExecuteCommand, String platformVersion, String clientToken) {
        public static final RunOptions NONE = new RunOptions(false, null, null);
    }

    /** Fargate's current platform version: what LATEST, or no platformVersion, means. */
    public static final String LATEST_PLATFORM_VERSION = "1.4.0";

    public TaskRecord(String arn, String id, ClusterRecord cluster, TaskDefinition definition, LaunchType launchType,
                String capacityProviderName, String group, String startedBy, TaskOverride overrides, String cpu, String memory,
                String availabilityZone, Instant createdAt, List<TaskContainer> containers, RunOptions options) {
        this.options = options;
        this.arn = arn;
        this.id = id;
        this.cluster = cluster;
        this.definition = definition;
        this.launchType = launchType;
        this.capacityProviderName = capacityProviderName;
        this.group = group;
        this.startedBy = startedBy;
        this.overrides = overrides;
        this.cpu = cpu;
        this.memory = memory;
        this.availabilityZone = availabilityZone;
        this.createdAt = createdAt;
        this.containers = List.copyOf(containers);
        this.byName = containers.stream().collect(Collectors.toMap(TaskContainer::name, Function.identity()));
        this.lastStatus = definition.networkMode() == NetworkMode.AWSVPC
                ? TaskStatus.PROVISIONING : TaskStatus.PENDING;
    }

    /** Task-level CPU units as run (the override, else the definition's), or null. */
    public String cpu() {
        return cpu;
    }

    /** Task-level MiB as run, or null. */
    public String memory() {
        return memory;
    }

    /** Placement put it on that container instance (before it is launched). */
    public synchronized void placedOn(String containerInstanceArn) {
        this.containerInstanceArn = containerInstanceArn;
    }

    public synchronized String containerInstanceArn() {
        return containerInstanceArn;
    }

    public String arn() {
        return arn;
    }

    public String id() {
        return id;
    }

    public ClusterRecord cluster() {
        return cluster;
    }

    public TaskDefinition definition() {
        return definition;
    }

    public String startedBy() {
        return startedBy;
    }

    public LaunchType launchType() {
        return launchType;
    }

    /** family:&lt;family&gt;, service:&lt;service&gt; or RunTask's own group. */
    public String group() {
        return group;
    }

    /** When it reached RUNNING, null before. */
    public synchronized Instant startedAt() {
        return startedAt;
    }

    public synchronized String stoppedReason() {
        return stoppedReason;
    }

    /** Why it is stopping or stopped, null while it is to run. */
    public synchronized TaskStopCode stopCode() {
        return stopCode;
    }

    public ResourceTags tags() {
        return tags;
    }

    public String listKey() {
        return listKey;
    }

    /** The RunTask clientToken that launched it, or null. */
    public String clientToken() {
        return options.clientToken();
    }

    public List<TaskContainer> containers() {
        return containers;
    }

    public TaskContainer container(String name) {
        return byName.get(name);
    }

    public synchronized TaskStatus lastStatus() {
        return lastStatus;
    }

    public synchronized DesiredStatus desiredStatus() {
        return desiredStatus;
    }

    public synchronized boolean stopRequested() {
        return desiredStatus == DesiredStatus.STOPPED;
    }

    // ---- provisioning ----

    public synchronized void pullStarted(Instant now) {
        if (lastStatus == TaskStatus.PROVISIONING) {
            lastStatus = TaskStatus.PENDING;
        }
        if (connectivityAt == null) {
            connectivityAt = now;
        }
        pullStartedAt = now;
        changed();
    }

    public synchronized void pullStopped(Instant now) {
        pullStoppedAt = now;
        changed();
    }

    /** Records the engine's id; false when a stop came first, so the launcher goes no further. */
    public synchronized boolean containerCreated(TaskContainer container, String runtimeId) {
        container.runtimeId(runtimeId);
        changed();
        return !stopRequested();
    }

    /** The launcher is done creating containers; from now on the containers alone decide the task's status. */
    public synchronized void provisioningDone(Instant now) {
        provisioning = false;
        refreshStatus(now);
    }

    /** The task cannot start: every container that never ran is marked stopped, and the task is told to stop. */
    public synchronized boolean failToStart(String reason, Instant now) {
        for (TaskContainer c : containers) {
            if (!c.everStarted && !c.stopped()) {
                c.lastStatus = ContainerStatus.STOPPED;
                c.startClaimed = true;
            }
        }
        return requestStop(TaskStopCode.TASK_FAILED_TO_START, reason, now);
    }

    /** The image could not be pulled: its containers carry the reason, as ECS shows them, and the task stops. */
    public synchronized boolean failToPull(String image, String reason, Instant now) {
        for (TaskContainer c : containers) {
            if (image.equals(c.definition().image()) && !c.everStarted) {
                c.reason = reason;
            }
        }
        return failToStart(reason, now);
    }

    // ---- starting containers in dependsOn order ----

    /**
     * The containers whose dependencies are now met, claimed so that no one starts them twice. A container whose
     * dependency can never be met (SUCCESS but it failed, or it never ran) is marked stopped instead; if it is
     * essential the task stops. HEALTHY waits for the dependency's health check to pass.
     */
    public synchronized List<TaskContainer> claimStartable(Instant now) {
        List<TaskContainer> ready = new ArrayList<>();
        if (stopRequested() || provisioning) {
            return ready;
        }
        for (TaskContainer c : containers) {
            if (c.startClaimed || c.runtimeId() == null) {
                continue;
            }
            Dependencies.Readiness readiness = Dependencies.readiness(c, byName, now);
            if (readiness == Dependencies.Readiness.READY) {
                c.startClaimed = true;
                ready.add(c);
            } else if (readiness == Dependencies.Readiness.NEVER) {
                c.startClaimed = true;
                c.lastStatus = ContainerStatus.STOPPED;
                c.reason = "DependencyConditionNotMet: a dependency of container " + c.name() + " can no longer be met";
                if (c.essential()) {
                    requestStop(startedAt == null ? TaskStopCode.TASK_FAILED_TO_START
                            : TaskStopCode.ESSENTIAL_CONTAINER_EXITED, ESSENTIAL_EXITED, now);
                }
            }
        }
        changed();
        refreshStatus(now);
        return ready;
    }

    /** start() returned: the container runs, unless its exit was already reported (a fast command). */
    public synchronized void containerStarted(TaskContainer c, List<NetworkBinding> bindings, Instant now) {
        c.everStarted = true;
        c.startedAt = now;
        if (!c.stopped()) {
            c.lastStatus = ContainerStatus.RUNNING;
        }
        c.networkBindings = List.copyOf(bindings);
        changed();
        refreshStatus(now);
    }

    /** The engine refused to start it (bad command, ...); returns whether this began stopping the task. */
    public synchronized boolean containerFailedToStart(TaskContainer c, String reason, Instant now) {
        c.lastStatus = ContainerStatus.STOPPED;
        c.reason = reason;
        changed();
        boolean stopping = false;
        if (c.essential()) {
            stopping = requestStop(startedAt == null ? TaskStopCode.TASK_FAILED_TO_START
                    : TaskStopCode.ESSENTIAL_CONTAINER_EXITED, reason, now);
        }
        refreshStatus(now);
        return stopping;
    }

    /** The container's process ended; returns whether this began stopping the task (an essential container). */
    public synchronized boolean containerExited(TaskContainer c, Integer exitCode, boolean oomKilled, Instant now) {
        if (c.stopped() && c.exitCode != null) {
            return false;
        }
        c.everStarted = true;
        c.startClaimed = true;
        c.lastStatus = ContainerStatus.STOPPED;
        c.exitCode = exitCode;
        if (oomKilled) {
            c.reason = OOM_REASON;
        }
        changed();
        boolean stopping = false;
        if (c.essential()) {
            stopping = requestStop(TaskStopCode.ESSENTIAL_CONTAINER_EXITED, ESSENTIAL_EXITED, now);
        }
        refreshStatus(now);
        return stopping;
    }

    /**
     * An oom event: when the container's exit was already reported (the event came late), its reason says so after
     * all. Returns whether the exit was already reported (then nobody else will look at this event).
     */
    public synchronized boolean containerOomKilled(TaskContainer c) {
        if (!c.stopped()) {
            return false;
        }
        if (c.reason == null && c.everStarted) {
            c.reason = OOM_REASON;
            changed();
        }
        return true;
    }

    // ---- stopping ----

    /** Sets the desired status to STOPPED with the first reason given; false if the task was already stopping. */
    public synchronized boolean requestStop(TaskStopCode code, String reason, Instant now) {
        if (stopRequested()) {
            return false;
        }
        desiredStatus = DesiredStatus.STOPPED;
        stoppingAt = now;
        stopCode = code;
        stoppedReason = reason;
        changed();
        return true;
    }

    /**
     * The containers the engine may stop now, each handed out once: those no running container depends on, so
     * that containers stop in the reverse of their dependsOn order, as on AWS. Call again after each stop for the
     * next wave. Containers never created are marked stopped here, unless the launcher is still at work (it will
     * see the stop and call again).
     */
    public synchronized List<TaskContainer> beginStopping() {
        if (lastStatus == TaskStatus.RUNNING || lastStatus == TaskStatus.PENDING) {
            lastStatus = TaskStatus.STOPPING;
        }
        if (!provisioning) {
            for (TaskContainer c : containers) {
                if (c.runtimeId() == null && !c.stopped()) {
                    c.lastStatus = ContainerStatus.STOPPED;
                }
            }
        }
        List<TaskContainer> toStop = new ArrayList<>();
        for (TaskContainer c : containers) {
            if (!c.stopped() && c.runtimeId() != null && !c.stopClaimed && !Dependencies.hasLiveDependant(c, containers)) {
                c.stopClaimed = true;
                toStop.add(c);
            }
        }
        changed();
        return toStop;
    }


    /** After the engine stopped it: takes the exit code unless the die event already told it. */
    public synchronized void containerStoppedByUs(TaskContainer c, Integer exitCode, boolean oomKilled, Instant now) {
        if (c.stopped()) {
            return;
        }
        c.lastStatus = ContainerStatus.STOPPED;
        if (c.everStarted || exitCode != null) {
            c.exitCode = exitCode;
        }
        if (oomKilled) {
            c.reason = OOM_REASON;
        }
        changed();
    }

    /**
     * Whether the task may now release its containers: it is to stop, no container is left and the launcher is
     * done. Returns true once only, moving the task to DEPROVISIONING.
     */
    public synchronized boolean startDeprovisioning(Instant now) {
        if (!stopRequested() || provisioning || deprovisioning) {
            return false;
        }
        for (TaskContainer c : containers) {
            if (!c.stopped()) {
                return false;
            }
        }
        deprovisioning = true;
        executionStoppedAt = now;
        lastStatus = TaskStatus.DEPROVISIONING;
        changed();
        return true;
    }

    public synchronized void deprovisioned(Instant now) {
        lastStatus = TaskStatus.STOPPED;
        stoppedAt = now;
        changed();
    }

    /** The runtime ids of every container ever created, for removal. */
    public synchronized List<String> runtimeIds() {
        List<String> ids = new ArrayList<>();
        for (TaskContainer c : containers) {
            if (c.runtimeId() != null) {
                ids.add(c.runtimeId());
            }
        }
        return ids;
    }

    // ---- health ----

    /**
     * The engine's health check of the container moved to HEALTHY or UNHEALTHY. Ignored for a container without a
     * healthCheck (its image's own HEALTHCHECK is disabled, so none should come) and once it stopped, which keeps
     * the last status it had. Returns whether the status changed.
     */
    public synchronized boolean containerHealth(TaskContainer c, HealthStatus status, Instant now) {
        if (!c.hasHealthCheck() || c.stopped() || c.health == status) {
            return false;
        }
        c.health = status;
        changed();
        return true;
    }

    /** From the essential containers with a health check, as ECS computes it ({@link TaskHealth}). */
    public synchronized HealthStatus healthStatus() {
        return TaskHealth.of(containers);
    }

    /** How long after the container's start its startTimeout may end a dependant's wait; null when it cannot. */
    public java.time.Duration startTimeoutToWatch(TaskContainer c) {
        return Dependencies.startTimeoutToWatch(c, containers);
    }

    // ---- status ----

    private void refreshStatus(Instant now) {
        if (stopRequested() || provisioning || lastStatus == TaskStatus.RUNNING) {
            return;
        }
        for (TaskContainer c : containers) {
            if (!c.everStarted && !c.stopped()) {
                return;
            }
        }
        lastStatus = TaskStatus.RUNNING;
        startedAt = now;
        changed();
    }

    private void changed() {
        version++;
    }

    public synchronized boolean countsAsRunning() {
        return lastStatus == TaskStatus.RUNNING;
    }

    public synchronized boolean countsAsPending() {
        return lastStatus == TaskStatus.PROVISIONING || lastStatus == TaskStatus.PENDING
                || lastStatus == TaskStatus.ACTIVATING;
    }

    /** Whether it stopped before that instant (AWS forgets stopped tasks after an hour or so). */
    public synchronized boolean stoppedBefore(Instant instant) {
        return stoppedAt != null && stoppedAt.isBefore(instant);
    }

    public synchronized boolean active() {
        return lastStatus != TaskStatus.STOPPED;
    }

    /** awsvpc: the interface the task's network namespace got; its containers show it as their networkInterfaces. */
    public void networkInterface(TaskEni eni) {
        synchronized (this) {
            this.eni = eni;
            containers.forEach(c -> c.eni = eni);
            changed();
        }
    }

    /** The task's ENI (awsvpc), or null. */
    public TaskEni networkInterface() {
        return eni;
    }

    public void networkConfiguration(NetworkConfiguration configuration) {
        this.networkConfiguration = configuration;
    }

    /** The awsvpc configuration it was launched with, or null. */
    public NetworkConfiguration networkConfiguration() {
        return networkConfiguration;
    }

    /** The RunTask overrides as the task shows them (its task and execution role among them). */
    public TaskOverride overrides() {
        return overrides;
    }

    public void agentAccess(TaskAgentAccess access) {
        this.agentAccess = access;
    }

    /** How its containers reach the agent's endpoints, or null (not provisioned, or no agent). */
    public TaskAgentAccess agentAccess() {
        return agentAccess;
    }

    public synchronized Task toSdk(boolean includeTags) {
        var builder = Task.builder()
                .taskArn(arn)
                .clusterArn(cluster.arn())
                .taskDefinitionArn(definition.taskDefinitionArn())
                .availabilityZone(availabilityZone)
                .attachments(eni == null ? List.of() : List.of(eni.toSdk(lastStatus == TaskStatus.STOPPED)))
                .attributes(List.of())
                .containers(containers.stream().map(c -> c.toSdk(arn)).toList())
                .createdAt(createdAt)
                .desiredStatus(desiredStatus.toString())
                .lastStatus(lastStatus.toSdk())
                .enableExecuteCommand(options.enableExecuteCommand())
                .group(group)
                .healthStatus(healthStatus())
                .launchType(launchType)
                .overrides(overrides)
                .version(version)
                .cpu(cpu)
                .memory(memory);
        if (capacityProviderName != null) {
            builder.capacityProviderName(capacityProviderName);
        }
        if (containerInstanceArn != null) {
            builder.containerInstanceArn(containerInstanceArn);
        }
        if (launchType == LaunchType.FARGATE) {
            String version = options.platformVersion();
            builder.platformVersion(version == null ? LATEST_PLATFORM_VERSION : version).platformFamily("Linux");
        }
        if (connectivityAt != null) {
            builder.connectivity(Connectivity.CONNECTED).connectivityAt(connectivityAt);
        }
        builder.pullStartedAt(pullStartedAt).pullStoppedAt(pullStoppedAt).startedAt(startedAt)
                .stoppingAt(stoppingAt).executionStoppedAt(executionStoppedAt).stoppedAt(stoppedAt)
                .stopCode(stopCode).stoppedReason(stoppedReason);
        if (startedBy != null) {
            builder.startedBy(startedBy);
        }
        if (includeTags) {
            builder.tags(tags.asList(Tag.class));
        }
        return builder.build();
    }
}
