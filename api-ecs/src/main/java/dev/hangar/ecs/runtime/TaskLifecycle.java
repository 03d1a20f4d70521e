package dev.hangar.ecs.runtime;

import dev.hangar.core.port.LogSink;
import dev.hangar.core.port.Ports;
import dev.hangar.core.service.ServiceCalls;
import dev.hangar.core.time.HangarClock;
import dev.hangar.ecs.domain.TaskContainer;
import dev.hangar.ecs.domain.TaskRecord;
import dev.hangar.runtime.ContainerEvent;
import dev.hangar.runtime.ContainerEventListener;
import dev.hangar.runtime.ContainerHandle;
import dev.hangar.runtime.ContainerRuntime;
import dev.hangar.runtime.ContainerRuntimeException;
import dev.hangar.runtime.ContainerSpec;
import dev.hangar.runtime.ContainerState;
import dev.hangar.runtime.HangarLabels;
import dev.hangar.runtime.RuntimeStatus;
import dev.hangar.runtime.RuntimeUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.ecs.model.HealthStatus;
import software.amazon.awssdk.services.ecs.model.NetworkBinding;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

/**
 * Drives tasks through their lifecycle with the container runtime. Every engine call runs on the worker pool and
 * outside the task's lock; its outcome is then reported to the {@link TaskRecord}, which decides what it means.
 * Progress comes from runtime calls completing and from the engine's die/oom events: nothing polls.
 */
public final class TaskLifecycle implements ContainerEventListener {

    private static final Logger LOG = LoggerFactory.getLogger(TaskLifecycle.class);
    /** ECS_CONTAINER_STOP_TIMEOUT's default: SIGTERM, then SIGKILL 30 s later. */
    static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(30);

    private final ContainerRuntime runtime;
    private final ExecutorService workers;
    /** Tasks whose containers may still send events, by ARN (the hangar.resource label). */
    private final Map<String, TaskRecord> live = new ConcurrentHashMap<>();
    private final Set<String> oomKilled = ConcurrentHashMap.newKeySet();
    /** Who waits for a task to be STOPPED (another service through the TaskPort), by ARN. */
    private final Map<String, CompletableFuture<TaskRecord>> stopWaiters = new ConcurrentHashMap<>();
    private final List<TaskObserver> observers = new java.util.concurrent.CopyOnWriteArrayList<>();

    private final TaskLogs logs;
    /** Resolves the containers' secrets from Secrets Manager and Parameter Store before anything is pulled. */
    private final TaskSecrets secrets;
    /** The tasks' networks (awsvpc namespaces, the agent's endpoints); set by the service once it has made them. */
    private volatile TaskNetwork network;
    private final TaskVolumes volumes;
    /** The times tasks report (pullStartedAt, startedAt, stoppedAt ...); stop timeouts measure real work and stay real. */
    private final HangarClock clock;

    /** @param logs where the output of awslogs containers goes (CloudWatch Logs when wired) */
    public TaskLifecycle(ContainerRuntime runtime, ExecutorService workers, Ports.Ref<LogSink> logs,
                         HangarClock clock, ServiceCalls calls) {
        this.secrets = new TaskSecrets(calls);
        this.runtime = runtime;
        this.workers = workers;
        this.logs = new TaskLogs(runtime, logs);
        this.volumes = new TaskVolumes(runtime);
        this.clock = clock;
        runtime.addListener(this);
    }

    public void network(TaskNetwork network) {
        this.network = network;
    }

    public void addObserver(TaskObserver observer) {
        observers.add(observer);
    }

    private void notifyObservers(TaskRecord task) {
        for (TaskObserver observer : observers) {
            try {
                observer.changed(task);
            } catch (RuntimeException e) {
                LOG.warn("a task observer failed on {}", task.arn(), e);
            }
        }
    }

    public void launch(TaskRecord task) {
        live.put(task.arn(), task);
        submit(() -> provision(task));
    }

    /** StopTask: the caller has already moved the desired status to STOPPED. */
    public void stop(TaskRecord task) {
        submit(() -> teardown(task));
    }

    /**
     * Admin reset: the state is dropped, but a launch in flight could still create containers after the runtime's
     * removeAll. Stopping every live task makes those launches bail out and clean up after themselves.
     */
    public void reset() {
        for (TaskRecord task : live.values()) {
            if (task.requestStop(TaskStopCode.USER_INITIATED, "Hangar state reset", clock.now())) {
                submit(() -> teardown(task));
            }
        }
        oomKilled.clear();
    }

    // ---- launching ----

