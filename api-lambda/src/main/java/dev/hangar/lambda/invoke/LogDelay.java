package dev.hangar.lambda.invoke;

import java.time.Duration;

/**
 * How late the engine hands over a container's output: every line carries the time the engine read it, so its
 * arrival here measures the lag of the log stream. On an idle machine that is a millisecond or two; on a busy one
 * the stream can fall a hundred or more behind. The quiet time an invocation's log waits for after the answer
 * covers the lag seen lately, so a line written before the answer is still in its tail; what was seen fades as
 * lines come quicker again. Shared by all environments: the lag is the engine's.
 */
final class LogDelay {

    private static final long CEILING_NANOS = Duration.ofSeconds(2).toNanos();

    private final long baseNanos;
    private volatile long learnedNanos;

    LogDelay(Duration base) {
        this.baseNanos = base.toNanos();
    }

    /** A line arrived this long after the engine read it (or after its invocation's log was closed). */
    void observed(long lagNanos) {
        long seen = Math.min(CEILING_NANOS, Math.max(0, lagNanos));
        long learned = learnedNanos;
        // a peak is taken at once, and forgotten slowly: by 1/64 per line that came quicker
        learnedNanos = seen >= learned ? seen : learned - ((learned - seen) >> 6);
    }

    /** How long output must stay quiet after the answer: the base plus a margin over the lag seen lately. */
    long learnedNanos() {
        return learnedNanos;
    }

    long quietNanos() {
        return baseNanos + learnedNanos + learnedNanos / 4;
    }

    /** The longest an invocation's log stays open when output keeps coming. */
    long maxSettleNanos() {
        return Math.max(Duration.ofMillis(500).toNanos(), 4 * quietNanos());
    }
}
