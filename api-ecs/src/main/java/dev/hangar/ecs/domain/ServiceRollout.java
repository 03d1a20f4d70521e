package dev.hangar.ecs.domain;

import software.amazon.awssdk.services.ecs.model.DeploymentCircuitBreaker;
import software.amazon.awssdk.services.ecs.model.DeploymentConfiguration;
import software.amazon.awssdk.services.ecs.model.DeploymentRolloutState;
import software.amazon.awssdk.services.ecs.model.HealthStatus;
import software.amazon.awssdk.services.ecs.model.ServiceDeploymentStatus;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;
import software.amazon.awssdk.services.ecs.model.ThresholdConfiguration;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The REPLICA scheduler's rules, as ECS documents them, applied to one service under its lock: keep the desired
 * count, roll a new deployment out within minimumHealthyPercent / maximumPercent, count failed tasks for the circuit
 * breaker, throttle launches that keep failing, and say what happened in the service's events.
 */
public final class ServiceRollout {

    /**
     * "If a task has no essential containers with a health check defined, the service scheduler will wait for 40
     * seconds after a task reaches a RUNNING state before the task is counted towards the minimum healthy percent
     * total." (ECS developer guide, deployment-type-ecs). On Hangar's clock.
     */
    static final Duration HEALTHY_AFTER_RUNNING = Duration.ofSeconds(40);
    /** Consecutive failed tasks after which launches are throttled. */
    static final int THROTTLE_AFTER = 3;
    static final Duration THROTTLE_FIRST = Duration.ofSeconds(10);
    /** ECS's documented ceiling of the throttle ("up to 27 minutes"). */
    static final Duration THROTTLE_MAX = Duration.ofMinutes(27);
    /** The start of the reason of a task that found no engine (TaskLifecycle's wording). */
    static final String NO_ENGINE = "ResourceInitializationError: Hangar cannot reach a Docker engine";
    static final String UNHEALTHY_REASON = "Task failed container health checks";
    static final String THROTTLED = "is unable to consistently start tasks successfully. For more information, see"
            + " the Troubleshooting section of the Amazon ECS Developer Guide.";

    private ServiceRollout() {
    }

    /** What the scheduler does next. {@code wakeAt}: when to plan again though nothing happened, or null. */
    public record Plan(List<Launch> launches, List<Stop> stops, Instant wakeAt) {
        public boolean idle() {
            return launches.isEmpty() && stops.isEmpty();
        }
    }

    public record Launch(DeploymentRecord deployment, int count) {
    }

    public record Stop(TaskRecord task, TaskStopCode code, String reason) {
    }

    /** What the rules remember between plans. */
    static final class Memory {
        final Set<String> healthySeen = new HashSet<>();
        final Set<String> stoppedUnhealthy = new HashSet<>();
        int consecutiveFailures;
        Instant nextLaunchAt;
        boolean throttleAnnounced;
        boolean steadyAnnounced;
    }

    // ---- deployments ----

    static DeploymentRecord startDeployment(ServiceRecord s, ServiceConfig config, DeploymentRecord rollbackFrom,
                                            Instant now) {
        ServiceIds ids = s.ids();
        String id = ids.deploymentId();
        DeploymentRecord target = rollbackFrom == null ? null : rollbackFrom.rolledBackTo;
        String revision = target != null ? target.revisionArn : ids.revisionArn(id);
        List<String> sources = new ArrayList<>();
        for (DeploymentRecord d : s.deployments) {
            sources.add(d.revisionArn);
        }
        DeploymentConfiguration dc = s.settings.deploymentConfiguration();
        DeploymentRecord created = new DeploymentRecord(id, revision,
                rollbackFrom != null ? rollbackFrom.serviceDeploymentArn : ids.serviceDeploymentArn(), config, dc,
                breaker(dc, s.settings.desiredCount()), sources, rollbackFrom, now);
        for (DeploymentRecord d : s.deployments) {
            if (d.status == DeploymentRecord.Status.PRIMARY) {
                d.status = DeploymentRecord.Status.ACTIVE;
                d.updatedAt = now;
                if (d.serviceDeploymentStatus == ServiceDeploymentStatus.IN_PROGRESS && rollbackFrom == null) {
                    d.serviceDeploymentStatus = ServiceDeploymentStatus.STOPPED;
                    d.serviceDeploymentReason = "A newer deployment was started.";
                    d.finishedAt = now;
                }
            }
        }
        created.rolloutStateReason = rollbackFrom != null
                ? "ECS deployment circuit breaker: rolling back to deploymentId " + target.id + "."
                : "ECS deployment " + id + " in progress.";
        s.deployments.add(0, created);
        s.history.add(0, created);
        s.memory.steadyAnnounced = false;
        s.memory.consecutiveFailures = 0;
        s.memory.nextLaunchAt = null;
        s.memory.throttleAnnounced = false;
        return created;
    }

