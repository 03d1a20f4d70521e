package dev.hangar.ssm;

import dev.hangar.core.resource.TagRequest;
import dev.hangar.core.service.RequestContext;
import dev.hangar.core.service.RunsOn;
import dev.hangar.core.state.AccountRegionStore;
import dev.hangar.ssm.domain.ParameterRecord;
import software.amazon.awssdk.services.ssm.model.AddTagsToResourceRequest;
import software.amazon.awssdk.services.ssm.model.AddTagsToResourceResponse;
import software.amazon.awssdk.services.ssm.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.ssm.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.ssm.model.RemoveTagsFromResourceRequest;
import software.amazon.awssdk.services.ssm.model.RemoveTagsFromResourceResponse;
import software.amazon.awssdk.services.ssm.model.ResourceTypeForTagging;
import software.amazon.awssdk.services.ssm.model.Tag;

/**
 * Tags of parameters (ResourceType Parameter, ResourceId the parameter's name). Parameters are the only taggable
 * resource Hangar's Systems Manager has: another valid type names nothing here (InvalidResourceId), an unknown one
 * is InvalidResourceType.
 */
@RunsOn(RunsOn.Pool.EVENT_LOOP)
record TagHandlers(AccountRegionStore<SsmRegion> regions) {

    public AddTagsToResourceResponse addTagsToResource(RequestContext ctx, AddTagsToResourceRequest r) {
        parameter(ctx, r.resourceType(), r.resourceId()).tags().add(TagRequest.ofList(r.tags()), SsmTagging.ERRORS);
        return AddTagsToResourceResponse.builder().build();
    }

    public RemoveTagsFromResourceResponse removeTagsFromResource(RequestContext ctx,
                                                                 RemoveTagsFromResourceRequest r) {
        parameter(ctx, r.resourceType(), r.resourceId()).tags().remove(r.tagKeys());
        return RemoveTagsFromResourceResponse.builder().build();
    }

    public ListTagsForResourceResponse listTagsForResource(RequestContext ctx, ListTagsForResourceRequest r) {
        ParameterRecord record = parameter(ctx, r.resourceType(), r.resourceId());
        return ListTagsForResourceResponse.builder().tagList(record.tags().asList(Tag.class)).build();
    }

    private ParameterRecord parameter(RequestContext ctx, ResourceTypeForTagging type, String resourceId) {
        if (type == null || type == ResourceTypeForTagging.UNKNOWN_TO_SDK_VERSION) {
            throw SsmErrors.invalidResourceType();
        }
        ParameterRecord record = type == ResourceTypeForTagging.PARAMETER && resourceId != null
                ? regions.get(ctx).find(resourceId.strip()) : null;
        if (record == null) {
            throw SsmErrors.invalidResourceId();
        }
        return record;
    }
}
