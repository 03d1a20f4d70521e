package dev.hangar.testsupport;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Waits, bounded, for what another thread, process or container produces: a log line, a state, a file. Read once
 * right after the trigger, such a thing is a race; read after a fixed sleep, a race with a longer fuse. Here the probe
 * runs every {@value #POLL_MILLIS} ms until its value passes, and the wait fails with the last value it saw.
 */
public final class Await {

    /**
     * Generous on purpose: a loaded two-core machine running containers can be seconds late, and a wait that is met
     * returns at once, so only a real failure pays for it.
     */
    public static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final long POLL_MILLIS = 50;
    private static final int SHOWN_CHARS = 8_000;

    /** What is probed; it may throw, which ends the wait (an error is not a value to wait out). */
    @FunctionalInterface
    public interface Probe<T> {
        T get() throws Exception;
    }

    private Await() {
    }

    /** Polls {@code probe} until {@code done} accepts its value, within {@link #TIMEOUT}; returns that value. */
    public static <T> T until(String what, Probe<T> probe, Predicate<? super T> done) {
        return until(what, TIMEOUT, probe, done);
    }

    /** Polls {@code probe} until {@code done} accepts its value, within {@code timeout}; returns that value. */
    public static <T> T until(String what, Duration timeout, Probe<T> probe, Predicate<? super T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T seen = probe(what, probe);
            if (done.test(seen)) {
                return seen;
            }
            if (System.nanoTime() - deadline > 0) {
                return fail("waited " + timeout.toSeconds() + " s for " + what + "; last seen: " + shortened(seen));
            }
            pause(what);
        }
    }

    /** Polls {@code condition} until it holds, within {@link #TIMEOUT}. */
    public static void until(String what, BooleanSupplier condition) {
        until(what, TIMEOUT, condition::getAsBoolean, Boolean::booleanValue);
    }

    /** A whole log group can be the value: enough of it to see what was missing, not a screenful of the rest. */
    private static String shortened(Object seen) {
        String text = String.valueOf(seen);
        return text.length() <= SHOWN_CHARS ? text
                : text.substring(0, SHOWN_CHARS) + "... (" + (text.length() - SHOWN_CHARS) + " more characters)";
    }

    private static <T> T probe(String what, Probe<T> probe) {
        try {
            return probe.get();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while waiting for " + what, e);
        } catch (Exception e) {
            return fail("probing for " + what + " failed: " + e, e);
        }
    }

    private static void pause(String what) {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted while waiting for " + what, e);
        }
    }
}