    /**
     * The failure threshold: COUNT is the value; BOUNDED_PERCENT (the default, 50) is that share of the desired
     * count held between 3 and 200; UNBOUNDED_PERCENT is the share, at least 1.
     */
    static DeploymentRecord.CircuitBreaker breaker(DeploymentConfiguration dc, int desired) {
        DeploymentCircuitBreaker cb = dc == null ? null : dc.deploymentCircuitBreaker();
        if (cb == null || !Boolean.TRUE.equals(cb.enable())) {
            return DeploymentRecord.CircuitBreaker.OFF;
        }
        ThresholdConfiguration tc = cb.thresholdConfiguration();
        String type = tc == null || tc.typeAsString() == null ? "BOUNDED_PERCENT" : tc.typeAsString();
        int value = tc == null || tc.value() == null ? 50 : tc.value();
        int threshold = switch (type) {
            case "COUNT" -> Math.max(1, value);
            case "UNBOUNDED_PERCENT" -> Math.max(1, (int) Math.ceil(desired * value / 100.0));
            default -> Math.min(200, Math.max(3, (int) Math.ceil(desired * value / 100.0)));
        };
        return new DeploymentRecord.CircuitBreaker(true, Boolean.TRUE.equals(cb.rollback()),
                cb.resetOnHealthyTask() == null || cb.resetOnHealthyTask(), threshold);
    }

    // ---- planning ----

