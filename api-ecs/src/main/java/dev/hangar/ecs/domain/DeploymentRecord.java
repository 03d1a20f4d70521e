package dev.hangar.ecs.domain;

import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.DeploymentConfiguration;
import software.amazon.awssdk.services.ecs.model.DeploymentRolloutState;
import software.amazon.awssdk.services.ecs.model.Rollback;
import software.amazon.awssdk.services.ecs.model.ServiceDeployment;
import software.amazon.awssdk.services.ecs.model.ServiceDeploymentBrief;
import software.amazon.awssdk.services.ecs.model.ServiceDeploymentCircuitBreaker;
import software.amazon.awssdk.services.ecs.model.ServiceDeploymentRollbackMonitorsStatus;
import software.amazon.awssdk.services.ecs.model.ServiceDeploymentStatus;
import software.amazon.awssdk.services.ecs.model.ServiceRevision;
import software.amazon.awssdk.services.ecs.model.ServiceRevisionSummary;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One deployment of a service: a revision (what its tasks run) rolled out to the desired count, with the tasks it
 * launched. It is also what ListServiceDeployments shows as a service deployment, and the revision
 * DescribeServiceRevisions shows (a rollback deploys an earlier revision again, under its own deployment id). Its
 * state is only touched under its service's lock.
 */
public final class DeploymentRecord {

    public enum Status { PRIMARY, ACTIVE, INACTIVE }

    /** ecs-svc/ and 19 digits. */
    final String id;
    final String revisionArn;
    final String serviceDeploymentArn;
    final ServiceConfig config;
    final DeploymentConfiguration deploymentConfiguration;
    final Instant createdAt;
    /** The revisions running when it started, for DescribeServiceDeployments' sourceServiceRevisions. */
    final List<String> sourceRevisionArns;
    /** The deployment this one rolls back from, or null. */
    final DeploymentRecord rollbackFrom;
    final CircuitBreaker breaker;

    Status status = Status.PRIMARY;
    DeploymentRolloutState rolloutState = DeploymentRolloutState.IN_PROGRESS;
    String rolloutStateReason;
    ServiceDeploymentStatus serviceDeploymentStatus = ServiceDeploymentStatus.IN_PROGRESS;
    String serviceDeploymentReason;
    Instant updatedAt;
    Instant finishedAt;
    final List<TaskRecord> tasks = new ArrayList<>();
    /** Stopped tasks whose end has been counted (failed or not), so that each is counted once. */
    final Set<String> accounted = new HashSet<>();
    /** Consecutive tasks that stopped before they were healthy (AWS's failedTasks). */
    int failedTasks;
    /** Whether a task of it has been healthy: then failedTasks stops being evaluated, as AWS documents. */
    boolean hadHealthyTask;
    /** The rollback the circuit breaker started from this deployment, and when; null when none. */
    DeploymentRecord rolledBackTo;
    Instant rollbackStartedAt;

    /**
     * The circuit breaker as it applies to this deployment.
     *
     * @param threshold failed tasks that fail the deployment
     */
    record CircuitBreaker(boolean enabled, boolean rollback, boolean resetOnHealthyTask, int threshold) {
        static final CircuitBreaker OFF = new CircuitBreaker(false, false, true, 0);
    }