    private void provision(TaskRecord task) {
        try {
            if (task.stopRequested()) {
                return;
            }
            RuntimeStatus status = runtime.status();
            if (!status.available()) {
                task.failToStart(engineUnavailable(status.detail()), clock.now());
                return;
            }
            String secretsFailure = secrets.resolve(task);
            if (secretsFailure != null) {
                task.failToStart(secretsFailure, clock.now());
                return;
            }
            if (!logs.prepareGroups(task, clock.now())) {
                return;
            }
            task.pullStarted(clock.now());
            if (!pullImages(task)) {
                return;
            }
            task.pullStopped(clock.now());
            if (network != null && !network.provision(task)) {
                return;
            }
            if (!volumes.provision(task, clock.now())) {
                return;
            }
            for (TaskContainer container : TaskVolumes.creationOrder(task)) {
                ContainerSpec spec = ContainerSpecs.of(task, container);
                ContainerHandle handle;
                try {
                    handle = runtime.create(spec);
                } catch (RuntimeUnavailableException e) {
                    task.failToStart(engineUnavailable(e.getMessage()), clock.now());
                    return;
                } catch (ContainerRuntimeException e) {
                    task.failToStart("CannotCreateContainerError: " + e.getMessage(), clock.now());
                    return;
                }
                if (!task.containerCreated(container, handle.id())) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("launching {} failed", task.arn(), e);
            task.failToStart("ResourceInitializationError: " + e, clock.now());
        } finally {
            task.provisioningDone(clock.now());
            advance(task);
        }
    }

    private boolean pullImages(TaskRecord task) {
        Set<String> images = new LinkedHashSet<>();
        task.containers().forEach(c -> images.add(c.definition().image()));
        for (String image : images) {
            try {
                runtime.ensureImage(image);
            } catch (RuntimeUnavailableException e) {
                task.pullStopped(clock.now());
                task.failToStart(engineUnavailable(e.getMessage()), clock.now());
                return false;
            } catch (ContainerRuntimeException e) {
                // an ImagePullException or any other refusal: the container whose image it is gets the reason too
                task.pullStopped(clock.now());
                task.failToPull(image, "CannotPullContainerError: " + e.getMessage(), clock.now());
                return false;
            }
            if (task.stopRequested()) {
                return false;
            }
        }
        return true;
    }

    static String engineUnavailable(String detail) {
        return "ResourceInitializationError: Hangar cannot reach a Docker engine to run the task's containers: "
                + detail;
    }

    /** After any change: start what may start now, or carry on stopping. */
    private void advance(TaskRecord task) {
        if (task.stopRequested()) {
            teardown(task);
            notifyObservers(task);
            return;
        }
        for (TaskContainer container : task.claimStartable(clock.now())) {
            submit(() -> startContainer(task, container));
        }
        if (task.stopRequested()) {
            teardown(task);
        }
        notifyObservers(task);
    }

    private void startContainer(TaskRecord task, TaskContainer container) {
        if (task.stopRequested()) {
            advance(task);
            return;
        }
        AutoCloseable output = logs.follow(task, container);
        try {
            runtime.start(container.runtimeId());
        } catch (ContainerRuntimeException e) {
            closeQuietly(output);
            task.containerFailedToStart(container, "CannotStartContainerError: " + e.getMessage(), clock.now());
            advance(task);
            return;
        }
        ContainerState state = inspectQuietly(container.runtimeId());
        task.containerStarted(container, bindings(state), clock.now());
        watchStartTimeout(task, container);
        advance(task);
    }

    /** A dependant waiting on the container gives up once its startTimeout is over: look again then. */
    private void watchStartTimeout(TaskRecord task, TaskContainer container) {
        Duration timeout = task.startTimeoutToWatch(container);
        if (timeout != null) {
            // just past it: the dependency counts as timed out only after the timeout
            clock.schedule(() -> submit(() -> advance(task)), timeout.plusMillis(50));
        }
    }

    private static List<NetworkBinding> bindings(ContainerState state) {
        List<NetworkBinding> out = new ArrayList<>();
        if (state == null || state.publishedPorts() == null) {
            return out;
        }
        for (ContainerSpec.PortMapping p : state.publishedPorts()) {
            out.add(NetworkBinding.builder()
                    .bindIP(p.hostIp() == null ? "127.0.0.1" : p.hostIp())
                    .containerPort(p.containerPort())
                    .hostPort(p.hostPort())
                    .protocol(p.protocol() == null ? "tcp" : p.protocol())
                    .build());
        }
        return out;
    }

    // ---- events ----

    /**
     * Every event at once: a killed container's replacement must not wait for an oom event that never comes; a late
     * oom event amends the container's reason instead (TaskRecord.containerOomKilled).
     */
    @Override
    public boolean wantsOomBeforeDie() {
        return false;
    }

    @Override
    public void onEvent(ContainerEvent event) {
        Map<String, String> labels = event.labels() == null ? Map.of() : event.labels();
        TaskRecord task = live.get(labels.getOrDefault(HangarLabels.RESOURCE, ""));
        if (task == null) {
            return;
        }
        TaskContainer container = task.container(labels.getOrDefault(ContainerSpecs.CONTAINER_LABEL, ""));
        if (container == null) {
            return;
        }
        switch (event.type()) {
            case OOM -> {
                oomKilled.add(event.containerId());
                // on a loaded engine the oom event can come after the die event it explains: amend the reason then
                String id = event.containerId();
                submit(() -> {
                    if (task.containerOomKilled(container)) {
                        oomKilled.remove(id);
                    }
                });
            }
            case DIE -> submit(() -> exited(task, container, event.containerId(), event.exitCode()));
            case HEALTH -> submit(() -> healthChanged(task, container, event.health()));
            default -> {
                // START is learned from start() returning, which also gives the published ports
            }
        }
    }

    /**
     * The health check passed or failed: the task's health follows, dependants waiting for HEALTHY may start, and
     * observers (the service scheduler) learn of it. A standalone task stays up when unhealthy, as on ECS.
     */
    private void healthChanged(TaskRecord task, TaskContainer container, ContainerEvent.Health health) {
        if (health == null) {
            return;
        }
        HealthStatus status = health == ContainerEvent.Health.HEALTHY ? HealthStatus.HEALTHY : HealthStatus.UNHEALTHY;
        if (task.containerHealth(container, status, clock.now())) {
            LOG.info("Container {} of task {} is {}", container.name(), task.arn(), status);
            advance(task);
        }
    }

    private void exited(TaskRecord task, TaskContainer container, String containerId, Integer eventExitCode) {
        ContainerState state = inspectQuietly(containerId);
        Integer exitCode = state != null && state.exitCode() != null ? state.exitCode() : eventExitCode;
        boolean oom = oomKilled.remove(containerId) | (state != null && state.oomKilled());
        task.containerExited(container, exitCode, oom, clock.now());
        advance(task);
    }

    // ---- stopping ----

    private void teardown(TaskRecord task) {
        for (TaskContainer container : task.beginStopping()) {
            submit(() -> stopContainer(task, container));
        }
        deprovisionIfDone(task);
    }

    private void stopContainer(TaskRecord task, TaskContainer container) {
        String id = container.runtimeId();
        try {
            runtime.stop(id, stopTimeout(container));
        } catch (ContainerRuntimeException e) {
            LOG.debug("stopping {} failed: {}", id, e.getMessage());
        }
        ContainerState state = inspectQuietly(id);
        boolean oom = oomKilled.remove(id) | (state != null && state.oomKilled());
        task.containerStoppedByUs(container, state == null ? null : state.exitCode(), oom, clock.now());
        teardown(task);
    }

    static Duration stopTimeout(TaskContainer container) {
        Integer seconds = container.definition().stopTimeout();
        return seconds == null ? DEFAULT_STOP_TIMEOUT : Duration.ofSeconds(seconds);
    }

    private void deprovisionIfDone(TaskRecord task) {
        if (!task.startDeprovisioning(clock.now())) {
            return;
        }
        for (String id : task.runtimeIds()) {
            try {
                runtime.remove(id);
            } catch (ContainerRuntimeException e) {
                LOG.debug("removing {} failed: {}", id, e.getMessage());
            }
        }
        if (network != null) {
            network.release(task);
        }
        volumes.release(task);
        live.remove(task.arn());
        task.deprovisioned(clock.now());
        // completed after the task's lock is released: the waiter's stages run here, not under it
        CompletableFuture<TaskRecord> waiting = stopWaiters.remove(task.arn());
        if (waiting != null) {
            waiting.complete(task);
        }
        notifyObservers(task);
    }

    /** Completes when the task is STOPPED, at once when it already is. */
    public CompletableFuture<TaskRecord> whenStopped(TaskRecord task) {
        CompletableFuture<TaskRecord> waiting =
                stopWaiters.computeIfAbsent(task.arn(), arn -> new CompletableFuture<>());
        // the task may have stopped before the waiter was in the map: then nobody else completes it
        if (!task.active() && stopWaiters.remove(task.arn(), waiting)) {
            waiting.complete(task);
        }
        return waiting;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.debug("closing a log follow failed: {}", e.getMessage());
            }
        }
    }

    private ContainerState inspectQuietly(String id) {
        if (id == null) {
            return null;
        }
        try {
            return runtime.inspect(id);
        } catch (ContainerRuntimeException e) {
            return null;
        }
    }

    private void submit(Runnable job) {
        try {
            workers.execute(() -> {
                try {
                    job.run();
                } catch (RuntimeException e) {
                    LOG.warn("ECS task job failed", e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.warn("ECS worker pool rejected a task job (shutting down?)");
        }
    }
}
