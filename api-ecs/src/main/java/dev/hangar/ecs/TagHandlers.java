package dev.hangar.ecs;

import dev.hangar.core.service.RequestContext;
import dev.hangar.core.service.RunsOn;
import dev.hangar.core.state.AccountRegionStore;
import software.amazon.awssdk.services.ecs.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.ecs.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.ecs.model.TagResourceRequest;
import software.amazon.awssdk.services.ecs.model.TagResourceResponse;
import software.amazon.awssdk.services.ecs.model.UntagResourceRequest;
import software.amazon.awssdk.services.ecs.model.UntagResourceResponse;

/** TagResource, UntagResource, ListTagsForResource on clusters, task definition revisions and tasks. */
@RunsOn(RunsOn.Pool.EVENT_LOOP)
record TagHandlers(AccountRegionStore<EcsRegion> regions) {

    public TagResourceResponse tagResource(RequestContext ctx, TagResourceRequest r) {
        EcsTagging.check(r.tags());
        EcsTagging.add(EcsTagging.of(regions.get(ctx), r.resourceArn()), r.tags());
        return TagResourceResponse.builder().build();
    }

    public UntagResourceResponse untagResource(RequestContext ctx, UntagResourceRequest r) {
        EcsTagging.of(regions.get(ctx), r.resourceArn()).remove(r.tagKeys());
        return UntagResourceResponse.builder().build();
    }

    public ListTagsForResourceResponse listTagsForResource(RequestContext ctx, ListTagsForResourceRequest r) {
        return ListTagsForResourceResponse.builder()
                .tags(EcsTagging.sdk(EcsTagging.of(regions.get(ctx), r.resourceArn()))).build();
    }
}
