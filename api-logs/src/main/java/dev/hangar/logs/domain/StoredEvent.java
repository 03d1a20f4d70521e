package dev.hangar.logs.domain;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;

/**
 * One ingested log event. Events are ordered by (timestamp, seq): seq is unique across the whole service, so the
 * order is total and a position between two events can be named by a {@link Position} that never goes stale
 * when other events are inserted around it.
 */
public record StoredEvent(long timestamp, long seq, String message, long ingestionTime, String streamName) {

    /** AWS counts each event as its UTF-8 message plus 26 bytes, for batch and response limits alike. */
    public static final int OVERHEAD_BYTES = 26;

    public static final Comparator<StoredEvent> ORDER =
            Comparator.comparingLong(StoredEvent::timestamp).thenComparingLong(StoredEvent::seq);

    /** A probe that sorts just before every real event at this position (real events have seq >= 1). */
    public static StoredEvent probe(Position position) {
        return new StoredEvent(position.timestamp(), position.seq(), null, 0, null);
    }

    /** The position just after this event: the next forward page starts here. */
    public Position after() {
        return new Position(timestamp, seq + 1);
    }

    /** The position just before this event: the previous page ends here. */
    public Position before() {
        return new Position(timestamp, seq);
    }

    /** AWS event ids are 56 decimal digits; ours encode the order key, so they are stable and unique. */
    public String eventId() {
        return before().digits();
    }

    public int billedBytes() {
        return utf8Length(message) + OVERHEAD_BYTES;
    }

    public static int utf8Length(String text) {
        // Fast path: most log lines are ASCII, where length == UTF-8 length.
        int n = text.length();
        for (int i = 0; i < n; i++) {
            if (text.charAt(i) >= 0x80) {
                return text.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        return n;
    }
}
