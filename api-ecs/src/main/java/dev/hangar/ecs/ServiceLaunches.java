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
import software.amazon.awssdk.services.ecs.model.PropagateTags;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.Tag;

import java.util.List;
import java.util.Map;

/**
 * How the scheduler makes a deployment's tasks: as RunTask would (the same checks, the same records), with the
 * service's marks on them: {@code startedBy} the deployment id, {@code group} service:&lt;name&gt;, the service's
 * tags when propagateTags is SERVICE, and ECS's managed tags when enabled.
 */
record ServiceLaunches(AccountRegionStore<EcsRegion> regions, HangarClock clock) implements ServiceScheduler.Launcher {

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
        if (region.state.addTasks(service.cluster(), null, tasks, clock.now()) == null) {
            throw EcsErrors.clusterNotFound();
        }
        return tasks;
    }
}
