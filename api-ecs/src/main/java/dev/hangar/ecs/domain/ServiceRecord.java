package dev.hangar.ecs.domain;

import dev.hangar.core.resource.PageKeys;
import dev.hangar.core.resource.ResourceTags;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceCurrentRevisionSummary;
import software.amazon.awssdk.services.ecs.model.ServiceDeployment;
import software.amazon.awssdk.services.ecs.model.ServiceDeploymentBrief;
import software.amazon.awssdk.services.ecs.model.ServiceRevision;
import software.amazon.awssdk.services.ecs.model.ServiceRevisionSummary;
import software.amazon.awssdk.services.ecs.model.Tag;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A REPLICA (or DAEMON) service: its settings, its deployments (PRIMARY first, then the ACTIVE ones still draining)
 * and its events. What the scheduler should do next is decided here, under this record's lock, by
 * {@link ServiceRollout}; the scheduler carries the decision out and reports back. Lock order: a service's lock may
 * be held while a task's is taken, never the other way round.
 */
public final class ServiceRecord {

    private static final AtomicLong CREATED = new AtomicLong();

    private final String name;
    private final String arn;
    private final ClusterRecord cluster;
    private final Instant createdAt;
    private final String createdBy;
    private final String listKey = PageKeys.number(CREATED.incrementAndGet());
    private final ResourceTags tags = new ResourceTags();
    private final ServiceIds ids;

    ServiceStatus status = ServiceStatus.ACTIVE;
    ServiceSettings settings;
    /** PRIMARY first, then ACTIVE deployments, newest first. */
    final List<DeploymentRecord> deployments = new ArrayList<>();
    /** Every deployment ever made (rollbacks included), newest first, for the service-deployment operations. */
    final List<DeploymentRecord> history = new ArrayList<>();
    final ServiceEvents events = new ServiceEvents();
    final ServiceRollout.Memory memory = new ServiceRollout.Memory();

    public ServiceRecord(String name, String arn, ClusterRecord cluster, ServiceSettings settings, String createdBy,
                         ServiceIds ids, Instant now) {
        this.name = name;
        this.arn = arn;
        this.cluster = cluster;
        this.settings = settings;
        this.createdBy = createdBy;
        this.ids = ids;
        this.createdAt = now;
    }

    public String name() {
        return name;
    }

    public String arn() {
        return arn;
    }

    public ClusterRecord cluster() {
        return cluster;
    }

    public String listKey() {
        return listKey;
    }

    public ResourceTags tags() {
        return tags;
    }

    public synchronized ServiceStatus status() {
        return status;
    }

    public synchronized ServiceSettings settings() {
        return settings;
    }

    /** The PRIMARY deployment's revision: what new tasks run. */
    public synchronized ServiceConfig config() {
        return deployments.get(0).config;
    }

    /** The service's group on its tasks, as ECS sets it. */
    public String taskGroup() {
        return "service:" + name;
    }

    // ---- changes asked for by the API ----

    /** A new PRIMARY deployment of that revision; the one before becomes ACTIVE and drains as the new one comes up. */
    public synchronized DeploymentRecord deploy(ServiceConfig config, Instant now) {
        return ServiceRollout.startDeployment(this, config, null, now);
    }

    public synchronized void settings(ServiceSettings changed) {
        this.settings = changed;
        memory.steadyAnnounced = false;
    }

    /** DeleteService: the service drains (its tasks stop), then goes INACTIVE. */
    public synchronized void drain() {
        if (status == ServiceStatus.ACTIVE) {
            status = ServiceStatus.DRAINING;
            settings = settings.withDesiredCount(0);
        }
    }

    public synchronized boolean active() {
        return status == ServiceStatus.ACTIVE;
    }

    /** Whether it still counts against its cluster: ACTIVE or DRAINING. */
    public synchronized boolean live() {
        return status != ServiceStatus.INACTIVE;
    }

    // ---- the scheduler's side ----

    /** What to do now: tasks to launch per deployment, tasks to stop, and when to look again. */
    public synchronized ServiceRollout.Plan plan(Instant now) {
        return ServiceRollout.plan(this, now);
    }

    /** The scheduler launched these tasks for the deployment. */
    public synchronized void launched(DeploymentRecord deployment, List<TaskRecord> launched, Instant now) {
        ServiceRollout.launched(this, deployment, launched, now);
    }

    /** A launch could not be made (the task definition or the request refused, no room on the instance). */
    public synchronized void launchFailed(String message, Instant now) {
        ServiceRollout.launchFailed(this, message, now);
    }

    /** The scheduler stopped these tasks (the running ones, and how many pending ones). */
    public synchronized void stopped(List<TaskRecord> running, int pending, Instant now) {
        ServiceRollout.stoppedEvents(running, pending).forEach(m -> event(m, now));
        memory.steadyAnnounced = false;
    }

    ServiceIds ids() {
        return ids;
    }

