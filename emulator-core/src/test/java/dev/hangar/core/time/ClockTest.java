package dev.hangar.core.time;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClockTest {

    @Test
    void atScaleOneTheClockIsTheSystemClock() {
        try (ScaledClock clock = ScaledClock.system()) {
            long before = System.currentTimeMillis();
            long now = clock.millis();
            long after = System.currentTimeMillis();
            assertTrue(now >= before && now <= after, before + " <= " + now + " <= " + after);
            assertEquals(1, clock.scale());
        }
    }

    @Test
    void aScaledClocksTimestampsAndTimersRunFasterTogether() throws Exception {
        try (ScaledClock clock = ScaledClock.scaled(600)) {
            Instant start = clock.now();
            CountDownLatch fired = new CountDownLatch(1);
            long realStart = System.nanoTime();
            // a minute of Hangar's time is a tenth of a second of real time at scale 600
            clock.schedule(fired::countDown, Duration.ofMinutes(1));
            assertTrue(fired.await(10, TimeUnit.SECONDS), "the timer fired");
            long realMillis = (System.nanoTime() - realStart) / 1_000_000;
            Duration onClock = Duration.between(start, clock.now());
            assertTrue(realMillis < 5_000, "fired after " + realMillis + " ms of real time");
            assertTrue(onClock.compareTo(Duration.ofMinutes(1)) >= 0, "the clock moved " + onClock);
        }
    }

    @Test
    void aCancelledTimerDoesNotRun() throws Exception {
        try (ScaledClock clock = ScaledClock.scaled(1000)) {
            CountDownLatch ran = new CountDownLatch(1);
            HangarClock.Timer timer = clock.schedule(ran::countDown, Duration.ofSeconds(200));
            assertTrue(timer.cancel());
            // 200 s at scale 1000 is 0.2 s: waiting a second (five times that) shows it did not run
            assertFalse(ran.await(1, TimeUnit.SECONDS));
            assertFalse(timer.cancel());
        }
    }

    @Test
    void scalesMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> ScaledClock.scaled(0));
        assertThrows(IllegalArgumentException.class, () -> ScaledClock.scaled(Double.NaN));
    }

    @Test
    void aManualClockRunsWhatFallsDueInTimeOrderAsItAdvances() {
        ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
        List<String> ran = new ArrayList<>();
        clock.schedule(() -> ran.add("b@" + clock.now()), Duration.ofSeconds(20));
        clock.schedule(() -> {
            ran.add("a@" + clock.now());
            clock.schedule(() -> ran.add("c@" + clock.now()), Duration.ofSeconds(15));
        }, Duration.ofSeconds(10));
        HangarClock.Timer never = clock.schedule(() -> ran.add("never"), Duration.ofSeconds(5));
        never.cancel();
        clock.advance(Duration.ofSeconds(22));
        assertEquals(List.of("a@2026-01-01T00:00:10Z", "b@2026-01-01T00:00:20Z"), ran);
        assertEquals(Instant.parse("2026-01-01T00:00:22Z"), clock.now());
        assertEquals(List.of(Instant.parse("2026-01-01T00:00:25Z")), clock.pending());
        clock.advance(Duration.ofSeconds(3));
        assertEquals("c@2026-01-01T00:00:25Z", ran.get(2));
    }
}
