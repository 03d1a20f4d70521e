package dev.hangar.logs.domain;

import software.amazon.awssdk.services.cloudwatchlogs.model.LogStream;

import java.util.Collections;
import java.util.List;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A log stream: its events in (timestamp, seq) order. Writers and readers never lock each other: the event set is
 * a concurrent skip list, so many Lambda environments and ECS containers can append while clients page through.
 */
public final class LogStreamRecord {

    private final String name;
    private final String arn;
    private final long creationTime;
    private final NavigableSet<StoredEvent> events = new ConcurrentSkipListSet<>(StoredEvent.ORDER);
    private final AtomicLong count = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong uploads = new AtomicLong();
    private volatile long lastIngestionTime;

    public LogStreamRecord(String name, String arn, long creationTime) {
        this.name = name;
        this.arn = arn;
        this.creationTime = creationTime;
    }

    public String name() {
        return name;
    }

    public void append(List<StoredEvent> batch, long ingestionTime) {
        if (batch.isEmpty()) {
            return;
        }
        long added = 0;
        for (StoredEvent event : batch) {
            events.add(event);
            added += StoredEvent.utf8Length(event.message());
        }
        count.addAndGet(batch.size());
        bytes.addAndGet(added);
        uploads.incrementAndGet();
        lastIngestionTime = ingestionTime;
    }

    /** The events in [from, to), ascending; a live view, safe to iterate while others append. */
    public NavigableSet<StoredEvent> between(Position from, Position to) {
        StoredEvent lo = StoredEvent.probe(from);
        StoredEvent hi = StoredEvent.probe(to);
        if (StoredEvent.ORDER.compare(lo, hi) >= 0) {
            return Collections.emptyNavigableSet();
        }
        return events.subSet(lo, true, hi, false);
    }

    long eventCount() {
        return count.get();
    }

    public long storedBytes() {
        return bytes.get();
    }

    /** The sequence token AWS used to demand; now only reported, and changes with every upload. */
    String uploadSequenceToken() {
        long n = uploads.get();
        return n == 0 ? null : String.format("%056d", n);
    }

    public LogStream toSdk() {
        var out = LogStream.builder()
                .logStreamName(name)
                .creationTime(creationTime)
                .arn(arn)
                // AWS deprecated per-stream storedBytes in 2019 and always reports 0.
                .storedBytes(0L);
        if (!events.isEmpty()) {
            // Events are never removed from a stream, so first()/last() cannot fail once it is non-empty.
            out.firstEventTimestamp(events.first().timestamp())
                    .lastEventTimestamp(events.last().timestamp())
                    .lastIngestionTime(lastIngestionTime)
                    .uploadSequenceToken(uploadSequenceToken());
        }
        return out.build();
    }

    /** For DescribeLogStreams orderBy=LastEventTime: streams with no events sort first. */
    public long lastEventTimestampOrMin() {
        return events.isEmpty() ? Long.MIN_VALUE : events.last().timestamp();
    }
}