    void event(String message, Instant now) {
        events.add("(service " + name + ") " + message, now);
    }

    // ---- what the API shows ----

    public synchronized Service toSdk(boolean includeTags) {
        DeploymentRecord primary = deployments.get(0);
        ServiceSettings s = settings;
        int running = 0;
        int pending = 0;
        List<Deployment> shown = new ArrayList<>();
        List<ServiceCurrentRevisionSummary> revisions = new ArrayList<>();
        for (DeploymentRecord d : deployments) {
            running += d.running();
            pending += d.pending();
            int desired = desiredOf(d);
            shown.add(d.toSdk(desired));
            revisions.add(ServiceCurrentRevisionSummary.builder().arn(d.revisionArn).requestedTaskCount(desired)
                    .runningTaskCount(d.running()).pendingTaskCount(d.pending()).build());
        }
        ServiceConfig c = primary.config;
        var builder = Service.builder()
                .serviceArn(arn)
                .serviceName(name)
                .clusterArn(cluster.arn())
                .loadBalancers(c.loadBalancers())
                .serviceRegistries(c.serviceRegistries())
                .status(status.name())
                .desiredCount(s.desiredCount())
                .runningCount(running)
                .pendingCount(pending)
                .capacityProviderStrategy(c.capacityProviderStrategy())
                .taskDefinition(c.taskDefinitionArn())
                .deploymentConfiguration(s.deploymentConfiguration())
                .deployments(shown)
                .events(events.list())
                .createdAt(createdAt)
                .createdBy(createdBy)
                .placementConstraints(s.placementConstraints())
                .placementStrategy(s.placementStrategy())
                .schedulingStrategy(s.schedulingStrategy())
                .deploymentController(s.deploymentController())
                .enableECSManagedTags(s.enableEcsManagedTags())
                .propagateTags(s.propagateTags())
                .enableExecuteCommand(c.enableExecuteCommand())
                .currentServiceDeployment(primary.serviceDeploymentArn)
                .currentServiceRevisions(revisions);
        if (c.capacityProviderStrategy().isEmpty()) {
            builder.launchType(c.launchType());
        }
        if (c.launchType() == LaunchType.FARGATE) {
            builder.platformVersion(c.platformVersion() == null ? "LATEST" : c.platformVersion())
                    .platformFamily("Linux");
        }
        if (c.networkConfiguration() != null) {
            builder.networkConfiguration(c.networkConfiguration());
        }
        if (s.healthCheckGracePeriodSeconds() != null) {
            builder.healthCheckGracePeriodSeconds(s.healthCheckGracePeriodSeconds());
        }
        if (s.roleArn() != null) {
            builder.roleArn(s.roleArn());
        }
        if (s.availabilityZoneRebalancing() != null) {
            builder.availabilityZoneRebalancing(s.availabilityZoneRebalancing());
        }
        if (includeTags) {
            builder.tags(tags.asList(Tag.class));
        }
        return builder.build();
    }

    /** What a deployment is to run: the service's count for the PRIMARY, the tasks it still has for the others. */
    private int desiredOf(DeploymentRecord d) {
        return d == deployments.get(0) ? settings.desiredCount() : d.activeTasks().size();
    }

    /** Its deployments as ListServiceDeployments shows them (rollbacks belong to the deployment they undo). */
    public synchronized List<ServiceDeploymentBrief> serviceDeployments() {
        List<ServiceDeploymentBrief> out = new ArrayList<>();
        for (DeploymentRecord d : history) {
            if (d.rollbackFrom == null) {
                out.add(d.toBrief(arn, cluster.arn()));
            }
        }
        return out;
    }

    public synchronized ServiceDeployment serviceDeployment(String serviceDeploymentArn) {
        for (DeploymentRecord d : history) {
            if (d.rollbackFrom == null && d.serviceDeploymentArn.equals(serviceDeploymentArn)) {
                List<ServiceRevisionSummary> sources = new ArrayList<>();
                for (String revision : d.sourceRevisionArns) {
                    sources.add(revisionSummaryOf(revision));
                }
                return d.toServiceDeployment(arn, cluster.arn(), desiredOf(d), sources);
            }
        }
        return null;
    }

    public synchronized ServiceRevision serviceRevision(String revisionArn) {
        for (DeploymentRecord d : history) {
            if (d.revisionArn.equals(revisionArn)) {
                return d.toRevision(arn, cluster.arn());
            }
        }
        return null;
    }

    private ServiceRevisionSummary revisionSummaryOf(String revisionArn) {
        for (DeploymentRecord d : deployments) {
            if (d.revisionArn.equals(revisionArn)) {
                return d.revisionSummary(d.activeTasks().size());
            }
        }
        return ServiceRevisionSummary.builder().arn(revisionArn).requestedTaskCount(0).runningTaskCount(0)
                .pendingTaskCount(0).build();
    }

}
