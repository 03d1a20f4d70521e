package dev.hangar.ecs;

import dev.hangar.ecs.domain.Cluster;
import dev.hangar.ecs.domain.Tags;
import dev.hangar.ecs.domain.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/** Finds the tags of the resource an ARN names: a cluster, a task definition revision or a task. */
final class Tagging {

    private Tagging() {
    }

    static Tags of(EcsRegion region, String arn) {
        String resource = region.arns.resourceOf(arn);
        if (resource == null) {
            throw EcsErrors.invalidParameter("The ARN provided is not a valid ECS resource ARN of this account"
                    + " and region: " + arn);
        }
        if (resource.startsWith("cluster/")) {
            Cluster cluster = region.state.cluster(resource.substring("cluster/".length()));
            if (cluster == null || !cluster.active()) {
                throw EcsErrors.clusterNotFound();
            }
            return cluster.tags();
        }
        if (resource.startsWith("task-definition/")) {
            TaskDefinitionRef ref = TaskDefinitionRef.parse(arn, region.arns);
            TaskDefinition found = ref == null || ref.revision() == null ? null
                    : region.taskDefinitions.registry().find(ref.family(), ref.revision());
            if (found == null) {
                throw notFound();
            }
            return region.taskDefinitions.registry().tags(found.taskDefinitionArn());
        }
        if (resource.startsWith("task/")) {
            Task task = region.state.task(EcsArns.taskId(arn));
            if (task == null) {
                throw notFound();
            }
            return task.tags();
        }
        throw EcsErrors.invalidParameter("Tagging is not supported in Hangar for this resource: " + arn);
    }

    private static RuntimeException notFound() {
        return EcsErrors.resourceNotFound("The specified resource could not be found.");
    }
}
