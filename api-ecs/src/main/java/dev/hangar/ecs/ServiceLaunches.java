package dev.hangar.ecs;

import dev.hangar.core.resource.Arn;
import dev.hangar.core.state.AccountRegionStore;
import dev.hangar.core.time.HangarClock;
import dev.hangar.ecs.domain.DeploymentRecord;
import dev.hangar.ecs.domain.ServiceConfig;
import dev.hangar.ecs.domain.ServiceRecord;
import dev.hangar.ecs.domain.ServiceSettings;
import dev.hangar.ecs.domain.TaskRecord;
import dev.hangar.ecs.runtime.ServiceScheduler;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.PropagateTags;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.Tag;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How the scheduler makes a deployment's tasks: as RunTask would (the same checks, the same records), with the
 * service's marks on them: {@code startedBy} the deployment id, {@code group} service:&lt;name&gt;, the service's
 * tags when propagateTags is SERVICE, and ECS's managed tags when enabled.
 */
record ServiceLaunches(AccountRegionStore<EcsRegion> regions, Placement placement, HangarClock clock)
        implements ServiceScheduler.Launcher {

    /** How long a first placement waits for the engine to tell the host's size (the scheduler runs on a worker). */
    private static final long HOST_WAIT_SECONDS = 30;

    @Override
    public List<TaskRecord> launch(ServiceRecord service, DeploymentRecord deployment, int count) {
        Arn arn = Arn.parse(service.arn());
        EcsRegion region = regions.get(arn.account(), arn.region());
        ServiceConfig c = deployment.config();
        ServiceSettings settings = service.settings();
        RunTaskRequest.Builder r = RunTaskRequest.builder()
                .cluster(service.cluster().name())
                .taskDefinition(c.taskDefinitionArn())
                .count(count)
                .startedBy(deployment.id())
                .group(service.taskGroup())
                .networkConfiguration(c.networkConfiguration())
                .enableExecuteCommand(c.enableExecuteCommand())
                .platformVersion(c.platformVersion());
        if (c.capacityProviderStrategy().isEmpty()) {
            r.launchType(c.launchType());
        } else {
            r.capacityProviderStrategy(c.capacityProviderStrategy());
        }
        if (settings.propagateTags() == PropagateTags.TASK_DEFINITION) {
            r.propagateTags(PropagateTags.TASK_DEFINITION);
        } else if (settings.propagateTags() == PropagateTags.SERVICE) {
            r.tags(service.tags().asList(Tag.class));
        }
        var definitionTags = region.taskDefinitions.registry().tags(c.taskDefinitionArn()).asMap();
        List<TaskRecord> tasks = TaskFactory.create(r.build(), service.cluster(), c.taskDefinition(), definitionTags,
                region.arns, region.region, clock.now());
        if (settings.enableEcsManagedTags()) {
            // aws: keys are ECS's own: a user could not set them, ECS does
            tasks.forEach(t -> t.tags().copy(Map.of("aws:ecs:serviceName", service.name(),
                    "aws:ecs:clusterName", service.cluster().name())));
        }
        if (!service.cluster().containerInstances().isEmpty()) {
            try {
                placement.host().get().get(HOST_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                // no engine answers: placed unchecked, the launch then fails for the missing engine
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return List.of();
            }
        }
        Placement.Result placed = placement.place(service.cluster(), tasks);
        if (!placed.failures().isEmpty()) {
            service.launchFailed(unableToPlace(service, placed.failures().get(0)), clock.now());
        }
        List<TaskRecord> launched = placed.placed();
        if (region.state.addTasks(service.cluster(), null, launched, clock.now()) == null) {
            placement.release(service.cluster(), launched);
            throw EcsErrors.clusterNotFound();
        }
        return launched;
    }

    /** ECS's event for a task no container instance has room for, naming the closest instance and what it lacks. */
    static String unableToPlace(ServiceRecord service, Failure failure) {
        String instance = failure.arn() == null ? "" : failure.arn().substring(failure.arn().lastIndexOf('/') + 1);
        String lack = switch (failure.reason() == null ? "" : failure.reason()) {
            case "RESOURCE:MEMORY" -> "has insufficient memory available";
            case "RESOURCE:CPU" -> "has insufficient CPU units available";
            case "RESOURCE:PORTS", "RESOURCE:PORTS_UDP" -> "is already using a port required by your task";
            default -> "does not meet the task's requirements (" + failure.reason() + ")";
        };
        return "(service " + service.name() + ") was unable to place a task because no container instance met all of"
                + " its requirements. The closest matching (container-instance " + instance + ") " + lack
                + ". For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.";
    }
}
