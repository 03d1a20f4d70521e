package dev.hangar.logs;

import dev.hangar.core.port.LogSink;
import dev.hangar.core.resource.Page;
import dev.hangar.core.resource.TagErrors;
import dev.hangar.core.resource.TagRequest;
import dev.hangar.core.service.AwsService;
import dev.hangar.core.service.Protocol;
import dev.hangar.core.service.RequestContext;
import dev.hangar.core.service.RunsOn;
import dev.hangar.core.service.ServiceContext;
import dev.hangar.core.service.ServiceDescriptor;
import dev.hangar.core.state.AccountRegionStore;
import dev.hangar.core.time.HangarClock;
import dev.hangar.logs.domain.LogGroupRecord;
import dev.hangar.logs.domain.LogStreamRecord;
import dev.hangar.logs.domain.StoredEvent;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Amazon CloudWatch Logs, in memory: log groups, streams, events and their searches. It is also the {@link LogSink}
 * Lambda and ECS hand their output to, so whatever a function or task prints is readable with the real SDKs and
 * `aws logs tail`. Handlers only touch memory and never block, so they run on the event loop.
 */
@RunsOn(RunsOn.Pool.EVENT_LOOP)
public final class LogsService implements AwsService, LogSink {

    private final AccountRegionStore<LogsRegion> regions = new AccountRegionStore<>(LogsRegion::new);
    /** One sequence for every event of every stream: it orders same-millisecond events and makes eventIds. */
    private final AtomicLong sequence = new AtomicLong();
    private final HangarClock clock;

    /** As Hangar makes it: on Hangar's clock, and the log sink other services write to. */
    public LogsService(ServiceContext ctx) {
        this(ctx.clock());
        ctx.ports().provide(LogSink.class, this);
    }

    /**
     * @param clock creation and ingestion times, and the too-old / too-new limits of PutLogEvents, are measured on
     *              it
     */
    private LogsService(HangarClock clock) {
        this.clock = clock;
    }

    @Override
    public ServiceDescriptor descriptor() {
        return ServiceDescriptor.builder("logs").protocols(Protocol.AWS_JSON_1_1).targetPrefix("Logs_20140328")
                .sdkClient(CloudWatchLogsClient.class).facts(LogsFacts.FACTS).requestErrors(LogsErrors.REQUEST_ERRORS)
                .build();
    }

    @Override
    public void reset() {
        regions.clear();
    }

    private LogsRegion region(RequestContext ctx) {
        return regions.get(ctx);
    }

    private long now() {
        return clock.millis();
    }

    // ---- LogSink ----

    @Override
    public void append(String account, String region, String group, String stream, List<LogEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        long now = now();
        LogStreamRecord target = regions.get(account, region).groupOrCreate(group, now).streamOrCreate(stream, now);
        List<StoredEvent> batch = new ArrayList<>(events.size());
        for (LogEvent event : events) {
            if (event.message() != null) {
                batch.add(new StoredEvent(Math.max(0, event.timestamp()), sequence.incrementAndGet(),
                        event.message(), now, stream));
            }
        }
        target.append(batch, now);
    }

    // ---- log groups ----

    public CreateLogGroupResponse createLogGroup(RequestContext ctx, CreateLogGroupRequest r) {
        LogsRegion region = region(ctx);
        String name = LogsValidation.groupName(r.logGroupName(), "logGroupName");
        LogGroupRecord group = new LogGroupRecord(name, region.arns(), now(), r.kmsKeyId(), r.logGroupClassAsString(),
                r.deletionProtectionEnabled());
        group.tags().add(TagRequest.of(r.tags()), LogsTagging.LOG_GROUP);
        if (region.add(group) == null) {
            throw LogsErrors.groupExists();
        }
        return CreateLogGroupResponse.builder().build();
    }

    public DeleteLogGroupResponse deleteLogGroup(RequestContext ctx, DeleteLogGroupRequest r) {
        String name = LogsValidation.groupName(r.logGroupName(), "logGroupName");
        if (!region(ctx).remove(name)) {
            throw LogsErrors.groupNotFound();
        }
        return DeleteLogGroupResponse.builder().build();
    }

    public DescribeLogGroupsResponse describeLogGroups(RequestContext ctx, DescribeLogGroupsRequest r) {
        LogsRegion region = region(ctx);
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
        LogGroupRecord group = region(ctx).require(LogsValidation.groupName(r.logGroupName(), "logGroupName"));
        group.retentionInDays(LogsValidation.retentionInDays(r.retentionInDays()));
        return PutRetentionPolicyResponse.builder().build();
    }

    public DeleteRetentionPolicyResponse deleteRetentionPolicy(RequestContext ctx, DeleteRetentionPolicyRequest r) {
        LogGroupRecord group = region(ctx).require(LogsValidation.groupName(r.logGroupName(), "logGroupName"));
        group.retentionInDays(null);
        return DeleteRetentionPolicyResponse.builder().build();
    }

    // ---- tags ----

    public TagLogGroupResponse tagLogGroup(RequestContext ctx, TagLogGroupRequest r) {
        LogGroupRecord group = region(ctx).require(LogsValidation.groupName(r.logGroupName(), "logGroupName"));
        group.tags().add(TagRequest.of(r.tags()), LogsTagging.LOG_GROUP);
        return TagLogGroupResponse.builder().build();
    }