    static Plan plan(ServiceRecord s, Instant now) {
        List<Launch> launches = new ArrayList<>();
        List<Stop> stops = new ArrayList<>();
        Wake wake = new Wake();
        account(s, now, wake);
        if (s.status == ServiceStatus.INACTIVE) {
            return new Plan(launches, stops, null);
        }
        DeploymentRecord primary = s.deployments.get(0);
        if (s.status == ServiceStatus.DRAINING) {
            String draining = "Scaling activity initiated by (deployment " + primary.id + ")";
            for (DeploymentRecord d : s.deployments) {
                d.activeTasks().forEach(t -> stops.add(new Stop(t, TaskStopCode.SERVICE_SCHEDULER_INITIATED, draining)));
            }
            if (stops.isEmpty() && s.deployments.stream().noneMatch(DeploymentRecord::hasLiveTasks)) {
                s.status = ServiceStatus.INACTIVE;
                s.deployments.forEach(d -> d.status = DeploymentRecord.Status.INACTIVE);
            }
            return new Plan(launches, stops, null);
        }
        stopUnhealthy(s, now, stops, wake);
        breakCircuit(s, now);
        primary = s.deployments.get(0);
        String scaling = "Scaling activity initiated by (deployment " + primary.id + ")";

        DeploymentConfiguration dc = s.settings.deploymentConfiguration();
        int desired = s.settings.desiredCount();
        int maxTotal = (int) Math.floor(desired * percent(dc.maximumPercent(), 200) / 100.0);
        int minHealthy = (int) Math.ceil(desired * percent(dc.minimumHealthyPercent(), 100) / 100.0);
        Set<TaskRecord> stopping = new HashSet<>();
        stops.forEach(x -> stopping.add(x.task()));

        // scale-in of the primary: pending tasks first, then the newest
        List<TaskRecord> primaryActive = without(primary.activeTasks(), stopping);
        if (primaryActive.size() > desired) {
            List<TaskRecord> byPreference = new ArrayList<>(primaryActive);
            byPreference.sort(Comparator.comparing((TaskRecord t) -> t.countsAsRunning())
                    .thenComparing(TaskRecord::listKey, Comparator.reverseOrder()));
            for (TaskRecord t : byPreference.subList(0, primaryActive.size() - desired)) {
                stops.add(new Stop(t, TaskStopCode.SERVICE_SCHEDULER_INITIATED, scaling));
                stopping.add(t);
            }
        }

        // drain the older deployments as far as minimumHealthyPercent allows (not after a failure without rollback)
        boolean primaryFailed = primary.rolloutState == DeploymentRolloutState.FAILED;
        if (!primaryFailed) {
            int healthy = 0;
            int primaryHealthy = 0;
            for (DeploymentRecord d : s.deployments) {
                for (TaskRecord t : without(d.activeTasks(), stopping)) {
                    if (healthy(s, d, t, now, wake)) {
                        healthy++;
                        if (d == primary) {
                            primaryHealthy++;
                        }
                    }
                }
            }
            int mayStop = primaryHealthy >= desired ? Integer.MAX_VALUE : healthy - minHealthy;
            for (int i = s.deployments.size() - 1; i >= 1; i--) {
                DeploymentRecord old = s.deployments.get(i);
                List<TaskRecord> tasks = new ArrayList<>(without(old.activeTasks(), stopping));
                // the ones that do not count as healthy go first: stopping them costs no healthy capacity
                tasks.sort(Comparator.comparing((TaskRecord t) -> healthy(s, old, t, now, null)));
                for (TaskRecord t : tasks) {
                    boolean isHealthy = healthy(s, old, t, now, null);
                    if (isHealthy && mayStop <= 0) {
                        continue;
                    }
                    if (isHealthy) {
                        mayStop--;
                    }
                    stops.add(new Stop(t, TaskStopCode.SERVICE_SCHEDULER_INITIATED, scaling));
                    stopping.add(t);
                }
            }
        }

        // launch for the primary within maximumPercent
        if (!primaryFailed) {
            int active = 0;
            for (DeploymentRecord d : s.deployments) {
                active += without(d.activeTasks(), stopping).size();
            }
            int need = desired - without(primary.activeTasks(), stopping).size();
            boolean rolling = s.deployments.size() > 1;
            int room = rolling ? Math.min(need, maxTotal - active) : need;
            if (room > 0) {
                Memory m = s.memory;
                if (m.nextLaunchAt != null && now.isBefore(m.nextLaunchAt)) {
                    wake.at(m.nextLaunchAt);
                } else {
                    launches.add(new Launch(primary, room));
                }
            }
        }
        retireDrained(s, now);
        complete(s, now, wake);
        return new Plan(launches, stops, wake.at);
    }

    private static double percent(Integer value, int otherwise) {
        return value == null ? otherwise : value;
    }

