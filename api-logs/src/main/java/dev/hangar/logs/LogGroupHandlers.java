package dev.hangar.logs;

import dev.hangar.core.resource.Page;
import dev.hangar.core.resource.TagRequest;
import dev.hangar.core.service.RequestContext;
import dev.hangar.core.service.RunsOn;
import dev.hangar.core.state.AccountRegionStore;
import dev.hangar.core.time.HangarClock;
import dev.hangar.logs.domain.LogGroupRecord;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogGroupResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteLogGroupResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteRetentionPolicyRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteRetentionPolicyResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutRetentionPolicyRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutRetentionPolicyResponse;

import java.util.ArrayList;
import java.util.List;

/**
 * The log group operations: CreateLogGroup, DeleteLogGroup, DescribeLogGroups and the retention policy.
 *
 * @param clock a group's creationTime is on it
 */
@RunsOn(RunsOn.Pool.EVENT_LOOP)
record LogGroupHandlers(AccountRegionStore<LogsRegion> regions, HangarClock clock) {

    public CreateLogGroupResponse createLogGroup(RequestContext ctx, CreateLogGroupRequest r) {
        LogsRegion region = regions.get(ctx);
        String name = LogsValidation.groupName(r.logGroupName(), "logGroupName");
        LogGroupRecord group = new LogGroupRecord(name, region.arns(), clock.millis(), r.kmsKeyId(),
                r.logGroupClassAsString(), r.deletionProtectionEnabled());
        group.tags().add(TagRequest.of(r.tags()), LogsTagging.LOG_GROUP);
        if (region.add(group) == null) {
            throw LogsErrors.groupExists();
        }
        return CreateLogGroupResponse.builder().build();
    }

    public DeleteLogGroupResponse deleteLogGroup(RequestContext ctx, DeleteLogGroupRequest r) {
        String name = LogsValidation.groupName(r.logGroupName(), "logGroupName");
        if (!regions.get(ctx).remove(name)) {
            throw LogsErrors.groupNotFound();
        }
        return DeleteLogGroupResponse.builder().build();
    }

    public DescribeLogGroupsResponse describeLogGroups(RequestContext ctx, DescribeLogGroupsRequest r) {
        LogsRegion region = regions.get(ctx);
        int limit = LogsValidation.limit(r.limit(), 50);
        String prefix = r.logGroupNamePrefix();
        String pattern = r.logGroupNamePattern();
        if (prefix != null && pattern != null) {
            throw LogsErrors.invalidParameter(
                    "LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.");
        }
        List<String> identifiers = new ArrayList<>();
        for (String identifier : r.logGroupIdentifiers()) {
            identifiers.add(region.arns().groupName(identifier));
        }
        List<LogGroupRecord> matching = new ArrayList<>();
        for (LogGroupRecord group : NamePrefix.range(region.groups(), prefix).values()) {
            String name = group.name();
            if ((pattern == null || name.contains(pattern))
                    && (identifiers.isEmpty() || identifiers.contains(name))
                    && (r.logGroupClass() == null || r.logGroupClassAsString().equals(group.logGroupClass()))) {
                matching.add(group);
            }
        }
        Page<LogGroupRecord> page = LogsPages.PAGER.page(r, matching, LogGroupRecord::name, limit);
        List<LogGroup> out = new ArrayList<>();
        for (LogGroupRecord group : page.items()) {
            var sdk = group.toSdk();
            if (pattern != null) {
                // AWS: "If you specify logGroupNamePattern, only arn, creationTime, and logGroupName are included".
                sdk = LogGroup.builder()
                        .logGroupName(sdk.logGroupName()).creationTime(sdk.creationTime()).arn(sdk.arn()).build();
            }
            out.add(sdk);
        }
        return DescribeLogGroupsResponse.builder().logGroups(out).nextToken(page.nextToken()).build();
    }

    public PutRetentionPolicyResponse putRetentionPolicy(RequestContext ctx, PutRetentionPolicyRequest r) {
        LogGroupRecord group = regions.get(ctx).require(LogsValidation.groupName(r.logGroupName(), "logGroupName"));
        group.retentionInDays(LogsValidation.retentionInDays(r.retentionInDays()));
        return PutRetentionPolicyResponse.builder().build();
    }

    public DeleteRetentionPolicyResponse deleteRetentionPolicy(RequestContext ctx, DeleteRetentionPolicyRequest r) {
        LogGroupRecord group = regions.get(ctx).require(LogsValidation.groupName(r.logGroupName(), "logGroupName"));
        group.retentionInDays(null);
        return DeleteRetentionPolicyResponse.builder().build();
    }
}
