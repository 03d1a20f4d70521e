package dev.hangar.ecs;

import dev.hangar.core.resource.ResourceTags;
import dev.hangar.core.resource.TagErrors;
import dev.hangar.core.resource.TagRequest;
import dev.hangar.core.resource.TagRule;
import dev.hangar.core.resource.TagRules;
import dev.hangar.ecs.domain.ClusterRecord;
import dev.hangar.ecs.domain.ServiceRecord;
import dev.hangar.ecs.domain.TaskRecord;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

import java.util.List;
import java.util.Set;

/**
 * ECS's side of tagging: which resource an ARN names (a cluster, a task definition revision or a task), and how ECS
 * words the kit's tag rules. AWS's text is known for invalid characters (as users report it, e.g.
 * prefect-aws#223); the others are Hangar's wording in ECS's InvalidParameterException.
 */
final class EcsTagging {

    private static final String TOO_MANY = "Too many tags: a resource can have at most 50 tags.";

    static final TagErrors ERRORS = TagErrors.of(EcsTagging::invalid,
            key -> EcsErrors.invalidParameter(TagRules.reservedKeyMessage(key)),
            request -> EcsErrors.invalidParameter(TOO_MANY));

    private EcsTagging() {
    }

    /** One message for the first broken rule, as ECS answers one problem at a time. */
    private static RuntimeException invalid(TagRequest request, Set<TagRule> broken) {
        if (broken.contains(TagRule.TOO_MANY_IN_REQUEST)) {
            return EcsErrors.invalidParameter(TOO_MANY);
        }
        if (broken.contains(TagRule.KEY_LENGTH)) {
            return EcsErrors.invalidParameter("Tag keys must be between 1 and 128 characters long.");
        }
        if (broken.contains(TagRule.VALUE_LENGTH)) {
            return EcsErrors.invalidParameter("Tag values must be at most 256 characters long.");
        }
        return EcsErrors.invalidParameter("Some tags contain invalid characters. Valid characters: UTF-8 letters,"
                + " spaces, numbers and _ . / = + - : @.");
    }

    /** A request's tags member, checked before anything is created. */
    static TagRequest check(List<Tag> tags) {
        TagRequest request = TagRequest.ofList(tags);
        TagRules.check(request, ERRORS);
        return request;
    }

    /** Adds a request's tags to a resource, checked, within the resource's limit. */
    static void add(ResourceTags to, List<Tag> tags) {
        to.add(TagRequest.ofList(tags), ERRORS);
    }

    static List<Tag> sdk(ResourceTags tags) {
        return tags.asList(Tag.class);
    }

    static ResourceTags of(EcsRegion region, String arn) {
        String resource = region.arns.resourceOf(arn);
        if (resource == null) {
            throw EcsErrors.invalidParameter("The ARN provided is not a valid ECS resource ARN of this account"
                    + " and region: " + arn);
        }
        if (resource.startsWith("cluster/")) {
            ClusterRecord cluster = region.state.cluster(resource.substring("cluster/".length()));
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
        if (resource.startsWith("service/")) {
            String[] parts = resource.substring("service/".length()).split("/");
            ClusterRecord cluster = parts.length == 2 ? region.state.cluster(parts[0]) : null;
            ServiceRecord service = cluster == null ? null : region.state.service(cluster, parts[1]);
            if (service == null || !service.live()) {
                throw notFound();
            }
            return service.tags();
        }
        if (resource.startsWith("task/")) {
            TaskRecord task = region.state.task(EcsArns.taskId(arn));
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
