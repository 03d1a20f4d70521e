package dev.hangar.runtime;

import com.github.dockerjava.transport.DockerHttpClient;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Starts log follows, including on containers not started yet. The engine answers a follow on a created container
 * with its (empty) log and ends the stream at once, so such a follow waits for the container to start and only then
 * asks for the logs, from the beginning: nothing written in between is lost. It learns of the start from this
 * runtime's own start call and from the engine's start (or die) event, whichever comes first: the event alone may
 * come late, and a follow that never began loses all of its container's output.
 */
final class LogFollows implements ContainerEventListener {

    private final DockerHttpClient http;
    private final Map<String, Set<Follow>> awaitingStart = new ConcurrentHashMap<>();

    LogFollows(DockerHttpClient http) {
        this.http = http;
    }

    /** @param notStarted asked after the follow is registered, so that a start in between is not missed */
    AutoCloseable follow(String containerId, Consumer<LogLine> onLine, Predicate<String> notStarted) {
        Follow follow = new Follow(containerId, new LogFollower(http, containerId, onLine));
        awaitingStart.computeIfAbsent(containerId, k -> ConcurrentHashMap.newKeySet()).add(follow);
        if (!notStarted.test(containerId)) {
            follow.begin();
        }
        return follow;
    }

    /** The engine has started the container (its start call returned): the follows waiting for that begin. */
    void started(String containerId) {
        Set<Follow> waiting = awaitingStart.remove(containerId);
        if (waiting != null) {
            waiting.forEach(Follow::begin);
        }
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
        private final LogFollower follower;
        private boolean begun;
        private boolean closed;

        Follow(String containerId, LogFollower follower) {
            this.containerId = containerId;
            this.follower = follower;
        }

        synchronized void begin() {
            unregister();
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
            awaitingStart.computeIfPresent(containerId, (k, set) -> {
                set.remove(this);
                return set.isEmpty() ? null : set;
            });
        }
    }
}
