package dev.hangar.runtime;

import com.github.dockerjava.transport.DockerHttpClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Starts log follows, including on containers not started yet, and lets a removal wait for them. The engine answers
 * a follow on a created container with its (empty) log and ends the stream at once, so such a follow waits for the
 * container to start and only then asks for the logs, from the beginning: nothing written in between is lost. It
 * learns of the start from this runtime's own start call and from the engine's start (or die) event, whichever comes
 * first: the event alone may come late, and a follow that never began loses all of its container's output.
 * <p>
 * A follow is known here until it is closed or has read its container's log to the end, so that a removal can let
 * it finish first: removing a container takes its log with it, and whatever the follow had not read yet is lost.
 */
final class LogFollows implements ContainerEventListener {

    private final DockerHttpClient http;
    /** Per container, its follows neither closed nor done reading. */
    private final Map<String, Set<Follow>> open = new ConcurrentHashMap<>();

    LogFollows(DockerHttpClient http) {
        this.http = http;
    }

    /** @param notStarted asked after the follow is registered, so that a start in between is not missed */
    AutoCloseable follow(String containerId, Consumer<LogLine> onLine, Predicate<String> notStarted) {
        Follow follow = new Follow(containerId, onLine);
        open.computeIfAbsent(containerId, k -> ConcurrentHashMap.newKeySet()).add(follow);
        if (!notStarted.test(containerId)) {
            follow.begin();
        }
        return follow;
    }

    /** The engine has started the container (its start call returned): the follows waiting for that begin. */
    void started(String containerId) {
        Set<Follow> follows = open.get(containerId);
        if (follows != null) {
            follows.forEach(Follow::begin);
        }
    }

    /** Whether some follow of the container still has to read to the end of its log. */
    boolean following(String containerId) {
        return open.containsKey(containerId);
    }

    /**
     * Waits, at most {@code max}, until the follows of a container that is down have read its log to the end (the
     * engine ends a follow once the container has exited and all its output was sent). A follow still waiting for
     * the start begins now: it reads what there is. Returns false if one was still reading when the time was up.
     */
    boolean drain(String containerId, Duration max) throws InterruptedException {
        Set<Follow> follows = open.get(containerId);
        if (follows == null) {
            return true;
        }
        long deadline = System.nanoTime() + max.toNanos();
        for (Follow follow : List.copyOf(follows)) {
            follow.begin();
            if (!follow.follower.awaitEnd(Math.max(0, deadline - System.nanoTime()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void onEvent(ContainerEvent event) {
        // DIE too: a start event lost to a dropped stream must not leave a follow waiting forever
        if (event.type() == ContainerEvent.Type.START || event.type() == ContainerEvent.Type.DIE) {
            started(event.containerId());
        }
    }

    private final class Follow implements AutoCloseable {
        private final String containerId;
        final LogFollower follower;
        private boolean begun;
        private boolean closed;

        Follow(String containerId, Consumer<LogLine> onLine) {
            this.containerId = containerId;
            this.follower = new LogFollower(http, containerId, onLine, this::unregister);
        }

        synchronized void begin() {
            if (begun || closed) {
                return;
            }
            begun = true;
            follower.begin();
        }

        @Override
        public synchronized void close() {
            closed = true;
            unregister();
            follower.close();
        }

        private void unregister() {
            open.computeIfPresent(containerId, (k, set) -> {
                set.remove(this);
                return set.isEmpty() ? null : set;
            });
        }
    }
}
