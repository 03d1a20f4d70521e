package dev.hangar.logs;

import dev.hangar.core.port.LogSink;
import dev.hangar.core.service.RequestContext;
import dev.hangar.core.service.RunsOn;
import dev.hangar.core.state.AccountRegionStore;
import dev.hangar.core.time.HangarClock;
import dev.hangar.logs.domain.LogGroupRecord;
import dev.hangar.logs.domain.LogStreamRecord;
import dev.hangar.logs.domain.StoredEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Log events in and out: PutLogEvents, GetLogEvents, FilterLogEvents, and the {@link LogSink} Lambda and ECS hand
 * their output to, so whatever a function or task prints is readable with the real SDKs and `aws logs tail`. Both
 * ways in take their order from one sequence.
 */
@RunsOn(RunsOn.Pool.EVENT_LOOP)
final class LogEventHandlers implements LogSink {

    private final AccountRegionStore<LogsRegion> regions;
    /** Ingestion times, and the too-old / too-new limits of PutLogEvents, are measured on it. */
    private final HangarClock clock;
    /** One sequence for every event of every stream: it orders same-millisecond events and makes eventIds. */
    private final AtomicLong sequence = new AtomicLong();

    LogEventHandlers(AccountRegionStore<LogsRegion> regions, HangarClock clock) {
        this.regions = regions;
        this.clock = clock;
    }

    @Override
    public void append(String account, String region, String group, String stream, List<LogEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        long now = clock.millis();
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

    @Override
    public boolean groupExists(String account, String region, String group) {
        return regions.get(account, region).group(group) != null;
    }

    @Override
    public void createGroup(String account, String region, String group) {
        regions.get(account, region).groupOrCreate(group, clock.millis());
    }

    public PutLogEventsResponse putLogEvents(RequestContext ctx, PutLogEventsRequest r) {
        String groupName = LogsValidation.groupName(r.logGroupName(), "logGroupName");
        String streamName = LogsValidation.streamName(r.logStreamName(), "logStreamName");
        // The sequenceToken is ignored, as AWS has done since January 2023.
        LogGroupRecord group = regions.get(ctx).require(groupName);
        LogStreamRecord stream = group.stream(streamName);
        if (stream == null) {
            throw LogsErrors.streamNotFound();
        }
        long now = clock.millis();
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
        LogGroupRecord group = regions.get(ctx).require(r.logGroupName(), r.logGroupIdentifier());
        String streamName = LogsValidation.streamName(r.logStreamName(), "logStreamName");
        LogStreamRecord stream = group.stream(streamName);
        if (stream == null) {
            throw LogsErrors.streamNotFound();
        }
        int limit = LogsValidation.limit(r.limit(), StreamReader.MAX_EVENTS);
        return StreamReader.read(stream, r.startTime(), r.endTime(), r.nextToken(), r.startFromHead(), limit);
    }

    public FilterLogEventsResponse filterLogEvents(RequestContext ctx, FilterLogEventsRequest r) {
        LogGroupRecord group = regions.get(ctx).require(r.logGroupName(), r.logGroupIdentifier());
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
