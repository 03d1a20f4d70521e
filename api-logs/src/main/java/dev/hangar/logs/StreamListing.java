package dev.hangar.logs;

import dev.hangar.core.resource.Page;
import dev.hangar.core.resource.PageKeys;
import dev.hangar.logs.domain.LogGroupRecord;
import dev.hangar.logs.domain.LogStreamRecord;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogStreamsRequest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/** One page of DescribeLogStreams, by name or by last event time, either way up. */
final class StreamListing {

    /**
     * A stream with the key it is listed by, taken once: a stream's last event time moves while writers append, and
     * a listing must stay sorted by the keys it pages with.
     */
    private record Keyed(String key, LogStreamRecord stream) {
    }

    private StreamListing() {
    }

    static Page<LogStreamRecord> byName(DescribeLogStreamsRequest r, LogGroupRecord group, boolean descending, int limit) {
        List<Keyed> streams = new ArrayList<>();
        for (LogStreamRecord stream : NamePrefix.range(group.streams(), r.logStreamNamePrefix()).values()) {
            streams.add(new Keyed(stream.name(), stream));
        }
        return page(r, streams, descending, limit);
    }

    /** Streams with no events first (ascending), then by their last event's timestamp, then by name. */
    static Page<LogStreamRecord> byLastEventTime(DescribeLogStreamsRequest r, LogGroupRecord group, boolean descending,
                                           int limit) {
        List<Keyed> streams = new ArrayList<>();
        for (LogStreamRecord stream : group.streams().values()) {
            streams.add(new Keyed(PageKeys.of(PageKeys.number(stream.lastEventTimestampOrMin()), stream.name()),
                    stream));
        }
        streams.sort(Comparator.comparing(Keyed::key));
        return page(r, streams, descending, limit);
    }

    private static Page<LogStreamRecord> page(DescribeLogStreamsRequest r, List<Keyed> ascending, boolean descending,
                                        int limit) {
        if (descending) {
            Collections.reverse(ascending);
        }
        Comparator<String> order = descending ? Comparator.reverseOrder() : Comparator.naturalOrder();
        Page<Keyed> page = LogsPages.PAGER.page(r, ascending, Keyed::key, order, limit);
        return new Page<>(page.items().stream().map(Keyed::stream).toList(), page.nextToken());
    }
}
