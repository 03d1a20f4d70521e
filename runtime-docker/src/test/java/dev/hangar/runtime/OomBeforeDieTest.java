package dev.hangar.runtime;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OomBeforeDieTest {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final List<String> delivered = new CopyOnWriteArrayList<>();
    private final OomBeforeDie ordering = new OomBeforeDie(
            e -> delivered.add(e.type() + " " + e.containerId()), timer, Duration.ofSeconds(5));

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    private static ContainerEvent event(String id, ContainerEvent.Type type, Integer exitCode) {
        return new ContainerEvent(id, type, exitCode, Map.of(), Instant.now());
    }

    @Test
    void aDieThatOvertookItsOomGoesOnRightAfterIt() {
        ordering.accept(event("a", ContainerEvent.Type.DIE, 137));
        assertEquals(List.of(), delivered, "held back while its oom event may still come");
        ordering.accept(event("a", ContainerEvent.Type.OOM, null));
        assertEquals(List.of("OOM a", "DIE a"), delivered);
    }

    @Test
    void anOomThenItsDieGoOnAtOnce() {
        ordering.accept(event("a", ContainerEvent.Type.OOM, null));
        ordering.accept(event("a", ContainerEvent.Type.DIE, 137));
        assertEquals(List.of("OOM a", "DIE a"), delivered);
    }

    @Test
    void diesOtherThanBySigkillAndOtherEventsAreNeverHeld() {
        ordering.accept(event("a", ContainerEvent.Type.START, null));
        ordering.accept(event("a", ContainerEvent.Type.DIE, 0));
        ordering.accept(event("b", ContainerEvent.Type.DIE, 1));
        assertEquals(List.of("START a", "DIE a", "DIE b"), delivered);
    }

    @Test
    void aSigkillWithoutAnOomGoesOnAfterTheGrace() throws Exception {
        OomBeforeDie quick = new OomBeforeDie(e -> delivered.add(e.type() + " " + e.containerId()), timer,
                Duration.ofMillis(50));
        quick.accept(event("k", ContainerEvent.Type.DIE, 137));
        quick.accept(event("other", ContainerEvent.Type.DIE, 0));
        assertEquals(List.of("DIE other"), delivered, "the held die does not hold up other containers");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (delivered.size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(List.of("DIE other", "DIE k"), delivered);
    }

    @Test
    void aClosedTimerLetsTheDieGoOnAtOnce() {
        timer.shutdownNow();
        ordering.accept(event("a", ContainerEvent.Type.DIE, 137));
        assertTrue(delivered.contains("DIE a"), delivered.toString());
    }
}
