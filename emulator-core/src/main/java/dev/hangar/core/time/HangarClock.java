package dev.hangar.core.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The time of Hangar's own behaviour: what its timestamps say and when its own timers fire (metric periods and alarm
 * evaluation, cooldowns, scale-in delays, Wait states and retries, schedules, deregistration delays, consolidation).
 * With {@code HANGAR_TIME_SCALE=N} it runs N times faster than the wall clock, so tests and demos see minutes of AWS
 * behaviour in seconds, and the timestamps Hangar reports advance as fast as its timers, so they stay consistent.
 *
 * <p>Not on this clock: durations that measure real work (a function's timeout and billed duration, a container's
 * start, HTTP timeouts). Those use the JDK's monotonic time, whatever the scale.
 */
public interface HangarClock {

    /** Now, on this clock. */
    Instant now();

    default long millis() {
        return now().toEpochMilli();
    }

    /** How many times faster than the wall clock this clock runs (1 unless HANGAR_TIME_SCALE says otherwise). */
    double scale();

    /**
     * Runs the task once {@code delay} has passed on this clock (delay / scale of real time). The task must be short:
     * it runs on a timer thread shared by all of Hangar; hand longer work to an executor.
     */
    Timer schedule(Runnable task, Duration delay);

    /** This clock as a {@link Clock} in UTC, for code written against java.time. */
    default Clock asClock() {
        HangarClock self = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return Clock.fixed(instant(), zone);
            }

            @Override
            public Instant instant() {
                return self.now();
            }

            @Override
            public long millis() {
                return self.millis();
            }
        };
    }

    /** A scheduled task; cancelling one that already ran or was cancelled does nothing. */
    interface Timer {
        /** @return whether this call stopped the task from running */
        boolean cancel();
    }
}
