package dev.hangar.core.time;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The wall clock, sped up by a factor: at scale 1 exactly the system clock; at scale N, N seconds pass on it for
 * every real second since it was made (anchored at the real time of its making, so it starts out correct). Its timers
 * run on a small scheduled pool of its own, which {@link #close} stops.
 */
public final class ScaledClock implements HangarClock, AutoCloseable {

    private final double scale;
    private final long anchorMillis;
    private final long anchorNanos;
    private final ScheduledThreadPoolExecutor timers;

    private ScaledClock(double scale) {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("a time scale must be a positive number, got " + scale);
        }
        this.scale = scale;
        this.anchorMillis = System.currentTimeMillis();
        this.anchorNanos = System.nanoTime();
        AtomicInteger n = new AtomicInteger();
        this.timers = new ScheduledThreadPoolExecutor(2, r -> {
            Thread t = new Thread(r, "hangar-timer-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        // timeouts are scheduled and cancelled by the thousand: cancelled ones must not pile up in the queue
        timers.setRemoveOnCancelPolicy(true);
    }

    /** The system clock (scale 1). */
    public static ScaledClock system() {
        return new ScaledClock(1);
    }

    public static ScaledClock scaled(double scale) {
        return new ScaledClock(scale);
    }

    @Override
    public Instant now() {
        return scale == 1 ? Instant.now() : Instant.ofEpochMilli(millis());
    }

    @Override
    public long millis() {
        if (scale == 1) {
            return System.currentTimeMillis();
        }
        return anchorMillis + (long) ((System.nanoTime() - anchorNanos) / 1e6 * scale);
    }

    @Override
    public double scale() {
        return scale;
    }

    @Override
    public Timer schedule(Runnable task, Duration delay) {
        long nanos = Math.max(0, (long) (delay.toNanos() / scale));
        ScheduledFuture<?> future = timers.schedule(task, nanos, TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }

    /**
     * The timer threads themselves, for timers that measure real work and so must not scale (a function's timeout,
     * a log quiet period). Short tasks only, as for {@link #schedule}.
     */
    public ScheduledExecutorService realTimeTimers() {
        return timers;
    }


    @Override
    public void close() {
        timers.shutdownNow();
    }
}