    public UntagLogGroupResponse untagLogGroup(RequestContext ctx, UntagLogGroupRequest r) {
        region(ctx).require(LogsValidation.groupName(r.logGroupName(), "logGroupName")).tags().remove(r.tags());
        return UntagLogGroupResponse.builder().build();
    }

    public ListTagsLogGroupResponse listTagsLogGroup(RequestContext ctx, ListTagsLogGroupRequest r) {
        LogGroupRecord group = region(ctx).require(LogsValidation.groupName(r.logGroupName(), "logGroupName"));
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
        LogsRegion region = region(ctx);
        String name = region.arns().groupName(resourceArn);
        LogGroupRecord group = name == null ? null : region.group(name);
        if (group == null) {
            throw ResourceNotFoundException.builder()
                    .message("The specified resource does not exist: " + resourceArn).build();
        }
        return group;
    }

    // ---- log streams ----

    public CreateLogStreamResponse createLogStream(RequestContext ctx, CreateLogStreamRequest r) {
        String groupName = LogsValidation.groupName(r.logGroupName(), "logGroupName");
        String streamName = LogsValidation.streamName(r.logStreamName(), "logStreamName");
        if (region(ctx).require(groupName).createStream(streamName, now()) == null) {
            throw LogsErrors.streamExists();
        }
        return CreateLogStreamResponse.builder().build();
    }

    public DeleteLogStreamResponse deleteLogStream(RequestContext ctx, DeleteLogStreamRequest r) {
        String groupName = LogsValidation.groupName(r.logGroupName(), "logGroupName");
        String streamName = LogsValidation.streamName(r.logStreamName(), "logStreamName");
        if (region(ctx).require(groupName).streams().remove(streamName) == null) {
            throw LogsErrors.streamNotFound();
        }
        return DeleteLogStreamResponse.builder().build();
    }

    public DescribeLogStreamsResponse describeLogStreams(RequestContext ctx, DescribeLogStreamsRequest r) {
        LogGroupRecord group = region(ctx).require(r.logGroupName(), r.logGroupIdentifier());
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

    // ---- events ----

    public PutLogEventsResponse putLogEvents(RequestContext ctx, PutLogEventsRequest r) {
        String groupName = LogsValidation.groupName(r.logGroupName(), "logGroupName");
        String streamName = LogsValidation.streamName(r.logStreamName(), "logStreamName");
        // The sequenceToken is ignored, as AWS has done since January 2023.
        LogGroupRecord group = region(ctx).require(groupName);
        LogStreamRecord stream = group.stream(streamName);
        if (stream == null) {
            throw LogsErrors.streamNotFound();
        }
        long now = now();
        List<InputLogEvent> input = r.logEvents();
        PutBatch batch = PutBatch.check(input, group.retentionInDays(), now);
        List<StoredEvent> accepted = new ArrayList<>(batch.acceptedTo() - batch.acceptedFrom());
        for (int i = batch.acceptedFrom(); i < batch.acceptedTo(); i++) {
            InputLogEvent event = input.get(i);
            accepted.add(new StoredEvent(event.timestamp(), sequence.incrementAndGet(), event.message(), now,
                    streamName));
        }
        stream.append(accepted, now);
        return PutLogEventsResponse.builder()
                .nextSequenceToken(String.format("%056d", sequence.get()))
                .rejectedLogEventsInfo(batch.rejected())
                .build();
    }

    public GetLogEventsResponse getLogEvents(RequestContext ctx, GetLogEventsRequest r) {
        LogGroupRecord group = region(ctx).require(r.logGroupName(), r.logGroupIdentifier());
        String streamName = LogsValidation.streamName(r.logStreamName(), "logStreamName");
        LogStreamRecord stream = group.stream(streamName);
        if (stream == null) {
            throw LogsErrors.streamNotFound();
        }
        int limit = LogsValidation.limit(r.limit(), StreamReader.MAX_EVENTS);
        return StreamReader.read(stream, r.startTime(), r.endTime(), r.nextToken(), r.startFromHead(), limit);
    }

    public FilterLogEventsResponse filterLogEvents(RequestContext ctx, FilterLogEventsRequest r) {
        LogGroupRecord group = region(ctx).require(r.logGroupName(), r.logGroupIdentifier());
        int limit = LogsValidation.limit(r.limit(), StreamReader.MAX_EVENTS);
        if (r.hasLogStreamNames() && r.logStreamNamePrefix() != null) {
            throw LogsErrors.invalidParameter(
                    "logStreamNames and logStreamNamePrefix are mutually exclusive parameters.");
        }
        FilterPattern pattern = FilterPattern.parse(r.filterPattern());
        List<LogStreamRecord> streams = new ArrayList<>();
        if (r.hasLogStreamNames()) {
            for (String name : r.logStreamNames()) {
                LogStreamRecord stream = group.stream(name);
                if (stream != null) {
                    streams.add(stream);
                }
            }
        } else if (r.logStreamNamePrefix() != null) {
            streams.addAll(NamePrefix.range(group.streams(), r.logStreamNamePrefix()).values());
        } else {
            streams.addAll(group.streams().values());
        }
        return GroupSearch.search(r, streams, pattern, limit);
    }
}
