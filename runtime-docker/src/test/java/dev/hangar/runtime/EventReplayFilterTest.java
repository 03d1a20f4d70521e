package dev.hangar.runtime;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventReplayFilterTest {

    private static final long T0 = 1_700_000_000_000_000_000L;

    @Test
    void anEventStampedBeforeOneAlreadyDeliveredStillPasses() {
        // the engine stamps an event before it takes the lock that orders publication: two containers starting at
        // once reach a subscriber in the other order about once in a hundred events (measured on Docker 20.10)
        EventReplayFilter filter = new EventReplayFilter(T0);
        assertTrue(filter.firstTimeSeen("b", "start", T0 + 2_000));
        assertTrue(filter.firstTimeSeen("a", "start", T0 + 1_000), "a's start, published after b's");
        assertTrue(filter.firstTimeSeen("a", "die", T0 + 900_000));
    }

    @Test
    void eventsReplayedAfterAReSubscriptionAreSkipped() {
        EventReplayFilter filter = new EventReplayFilter(T0);
        assertTrue(filter.firstTimeSeen("a", "start", T0 + 1_000));
        assertTrue(filter.firstTimeSeen("b", "start", T0 + 1_000));
        assertTrue(filter.firstTimeSeen("c", "die", T0 + 5_000));
        long since = filter.sinceNanos();
        assertTrue(since <= T0 + 1_000, "the re-subscription asks for the events around the newest again");
        // the engine replays what it holds from `since` on
        assertFalse(filter.firstTimeSeen("a", "start", T0 + 1_000));
        assertFalse(filter.firstTimeSeen("b", "start", T0 + 1_000));
        assertFalse(filter.firstTimeSeen("c", "die", T0 + 5_000));
        assertTrue(filter.firstTimeSeen("d", "start", T0 + 3_000), "published while the stream was down");
    }

    @Test
    void twoActionsOfOneContainerAtTheSameInstantAreBothDelivered() {
        EventReplayFilter filter = new EventReplayFilter(T0);
        assertTrue(filter.firstTimeSeen("a", "oom", T0 + 7));
        assertTrue(filter.firstTimeSeen("a", "die", T0 + 7));
        assertFalse(filter.firstTimeSeen("a", "die", T0 + 7));
    }

    @Test
    void eventsWithoutTheirTimeAlwaysPass() {
        EventReplayFilter filter = new EventReplayFilter(T0);
        assertTrue(filter.firstTimeSeen("a", "die", null));
        assertTrue(filter.firstTimeSeen("a", "die", null));
    }
}
