package dev.hangar.runtime;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tells the events a re-subscription replays from those not delivered yet. The engine's stream is not in time
 * order: it stamps an event before taking the lock that orders publication, so two containers starting at once can
 * reach a subscriber in the other order (about one event in a hundred with 60 starts at once, Docker 20.10). An
 * event older than the newest one seen is therefore no sign of a replay; only having seen that same event is. A
 * re-subscription asks for the events since a margin before the newest, and the events seen within that margin are
 * remembered to skip their replay.
 */
final class EventReplayFilter {

    /** Far more than the engine's reordering (microseconds to milliseconds), far less than a memory concern. */
    static final long MARGIN_NANOS = 5_000_000_000L;

    private long newestNanos;
    /** Events seen within the margin of the newest, by container/action/time; oldest first, roughly. */
    private final Map<String, Long> recent = new LinkedHashMap<>();

    /** @param startNanos engine time (ns since the epoch) from which the first subscription asks for events */
    EventReplayFilter(long startNanos) {
        this.newestNanos = startNanos;
    }

    /** Where the next subscription starts: a margin before the newest event seen. */
    synchronized long sinceNanos() {
        return newestNanos - MARGIN_NANOS;
    }

    /** False for an event delivered already; records the others. An event without its time always passes. */
    synchronized boolean firstTimeSeen(String containerId, String action, Long nanos) {
        if (nanos == null) {
            return true;
        }
        if (nanos < newestNanos - MARGIN_NANOS) {
            return false; // before any subscription's start: only a replay brings it
        }
        if (recent.putIfAbsent(containerId + "/" + action + "/" + nanos, nanos) != null) {
            return false;
        }
        if (nanos > newestNanos) {
            newestNanos = nanos;
            forgetBefore(newestNanos - MARGIN_NANOS);
        }
        return true;
    }

    private void forgetBefore(long nanos) {
        for (Iterator<Long> it = recent.values().iterator(); it.hasNext(); ) {
            if (it.next() >= nanos) {
                return; // kept in arrival order: what follows is (all but a few reordered ones) newer still
            }
            it.remove();
        }
    }
}