    DeploymentRecord(String id, String revisionArn, String serviceDeploymentArn, ServiceConfig config,
                     DeploymentConfiguration deploymentConfiguration, CircuitBreaker breaker,
                     List<String> sourceRevisionArns, DeploymentRecord rollbackFrom, Instant now) {
        this.id = id;
        this.revisionArn = revisionArn;
        this.serviceDeploymentArn = serviceDeploymentArn;
        this.config = config;
        this.deploymentConfiguration = deploymentConfiguration;
        this.breaker = breaker;
        this.sourceRevisionArns = List.copyOf(sourceRevisionArns);
        this.rollbackFrom = rollbackFrom;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public String id() {
        return id;
    }

    public ServiceConfig config() {
        return config;
    }

    /** Tasks of it that are to run (desired RUNNING), in launch order. */
    List<TaskRecord> activeTasks() {
        List<TaskRecord> out = new ArrayList<>();
        for (TaskRecord t : tasks) {
            if (!t.stopRequested()) {
                out.add(t);
            }
        }
        return out;
    }

    int running() {
        return count(TaskRecord::countsAsRunning);
    }

    int pending() {
        return count(TaskRecord::countsAsPending);
    }

    /** Its tasks that are to run (desired RUNNING) and are in that state. */
    private int count(Predicate<TaskRecord> state) {
        int n = 0;
        for (TaskRecord t : tasks) {
            if (!t.stopRequested() && state.test(t)) {
                n++;
            }
        }
        return n;
    }

    /** Whether any of its tasks is still in the engine (stopping counts: its containers still run). */
    boolean hasLiveTasks() {
        for (TaskRecord t : tasks) {
            if (t.active()) {
                return true;
            }
        }
        return false;
    }

    Deployment toSdk(int desiredCount) {
        var builder = Deployment.builder()
                .id(id)
                .status(status.name())
                .taskDefinition(config.taskDefinitionArn())
                .desiredCount(desiredCount)
                .pendingCount(pending())
                .runningCount(running())
                .failedTasks(failedTasks)
                .createdAt(createdAt)
                .updatedAt(updatedAt)
                .capacityProviderStrategy(config.capacityProviderStrategy())
                .rolloutState(rolloutState)
                .rolloutStateReason(rolloutStateReason)
                .volumeConfigurations(config.volumes());
        if (config.capacityProviderStrategy().isEmpty()) {
            builder.launchType(config.launchType());
        }
        if (config.resolvedPlatformVersion() != null) {
            builder.platformVersion(config.resolvedPlatformVersion()).platformFamily("Linux");
        }
        if (config.networkConfiguration() != null) {
            builder.networkConfiguration(config.networkConfiguration());
        }
        if (config.serviceConnect() != null) {
            builder.serviceConnectConfiguration(config.serviceConnect());
        }
        return builder.build();
    }

    ServiceRevisionSummary revisionSummary(int desiredCount) {
        return ServiceRevisionSummary.builder().arn(revisionArn).requestedTaskCount(desiredCount)
                .runningTaskCount(running()).pendingTaskCount(pending()).build();
    }

    ServiceDeploymentBrief toBrief(String serviceArn, String clusterArn) {
        return ServiceDeploymentBrief.builder()
                .serviceDeploymentArn(serviceDeploymentArn)
                .serviceArn(serviceArn)
                .clusterArn(clusterArn)
                .createdAt(createdAt)
                .startedAt(createdAt)
                .finishedAt(finishedAt)
                .targetServiceRevisionArn(revisionArn)
                .status(serviceDeploymentStatus)
                .statusReason(serviceDeploymentReason)
                .build();
    }

    ServiceDeployment toServiceDeployment(String serviceArn, String clusterArn, int desiredCount,
                                          List<ServiceRevisionSummary> sources) {
        var builder = ServiceDeployment.builder()
                .serviceDeploymentArn(serviceDeploymentArn)
                .serviceArn(serviceArn)
                .clusterArn(clusterArn)
                .createdAt(createdAt)
                .startedAt(createdAt)
                .updatedAt(updatedAt)
                .finishedAt(finishedAt)
                .sourceServiceRevisions(sources)
                .targetServiceRevision(revisionSummary(desiredCount))
                .status(serviceDeploymentStatus)
                .statusReason(serviceDeploymentReason)
                .deploymentConfiguration(deploymentConfiguration)
                .deploymentCircuitBreaker(circuitBreakerStatus());
        if (rolledBackTo != null) {
            builder.rollback(Rollback.builder().reason("ECS deployment circuit breaker: tasks failed to start.")
                    .startedAt(rollbackStartedAt).serviceRevisionArn(rolledBackTo.revisionArn).build());
        }
        return builder.build();
    }

    ServiceDeploymentCircuitBreaker circuitBreakerStatus() {
        ServiceDeploymentRollbackMonitorsStatus monitor;
        if (!breaker.enabled()) {
            monitor = ServiceDeploymentRollbackMonitorsStatus.DISABLED;
        } else if (rolloutState == DeploymentRolloutState.FAILED) {
            monitor = ServiceDeploymentRollbackMonitorsStatus.TRIGGERED;
        } else if (rolloutState == DeploymentRolloutState.COMPLETED) {
            monitor = ServiceDeploymentRollbackMonitorsStatus.MONITORING_COMPLETE;
        } else {
            monitor = ServiceDeploymentRollbackMonitorsStatus.MONITORING;
        }
        return ServiceDeploymentCircuitBreaker.builder().status(monitor).failureCount(failedTasks)
                .threshold(breaker.enabled() ? breaker.threshold() : null).build();
    }


    ServiceRevision toRevision(String serviceArn, String clusterArn) {
        var builder = ServiceRevision.builder()
                .serviceRevisionArn(revisionArn)
                .serviceArn(serviceArn)
                .clusterArn(clusterArn)
                .taskDefinition(config.taskDefinitionArn())
                .capacityProviderStrategy(config.capacityProviderStrategy())
                .loadBalancers(config.loadBalancers())
                .serviceRegistries(config.serviceRegistries())
                .volumeConfigurations(config.volumes())
                .createdAt(createdAt);
        if (config.capacityProviderStrategy().isEmpty()) {
            builder.launchType(config.launchType());
        }
        if (config.resolvedPlatformVersion() != null) {
            builder.platformVersion(config.resolvedPlatformVersion()).platformFamily("Linux");
        }
        if (config.networkConfiguration() != null) {
            builder.networkConfiguration(config.networkConfiguration());
        }
        if (config.serviceConnect() != null) {
            builder.serviceConnectConfiguration(config.serviceConnect());
        }
        builder.containerImages(config.taskDefinition().containerDefinitions().stream()
                .map(c -> software.amazon.awssdk.services.ecs.model.ContainerImage.builder()
                        .containerName(c.name()).image(c.image()).build()).toList());
        return builder.build();
    }
}
