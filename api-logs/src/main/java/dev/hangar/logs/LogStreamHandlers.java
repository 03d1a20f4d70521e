package dev.hangar.logs;

import dev.hangar.core.resource.Page;
import dev.hangar.core.service.RequestContext;
import dev.hangar.core.service.RunsOn;
import dev.hangar.core.state.AccountRegionStore;
import dev.hangar.core.time.HangarClock;
import dev.hangar.logs.domain.LogGroupRecord;
import dev.hangar.logs.domain.LogStreamRecord;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogStreamRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogStreamResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteLogStreamRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteLogStreamResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogStreamsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogStreamsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.OrderBy;

/**
 * The log stream operations: CreateLogStream, DeleteLogStream, DescribeLogStreams.
 *
 * @param clock a stream's creationTime is on it
 */
@RunsOn(RunsOn.Pool.EVENT_LOOP)
record LogStreamHandlers(AccountRegionStore<LogsRegion> regions, HangarClock clock) {

    public CreateLogStreamResponse createLogStream(RequestContext ctx, CreateLogStreamRequest r) {
        String groupName = LogsValidation.groupName(r.logGroupName(), "logGroupName");
        String streamName = LogsValidation.streamName(r.logStreamName(), "logStreamName");
        if (regions.get(ctx).require(groupName).createStream(streamName, clock.millis()) == null) {
            throw LogsErrors.streamExists();
        }
        return CreateLogStreamResponse.builder().build();
    }

    public DeleteLogStreamResponse deleteLogStream(RequestContext ctx, DeleteLogStreamRequest r) {
        String groupName = LogsValidation.groupName(r.logGroupName(), "logGroupName");
        String streamName = LogsValidation.streamName(r.logStreamName(), "logStreamName");
        if (regions.get(ctx).require(groupName).streams().remove(streamName) == null) {
            throw LogsErrors.streamNotFound();
        }
        return DeleteLogStreamResponse.builder().build();
    }

    public DescribeLogStreamsResponse describeLogStreams(RequestContext ctx, DescribeLogStreamsRequest r) {
        LogGroupRecord group = regions.get(ctx).require(r.logGroupName(), r.logGroupIdentifier());
        int limit = LogsValidation.limit(r.limit(), 50);
        boolean byTime = r.orderBy() == OrderBy.LAST_EVENT_TIME;
        if (byTime && r.logStreamNamePrefix() != null) {
            throw LogsErrors.invalidParameter("Cannot order by LastEventTime with a logStreamNamePrefix.");
        }
        boolean descending = Boolean.TRUE.equals(r.descending());
        Page<LogStreamRecord> page = byTime ? StreamListing.byLastEventTime(r, group, descending, limit)
                : StreamListing.byName(r, group, descending, limit);
        return DescribeLogStreamsResponse.builder()
                .logStreams(page.items().stream().map(LogStreamRecord::toSdk).toList())
                .nextToken(page.nextToken())
                .build();
    }
}
