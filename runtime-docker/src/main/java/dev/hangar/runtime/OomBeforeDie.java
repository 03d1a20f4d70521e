package dev.hangar.runtime;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Hands a container's oom event on before its die event. Listeners decide at the die event whether the container was
 * OOM-killed, but the engine stamps events before it orders them, so the die event can overtake the oom event. A
 * die with exit code 137 (SIGKILL, which is how an OOM kill ends) that no oom event preceded is therefore held
 * back until the oom event comes, then both go on in that order; or, when none comes within the grace period, the
 * die goes on alone. Every other event goes on at once.
 */
final class OomBeforeDie {

    /** 128 + SIGKILL. */
    static final int SIGKILL_EXIT = 137;
    /** Far beyond the engine's reordering of events (microseconds to milliseconds). */
    static final Duration GRACE = Duration.ofMillis(500);

    private final Consumer<ContainerEvent> next;
    private final ScheduledExecutorService timer;
    private final Duration grace;
    /** Containers whose oom event has gone on and whose die has not come yet. */
    private final Set<String> oomDelivered = ConcurrentHashMap.newKeySet();
    /** Guarded by itself: die events waiting for their oom event, by container. */
    private final Map<String, ContainerEvent> heldDies = new HashMap<>();

    OomBeforeDie(Consumer<ContainerEvent> next, ScheduledExecutorService timer, Duration grace) {
        this.next = next;
        this.timer = timer;
        this.grace = grace;
    }

    void accept(ContainerEvent event) {
        String id = event.containerId();
        switch (event.type()) {
            case OOM -> {
                ContainerEvent held;
                synchronized (heldDies) {
                    held = heldDies.remove(id);
                    if (held == null) {
                        oomDelivered.add(id);
                    }
                }
                next.accept(event);
                if (held != null) {
                    next.accept(held);
                }
            }
            case DIE -> {
                boolean oomFirst = oomDelivered.remove(id);
                if (!oomFirst && Integer.valueOf(SIGKILL_EXIT).equals(event.exitCode()) && hold(event)) {
                    return;
                }
                next.accept(event);
            }
            default -> next.accept(event);
        }
    }

    /** False when the timer no longer runs (closing): the die then goes on at once. */
    private boolean hold(ContainerEvent die) {
        synchronized (heldDies) {
            heldDies.put(die.containerId(), die);
        }
        try {
            timer.schedule(() -> release(die.containerId()), grace.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (RejectedExecutionException e) {
            synchronized (heldDies) {
                heldDies.remove(die.containerId());
            }
            return false;
        }
    }

    private void release(String containerId) {
        ContainerEvent held;
        synchronized (heldDies) {
            held = heldDies.remove(containerId);
        }
        if (held != null) {
            next.accept(held);
        }
    }
}
