package dev.hangar.lambda.invoke;

import dev.hangar.core.time.HangarClock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Hangar's clock at scale 1 with its timers on the given scheduler: what the invocation side runs on when it is made
 * without a ServiceContext (tests), so that it needs no timer threads of its own.
 */
final class WallClock implements HangarClock {

    private final ScheduledExecutorService timers;

    WallClock(ScheduledExecutorService timers) {
        this.timers = timers;
    }

    @Override
    public Instant now() {
        return Instant.now();
    }

    @Override
    public long millis() {
        return System.currentTimeMillis();
    }

    @Override
    public double scale() {
        return 1;
    }

    @Override
    public Timer schedule(Runnable task, Duration delay) {
        ScheduledFuture<?> future = timers.schedule(task, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public Clock asClock() {
        return Clock.systemUTC();
    }
}
