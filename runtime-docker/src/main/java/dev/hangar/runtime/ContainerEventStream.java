package dev.hangar.runtime;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One long-lived subscription to the engine's events for this instance's containers. A supervising thread
 * re-subscribes whenever the stream ends (engine restarted, socket dropped, engine not yet there), asking for the
 * events since the last one seen so that none is lost in between; events the engine replays twice are skipped.
 * Listeners run on docker-java's stream thread, or on a timer thread for a die event held back for its oom event.
 */
final class ContainerEventStream implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ContainerEventStream.class);
    private static final long RETRY_MILLIS = 1_000;

    private final DockerClient client;
    private final String instanceId;
    private final EngineAvailability availability;
    private final List<ContainerEventListener> listeners = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstSubscription = new CountDownLatch(1);
    private final Thread supervisor;
    private volatile boolean closed;
    private volatile Subscription current;

    private final EventReplayFilter replays;
    /** Holds back a die event whose oom event is still on its way (see OomBeforeDie). */
    private final ScheduledExecutorService timer;
    private final OomBeforeDie oomBeforeDie;

    ContainerEventStream(DockerClient client, String instanceId, EngineAvailability availability) {
        this.client = client;
        this.instanceId = instanceId;
        this.availability = availability;
        Instant now = Instant.now();
        this.replays = new EventReplayFilter(now.getEpochSecond() * 1_000_000_000L + now.getNano());
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hangar-docker-events-held-" + instanceId);
            t.setDaemon(true);
            return t;
        });
        this.oomBeforeDie = new OomBeforeDie(this::deliver, timer, OomBeforeDie.GRACE);
        this.supervisor = new Thread(this::superviseLoop, "hangar-docker-events-" + instanceId);
        this.supervisor.setDaemon(true);
    }

    void start() {
        supervisor.start();
    }

    void addListener(ContainerEventListener listener) {
        listeners.add(listener);
    }

    /** Whether the first subscription is established (the engine answered the events request). */
    boolean awaitSubscribed(Duration timeout) {
        try {
            return firstSubscription.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void superviseLoop() {
        while (!closed) {
            // while the engine is away, the probe finds out when it is back; subscribing would only fail
            if (!availability.status().available()) {
                if (!pause(250)) {
                    return;
                }
                continue;
            }
            Subscription sub = new Subscription();
            current = sub;
            try {
                client.eventsCmd()
                        .withEventTypeFilter(EventType.CONTAINER)
                        .withLabelFilter(HangarLabels.INSTANCE + "=" + instanceId)
                        .withEventFilter("start", "die", "oom", "health_status")
                        .withSince(since())
                        .exec(sub);
                sub.awaitCompletion();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                sub.failure = e;
            }
            if (closed) {
                return;
            }
            String reason = sub.failure == null ? "closed by the engine" : EngineErrors.rootMessage(sub.failure);
            if (sub.started) {
                log.info("Docker event stream ended ({}); re-subscribing", reason);
            } else {
                log.debug("Docker event subscription failed: {}", reason);
            }
            if (sub.failure != null && EngineErrors.isUnreachable(sub.failure)) {
                availability.probe(); // the engine may be gone: let status() say so now, not at the next round
            }
            if (!pause(sub.started ? 50 : RETRY_MILLIS)) {
                return;
            }
        }
    }

    /** False when interrupted (closing). */
    private static boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String since() {
        long since = replays.sinceNanos();
        return since / 1_000_000_000L + "." + String.format("%09d", since % 1_000_000_000L);
    }

    private void dispatch(Event raw) {
        ContainerEvent event = ContainerEvents.from(raw);
        String action = event == null || event.health() == null ? null : event.type() + ":" + event.health();
        if (event == null || !replays.firstTimeSeen(event.containerId(), action != null ? action : event.type().name(),
                raw.getTimeNano())) {
            return;
        }
        deliver(event, false);
        oomBeforeDie.accept(event);
    }

    private void deliver(ContainerEvent event) {
        deliver(event, true);
    }

    /** @param ordered whether the event comes through OomBeforeDie: for the listeners that want that order */
    private void deliver(ContainerEvent event, boolean ordered) {
        if (ordered) {
            log.debug("Container event {} {} exit={} health={}", event.type(), event.containerId(), event.exitCode(),
                    event.health());
        }
        for (ContainerEventListener l : listeners) {
            if (l.wantsOomBeforeDie() != ordered) {
                continue;
            }
            try {
                l.onEvent(event);
            } catch (RuntimeException e) {
                log.warn("Container event listener {} failed on {}", l, event, e);
            }
        }
    }

    private final class Subscription extends ResultCallback.Adapter<Event> {
        volatile boolean started;
        volatile Throwable failure;

        @Override
        public void onStart(Closeable stream) {
            super.onStart(stream);
            started = true;
            firstSubscription.countDown();
        }

        @Override
        public void onNext(Event event) {
            dispatch(event);
        }

        @Override
        public void onError(Throwable throwable) {
            // not super.onError: it logs at ERROR, once a second while the engine is away
            failure = throwable;
            closeQuietly(this);
        }
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (Exception e) {
            log.debug("Closing a Docker stream failed", e);
        }
    }

    @Override
    public void close() {
        closed = true;
        supervisor.interrupt();
        timer.shutdownNow();
        Subscription sub = current;
        if (sub != null) {
            closeQuietly(sub);
        }
    }
}
