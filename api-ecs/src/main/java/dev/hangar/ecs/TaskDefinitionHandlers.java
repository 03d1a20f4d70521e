package dev.hangar.ecs;

import dev.hangar.core.resource.Page;
import dev.hangar.core.resource.ResourceTags;
import dev.hangar.core.service.RequestContext;
import dev.hangar.core.service.RunsOn;
import dev.hangar.core.state.AccountRegionStore;
import software.amazon.awssdk.services.ecs.model.DeleteTaskDefinitionsRequest;
import software.amazon.awssdk.services.ecs.model.DeleteTaskDefinitionsResponse;
import software.amazon.awssdk.services.ecs.model.DeregisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.DeregisterTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.ListTaskDefinitionFamiliesRequest;
import software.amazon.awssdk.services.ecs.model.ListTaskDefinitionFamiliesResponse;
import software.amazon.awssdk.services.ecs.model.ListTaskDefinitionsRequest;
import software.amazon.awssdk.services.ecs.model.ListTaskDefinitionsResponse;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.SortOrder;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionField;

import java.util.Comparator;
import java.util.List;

/**
 * The task definition operations: register, describe, list (revisions and families), deregister, delete. The work
 * is the region's {@link TaskDefinitions}; these map it onto the responses.
 */
@RunsOn(RunsOn.Pool.EVENT_LOOP)
record TaskDefinitionHandlers(AccountRegionStore<EcsRegion> regions) {

    public RegisterTaskDefinitionResponse registerTaskDefinition(RequestContext ctx, RegisterTaskDefinitionRequest r) {
        EcsRegion region = regions.get(ctx);
        TaskDefinition registered = region.taskDefinitions.register(ctx, r);
        var response = RegisterTaskDefinitionResponse.builder().taskDefinition(registered);
        ResourceTags tags = region.taskDefinitions.registry().tags(registered.taskDefinitionArn());
        if (!tags.isEmpty()) {
            response.tags(EcsTagging.sdk(tags));
        }
        return response.build();
    }

    public DescribeTaskDefinitionResponse describeTaskDefinition(RequestContext ctx, DescribeTaskDefinitionRequest r) {
        EcsRegion region = regions.get(ctx);
        TaskDefinition found = region.taskDefinitions.describe(r.taskDefinition());
        var response = DescribeTaskDefinitionResponse.builder().taskDefinition(found);
        if (r.include().contains(TaskDefinitionField.TAGS)) {
            response.tags(EcsTagging.sdk(region.taskDefinitions.registry().tags(found.taskDefinitionArn())));
        }
        return response.build();
    }

    public ListTaskDefinitionsResponse listTaskDefinitions(RequestContext ctx, ListTaskDefinitionsRequest r) {
        List<TaskDefinition> listed = regions.get(ctx).taskDefinitions.list(r.familyPrefix(), r.status(), r.sort());
        Comparator<String> order = r.sort() == SortOrder.DESC ? Comparator.reverseOrder() : Comparator.naturalOrder();
        Page<TaskDefinition> page = EcsPages.PAGER.page(r, listed, TaskDefinitions::listKey, order,
                EcsPages.size(r.maxResults()));
        return ListTaskDefinitionsResponse.builder()
                .taskDefinitionArns(page.items().stream().map(TaskDefinition::taskDefinitionArn).toList())
                .nextToken(page.nextToken()).build();
    }

    public ListTaskDefinitionFamiliesResponse listTaskDefinitionFamilies(RequestContext ctx,
                                                                         ListTaskDefinitionFamiliesRequest r) {
        List<String> families = regions.get(ctx).taskDefinitions.families(r.familyPrefix(), r.status());
        Page<String> page = EcsPages.PAGER.page(r, families, family -> family, EcsPages.size(r.maxResults()));
        return ListTaskDefinitionFamiliesResponse.builder().families(page.items()).nextToken(page.nextToken())
                .build();
    }

    public DeregisterTaskDefinitionResponse deregisterTaskDefinition(RequestContext ctx,
                                                                     DeregisterTaskDefinitionRequest r) {
        return DeregisterTaskDefinitionResponse.builder()
                .taskDefinition(regions.get(ctx).taskDefinitions.deregister(r.taskDefinition())).build();
    }

    public DeleteTaskDefinitionsResponse deleteTaskDefinitions(RequestContext ctx, DeleteTaskDefinitionsRequest r) {
        TaskDefinitions.Deleted deleted = regions.get(ctx).taskDefinitions.delete(r.taskDefinitions());
        return DeleteTaskDefinitionsResponse.builder().taskDefinitions(deleted.taskDefinitions())
                .failures(deleted.failures()).build();
    }
}
