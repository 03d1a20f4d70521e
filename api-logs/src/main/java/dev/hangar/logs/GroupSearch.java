package dev.hangar.logs;

import dev.hangar.logs.domain.LogStreamRecord;
import dev.hangar.logs.domain.Position;
import dev.hangar.logs.domain.StoredEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.SearchedLogStream;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * FilterLogEvents: the matching events of several streams, interleaved in (timestamp, seq) order. The next page
 * starts after the last event returned, so a page boundary survives concurrent appends, and eventIds are stable:
 * `aws logs tail --follow` re-asks from the newest timestamp it has seen and drops the ids it already printed.
 */
final class GroupSearch {

    private static final Position END = new Position(Long.MAX_VALUE, 0);

    private GroupSearch() {
    }

    private record Head(StoredEvent event, Iterator<StoredEvent> rest) {
    }

    /** The page's token names the position after its last event (the kit's pager, bound to the request's filter). */
    static FilterLogEventsResponse search(FilterLogEventsRequest r, List<LogStreamRecord> streams,
                                          FilterPattern pattern, int limit) {
        Long endTime = r.endTime();
        Position low = r.startTime() == null ? Position.START : Position.startOf(r.startTime());
        // endTime is inclusive here (unlike GetLogEvents): events later than it are not returned.
        Position high = endTime == null || endTime == Long.MAX_VALUE ? END : Position.startOf(endTime + 1);
        String resumeKey = LogsPages.PAGER.start(r);
        if (resumeKey != null) {
            Position resume = Position.parse(resumeKey);
            if (resume == null) {
                throw LogsErrors.invalidToken();
            }
            if (StreamReader.compare(resume, low) > 0) {
                low = resume;
            }
        }
        PriorityQueue<Head> heads = new PriorityQueue<>((a, b) -> StoredEvent.ORDER.compare(a.event, b.event));
        for (LogStreamRecord stream : streams) {
            push(heads, stream.between(low, high).iterator());
        }

        List<FilteredLogEvent> page = new ArrayList<>();
        long bytes = 0;
        StoredEvent last = null;
        boolean more = false;
        while (!heads.isEmpty()) {
            Head head = heads.poll();
            push(heads, head.rest);
            StoredEvent event = head.event;
            if (!pattern.test(event.message())) {
                continue;
            }
            bytes += event.billedBytes();
            if (page.size() >= limit || (bytes > StreamReader.MAX_RESPONSE_BYTES && !page.isEmpty())) {
                more = true;
                break;
            }
            page.add(FilteredLogEvent.builder()
                    .logStreamName(event.streamName())
                    .timestamp(event.timestamp())
                    .message(event.message())
                    .ingestionTime(event.ingestionTime())
                    .eventId(event.eventId())
                    .build());
            last = event;
        }

        List<SearchedLogStream> searched = new ArrayList<>(streams.size());
        for (LogStreamRecord stream : streams) {
            searched.add(SearchedLogStream.builder().logStreamName(stream.name()).searchedCompletely(!more).build());
        }
        return FilterLogEventsResponse.builder()
                .events(page)
                .searchedLogStreams(searched)
                .nextToken(more ? LogsPages.PAGER.token(r, last.after().digits()) : null)
                .build();
    }

    private static void push(PriorityQueue<Head> heads, Iterator<StoredEvent> it) {
        if (it.hasNext()) {
            heads.add(new Head(it.next(), it));
        }
    }
}
