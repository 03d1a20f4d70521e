package dev.hangar.logs;

import dev.hangar.logs.domain.LogStreamRecord;
import dev.hangar.logs.domain.Position;
import dev.hangar.logs.domain.StoredEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * GetLogEvents over one stream, with AWS's paging: without a token, startFromHead picks the first or the last
 * page of the time range; nextForwardToken continues after the page, nextBackwardToken before it; and a page with
 * nothing new hands back the very token it was given, which is how clients know they have reached the end.
 */
final class StreamReader {

    /** A response holds at most this many bytes of events (messages + 26 bytes each), as on AWS. */
    static final int MAX_RESPONSE_BYTES = 1_048_576;
    static final int MAX_EVENTS = 10_000;

    private static final Position END = new Position(Long.MAX_VALUE, 0);

    private StreamReader() {
    }

    static GetLogEventsResponse read(LogStreamRecord stream, Long startTime, Long endTime, String nextToken,
                                     Boolean startFromHead, int limit) {
        Position low = startTime == null ? Position.START : Position.startOf(startTime);
        Position high = endTime == null ? END : Position.startOf(endTime);
        EventCursor cursor = nextToken == null ? null : EventCursor.parse(nextToken);
        // The token knows its direction; startFromHead only decides the first page.
        boolean forward = cursor != null ? cursor.forward() : Boolean.TRUE.equals(startFromHead);
        if (cursor != null && cursor.forward() && compare(cursor.position(), low) > 0) {
            low = cursor.position();
        }
        if (cursor != null && !cursor.forward() && compare(cursor.position(), high) < 0) {
            high = cursor.position();
        }

        Iterator<StoredEvent> it = forward ? stream.between(low, high).iterator()
                : stream.between(low, high).descendingIterator();
        List<StoredEvent> page = new ArrayList<>();
        long bytes = 0;
        while (it.hasNext() && page.size() < limit) {
            StoredEvent event = it.next();
            bytes += event.billedBytes();
            if (bytes > MAX_RESPONSE_BYTES && !page.isEmpty()) {
                break;
            }
            page.add(event);
        }
        if (!forward) {
            Collections.reverse(page);
        }

        Position before;
        Position after;
        if (!page.isEmpty()) {
            before = page.get(0).before();
            after = page.get(page.size() - 1).after();
        } else if (cursor != null) {
            before = cursor.position();
            after = cursor.position();
        } else {
            before = low;
            after = low;
        }
        List<OutputLogEvent> out = new ArrayList<>(page.size());
        for (StoredEvent event : page) {
            out.add(OutputLogEvent.builder().timestamp(event.timestamp()).message(event.message())
                    .ingestionTime(event.ingestionTime()).build());
        }
        return GetLogEventsResponse.builder()
                .events(out)
                .nextForwardToken(new EventCursor(true, after).text())
                .nextBackwardToken(new EventCursor(false, before).text())
                .build();
    }

    static int compare(Position a, Position b) {
        int byTime = Long.compare(a.timestamp(), b.timestamp());
        return byTime != 0 ? byTime : Long.compare(a.seq(), b.seq());
    }
}
