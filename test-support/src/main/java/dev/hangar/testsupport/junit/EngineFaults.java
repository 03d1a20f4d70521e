package dev.hangar.testsupport.junit;

import dev.hangar.runtime.RuntimeUnavailableException;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** What a test told a {@link FakeContainerRuntime} to get wrong, slow or held. Thread-safe. */
final class EngineFaults {

    final Map<String, String> absentImages = new ConcurrentHashMap<>();
    final Map<String, String> pullFailures = new ConcurrentHashMap<>();
    final Map<String, String> createFailures = new ConcurrentHashMap<>();
    final Map<String, String> startFailures = new ConcurrentHashMap<>();
    final Map<String, Duration> delays = new ConcurrentHashMap<>();
    final Map<String, CountDownLatch> pullHolds = new ConcurrentHashMap<>();
    final Map<String, CountDownLatch> removalHolds = new ConcurrentHashMap<>();
    final BlockingQueue<String> pullsHeld = new LinkedBlockingQueue<>();
    volatile String unavailable;

    /** Fails the call when the engine is unavailable, and makes it take its time. */
    void enter(String call) {
        String why = unavailable;
        if (why != null) {
            throw new RuntimeUnavailableException(why);
        }
        Duration delay = delays.get(call);
        if (delay != null) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A held pull of the image waits here until released (at most 30 s). */
    void pulling(String image) {
        CountDownLatch hold = pullHolds.remove(image);
        if (hold != null) {
            pullsHeld.add(image);
            await(hold, 30);
        }
    }

    /** A held removal of the container waits here until released (at most 10 s). */
    void removing(String id) {
        CountDownLatch hold = removalHolds.remove(id);
        if (hold != null) {
            await(hold, 10);
        }
    }

    boolean present(String image) {
        return !absentImages.containsKey(image) && prefixed(pullFailures, image) == null;
    }

    /** The message of the first failure whose image prefix matches, or null. */
    static String prefixed(Map<String, String> byPrefix, String image) {
        for (Map.Entry<String, String> e : byPrefix.entrySet()) {
            if (image.startsWith(e.getKey())) {
                return e.getValue();
            }
        }
        return null;
    }

    private static void await(CountDownLatch latch, int seconds) {
        try {
            latch.await(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