    private static List<TaskRecord> without(List<TaskRecord> tasks, Set<TaskRecord> stopping) {
        List<TaskRecord> out = new ArrayList<>(tasks.size());
        for (TaskRecord t : tasks) {
            if (!stopping.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * Whether the task counts as healthy: RUNNING, and HEALTHY when an essential container has a health check, else
     * RUNNING for 40 seconds. A task seen healthy once resets the failure counts.
     */
    private static boolean healthy(ServiceRecord s, DeploymentRecord d, TaskRecord t, Instant now, Wake wake) {
        if (t.stopRequested() || !t.countsAsRunning()) {
            return false;
        }
        boolean healthy;
        if (d.config.hasHealthChecks()) {
            healthy = health(t) == HealthStatus.HEALTHY;
        } else {
            Instant started = t.startedAt();
            Instant at = started == null ? null : started.plus(HEALTHY_AFTER_RUNNING);
            healthy = at != null && !at.isAfter(now);
            if (!healthy && at != null && wake != null) {
                wake.at(at);
            }
        }
        if (healthy && s.memory.healthySeen.add(t.arn())) {
            d.hadHealthyTask = true;
            if (d.breaker.resetOnHealthyTask()) {
                d.failedTasks = 0;
            }
            s.memory.consecutiveFailures = 0;
            s.memory.nextLaunchAt = null;
            s.memory.throttleAnnounced = false;
        }
        return healthy;
    }

    static HealthStatus health(TaskRecord t) {
        return t.healthStatus();
    }

    /** Counts the tasks that ended since the last plan: a task that never was healthy is a failed task. */
    private static void account(ServiceRecord s, Instant now, Wake wake) {
        Memory m = s.memory;
        for (DeploymentRecord d : s.history) {
            for (TaskRecord t : new ArrayList<>(d.tasks)) {
                if (!t.stopRequested()) {
                    continue;
                }
                if (d.accounted.add(t.arn())) {
                    TaskStopCode code = t.stopCode();
                    boolean failedItself = code == TaskStopCode.TASK_FAILED_TO_START
                            || code == TaskStopCode.ESSENTIAL_CONTAINER_EXITED
                            || m.stoppedUnhealthy.contains(t.arn());
                    // a task that found no engine failed through no fault of its definition: no throttle for it
                    boolean noEngine = t.stoppedReason() != null && t.stoppedReason().startsWith(NO_ENGINE);
                    boolean failed = failedItself && !noEngine && !m.healthySeen.contains(t.arn());
                    if (failed) {
                        d.failedTasks++;
                        m.consecutiveFailures++;
                        if (m.consecutiveFailures >= THROTTLE_AFTER && s.status == ServiceStatus.ACTIVE) {
                            long factor = 1L << Math.min(20, m.consecutiveFailures - THROTTLE_AFTER);
                            Duration delay = THROTTLE_FIRST.multipliedBy(factor);
                            if (delay.compareTo(THROTTLE_MAX) > 0) {
                                delay = THROTTLE_MAX;
                            }
                            m.nextLaunchAt = now.plus(delay);
                            if (!m.throttleAnnounced) {
                                m.throttleAnnounced = true;
                                s.event(THROTTLED, now);
                            }
                        }
                    }
                    d.updatedAt = now;
                    m.steadyAnnounced = false;
                }
                if (!t.active()) {
                    d.tasks.remove(t);
                    m.healthySeen.remove(t.arn());
                    m.stoppedUnhealthy.remove(t.arn());
                }
            }
        }
    }

    private static void stopUnhealthy(ServiceRecord s, Instant now, List<Stop> stops, Wake wake) {
        Integer grace = s.settings.healthCheckGracePeriodSeconds();
        for (DeploymentRecord d : s.deployments) {
            for (TaskRecord t : d.activeTasks()) {
                if (health(t) != HealthStatus.UNHEALTHY) {
                    continue;
                }
                Instant started = t.startedAt();
                if (grace != null && grace > 0 && started != null && started.plusSeconds(grace).isAfter(now)) {
                    wake.at(started.plusSeconds(grace));
                    continue;
                }
                s.memory.stoppedUnhealthy.add(t.arn());
                stops.add(new Stop(t, TaskStopCode.SERVICE_SCHEDULER_INITIATED, UNHEALTHY_REASON));
                s.event("(task " + t.id() + ") failed container health checks.", now);
            }
        }
    }

    /** The circuit breaker: fail the primary deployment at its threshold, and roll back when asked to. */
    private static void breakCircuit(ServiceRecord s, Instant now) {
        DeploymentRecord primary = s.deployments.get(0);
        DeploymentRecord.CircuitBreaker cb = primary.breaker;
        if (!cb.enabled() || primary.rolloutState != DeploymentRolloutState.IN_PROGRESS
                || primary.failedTasks < cb.threshold() || (cb.resetOnHealthyTask() && primary.hadHealthyTask)) {
            return;
        }
        primary.rolloutState = DeploymentRolloutState.FAILED;
        primary.rolloutStateReason = "ECS deployment circuit breaker: tasks failed to start.";
        primary.updatedAt = now;
        s.event("(deployment " + primary.id + ") deployment failed: tasks failed to start.", now);
        DeploymentRecord target = null;
        if (cb.rollback()) {
            for (DeploymentRecord d : s.history) {
                if (d != primary && d.rolloutState == DeploymentRolloutState.COMPLETED) {
                    target = d;
                    break;
                }
            }
        }
        if (target == null) {
            primary.serviceDeploymentStatus = cb.rollback() ? ServiceDeploymentStatus.ROLLBACK_FAILED
                    : ServiceDeploymentStatus.STOPPED;
            primary.serviceDeploymentReason = "ECS deployment circuit breaker: tasks failed to start.";
            primary.finishedAt = now;
            return;
        }
        primary.rolledBackTo = target;
        primary.rollbackStartedAt = now;
        primary.serviceDeploymentStatus = ServiceDeploymentStatus.ROLLBACK_IN_PROGRESS;
        primary.serviceDeploymentReason = "ECS deployment circuit breaker: rolling back to deploymentId "
                + target.id + ".";
        s.event("rolling back to deployment " + target.id + ".", now);
        startDeployment(s, target.config, primary, now);
    }

    /**
     * An ACTIVE deployment with no task left is INACTIVE and leaves deployments[]; a FAILED one stays there while
     * the rollback from it is in progress, so that the failure can be seen.
     */
    private static void retireDrained(ServiceRecord s, Instant now) {
        DeploymentRecord primary = s.deployments.get(0);
        for (int i = s.deployments.size() - 1; i >= 1; i--) {
            DeploymentRecord d = s.deployments.get(i);
            boolean rollingBackFromIt = primary.rollbackFrom == d
                    && primary.rolloutState == DeploymentRolloutState.IN_PROGRESS;
            if (!d.hasLiveTasks() && d.activeTasks().isEmpty() && !rollingBackFromIt) {
                d.status = DeploymentRecord.Status.INACTIVE;
                d.updatedAt = now;
                s.deployments.remove(i);
            }
        }
    }

    /** The primary is COMPLETED once it alone runs the desired count, all healthy; then the service is steady. */
    private static void complete(ServiceRecord s, Instant now, Wake wake) {
        DeploymentRecord primary = s.deployments.get(0);
        int desired = s.settings.desiredCount();
        boolean onlyFailedLeft = s.deployments.stream().skip(1)
                .allMatch(d -> d == primary.rollbackFrom && !d.hasLiveTasks());
        if (!onlyFailedLeft || primary.activeTasks().size() != desired) {
            return;
        }
        for (TaskRecord t : primary.activeTasks()) {
            if (!healthy(s, primary, t, now, wake)) {
                return;
            }
        }
        if (primary.rolloutState == DeploymentRolloutState.IN_PROGRESS) {
            primary.rolloutState = DeploymentRolloutState.COMPLETED;
            primary.rolloutStateReason = "ECS deployment " + primary.id + " completed.";
            primary.updatedAt = now;
            primary.finishedAt = now;
            if (primary.rollbackFrom != null) {
                primary.rollbackFrom.serviceDeploymentStatus = ServiceDeploymentStatus.ROLLBACK_SUCCESSFUL;
                primary.rollbackFrom.finishedAt = now;
            } else {
                primary.serviceDeploymentStatus = ServiceDeploymentStatus.SUCCESSFUL;
            }
            s.event("(deployment " + primary.id + ") deployment completed.", now);
        }
        retireDrained(s, now);
        if (!s.memory.steadyAnnounced) {
            s.memory.steadyAnnounced = true;
            s.event("has reached a steady state.", now);
        }
    }

    // ---- reports from the scheduler ----

    static void launched(ServiceRecord s, DeploymentRecord d, List<TaskRecord> tasks, Instant now) {
        if (tasks.isEmpty()) {
            return;
        }
        d.tasks.addAll(tasks);
        d.updatedAt = now;
        s.memory.steadyAnnounced = false;
        StringBuilder message = new StringBuilder("has started ").append(tasks.size()).append(" tasks:");
        tasks.forEach(t -> message.append(" (task ").append(t.id()).append(")"));
        s.event(message.append('.').toString(), now);
    }

    static void launchFailed(ServiceRecord s, String message, Instant now) {
        if (!message.equals(s.events.latest())) {
            s.events.add(message.startsWith("(service ") ? message : "(service " + s.name() + ") " + message, now);
        }
        s.memory.steadyAnnounced = false;
    }

    /** The events for tasks the scheduler stopped: running ones and pending ones are told apart, as ECS does. */
    public static List<String> stoppedEvents(List<TaskRecord> running, int pending) {
        List<String> out = new ArrayList<>();
        if (!running.isEmpty()) {
            StringBuilder message = new StringBuilder("has stopped ").append(running.size()).append(" running tasks:");
            running.forEach(t -> message.append(" (task ").append(t.id()).append(")"));
            out.add(message.append('.').toString());
        }
        if (pending > 0) {
            out.add("stopped " + pending + " pending tasks.");
        }
        return out;
    }

    /** The earliest instant something will change by itself. */
    private static final class Wake {
        Instant at;

        void at(Instant when) {
            if (when != null && (at == null || when.isBefore(at))) {
                at = when;
            }
        }
    }
}
