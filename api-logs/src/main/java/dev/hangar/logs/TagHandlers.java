package dev.hangar.logs;

import dev.hangar.core.resource.TagErrors;
import dev.hangar.core.resource.TagRequest;
import dev.hangar.core.service.RequestContext;
import dev.hangar.core.service.RunsOn;
import dev.hangar.core.state.AccountRegionStore;
import dev.hangar.logs.domain.LogGroupRecord;
import software.amazon.awssdk.services.cloudwatchlogs.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.ListTagsLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.ListTagsLogGroupResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cloudwatchlogs.model.TagLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.TagLogGroupResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.TagResourceRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.TagResourceResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.UntagLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.UntagLogGroupResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.UntagResourceRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.UntagResourceResponse;

import java.util.Map;

/** Tags of log groups: the older TagLogGroup family by name, and TagResource's by ARN. */
@RunsOn(RunsOn.Pool.EVENT_LOOP)
record TagHandlers(AccountRegionStore<LogsRegion> regions) {

    public TagLogGroupResponse tagLogGroup(RequestContext ctx, TagLogGroupRequest r) {
        LogGroupRecord group = regions.get(ctx).require(LogsValidation.groupName(r.logGroupName(), "logGroupName"));
        group.tags().add(TagRequest.of(r.tags()), LogsTagging.LOG_GROUP);
        return TagLogGroupResponse.builder().build();
    }

    public UntagLogGroupResponse untagLogGroup(RequestContext ctx, UntagLogGroupRequest r) {
        regions.get(ctx).require(LogsValidation.groupName(r.logGroupName(), "logGroupName")).tags().remove(r.tags());
        return UntagLogGroupResponse.builder().build();
    }

    public ListTagsLogGroupResponse listTagsLogGroup(RequestContext ctx, ListTagsLogGroupRequest r) {
        LogGroupRecord group = regions.get(ctx).require(LogsValidation.groupName(r.logGroupName(), "logGroupName"));
        return ListTagsLogGroupResponse.builder().tags(group.tags().asMap()).build();
    }

    public TagResourceResponse tagResource(RequestContext ctx, TagResourceRequest r) {
        TagErrors errors = LogsTagging.tagResource(r.resourceArn());
        taggable(ctx, r.resourceArn()).tags().add(TagRequest.of(r.tags()), errors);
        return TagResourceResponse.builder().build();
    }

    public UntagResourceResponse untagResource(RequestContext ctx, UntagResourceRequest r) {
        taggable(ctx, r.resourceArn()).tags().remove(r.tagKeys());
        return UntagResourceResponse.builder().build();
    }

    public ListTagsForResourceResponse listTagsForResource(RequestContext ctx, ListTagsForResourceRequest r) {
        Map<String, String> tags = taggable(ctx, r.resourceArn()).tags().asMap();
        return ListTagsForResourceResponse.builder().tags(tags).build();
    }

    /** Log groups are the only taggable resource Hangar has (no destinations or delivery sources yet). */
    private LogGroupRecord taggable(RequestContext ctx, String resourceArn) {
        if (resourceArn == null) {
            throw LogsErrors.validation().missing("resourceArn").error();
        }
        if (!resourceArn.startsWith("arn:")) {
            throw LogsErrors.invalidParameter("Invalid ARN: " + resourceArn);
        }
        LogsRegion region = regions.get(ctx);
        String name = region.arns().groupName(resourceArn);
        LogGroupRecord group = name == null ? null : region.group(name);
        if (group == null) {
            throw ResourceNotFoundException.builder()
                    .message("The specified resource does not exist: " + resourceArn).build();
        }
        return group;
    }
}
