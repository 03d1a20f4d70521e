package dev.hangar.lambda;

import dev.hangar.core.resource.TagRequest;
import dev.hangar.core.service.AwsErrors;
import dev.hangar.core.service.RequestContext;
import dev.hangar.core.service.RunsOn;
import dev.hangar.core.state.AccountRegionStore;
import dev.hangar.lambda.domain.LambdaFunction;
import software.amazon.awssdk.services.lambda.model.ListTagsRequest;
import software.amazon.awssdk.services.lambda.model.ListTagsResponse;
import software.amazon.awssdk.services.lambda.model.TagResourceRequest;
import software.amazon.awssdk.services.lambda.model.TagResourceResponse;
import software.amazon.awssdk.services.lambda.model.UntagResourceRequest;
import software.amazon.awssdk.services.lambda.model.UntagResourceResponse;

/** TagResource, UntagResource, ListTags: tags of functions as a whole (versions and aliases have none). */
@RunsOn(RunsOn.Pool.WORKERS)
record TagHandlers(AccountRegionStore<LambdaRegion> regions) {

    public TagResourceResponse tagResource(RequestContext ctx, TagResourceRequest r) {
        LambdaFunction function = taggable(regions.get(ctx), r.resource());
        if (!r.hasTags() || r.tags().isEmpty()) {
            throw LambdaErrors.invalidParameter("An error occurred and the request cannot be processed.");
        }
        function.tags().add(TagRequest.of(r.tags()), LambdaTagging.ERRORS);
        return TagResourceResponse.builder().build();
    }

    public UntagResourceResponse untagResource(RequestContext ctx, UntagResourceRequest r) {
        LambdaFunction function = taggable(regions.get(ctx), r.resource());
        if (!r.hasTagKeys() || r.tagKeys().isEmpty()) {
            throw AwsErrors.missingMember("TagKeys");
        }
        function.tags().remove(r.tagKeys());
        return UntagResourceResponse.builder().build();
    }

    public ListTagsResponse listTags(RequestContext ctx, ListTagsRequest r) {
        return ListTagsResponse.builder().tags(taggable(regions.get(ctx), r.resource()).tags().asMap()).build();
    }

    private static LambdaFunction taggable(LambdaRegion region, String resource) {
        LambdaArns.FunctionRef ref = region.arns().resource(resource);
        if (ref.qualified()) {
            throw LambdaErrors.invalidParameter("Tagging operations are permitted on Lambda functions only. Tags on "
                    + "aliases and versions are not supported. Please specify either a function name or a function ARN.");
        }
        return region.require(ref.name());
    }
}
