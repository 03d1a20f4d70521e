package dev.hangar.runtime;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.Version;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Whether the engine answers, cached. A background thread re-probes every {@link #RETRY_MILLIS} while the engine is
 * missing (so one started later is picked up) and every {@link #REFRESH_MILLIS} while it is there; a call made while
 * it is missing probes once more on the spot, at most every {@link #ON_DEMAND_MILLIS}, so it fails within the
 * connect timeout instead of waiting for the next round.
 */
final class EngineAvailability implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EngineAvailability.class);

    static final long RETRY_MILLIS = 2_000;
    static final long REFRESH_MILLIS = 30_000;
    static final long ON_DEMAND_MILLIS = 250;

    private final String endpoint;
    private final DockerClient probeClient;
    private final ScheduledExecutorService scheduler;
    private final Object probeLock = new Object();
    private volatile RuntimeStatus status;
    private volatile long lastProbeNanos;

    /** @param probeClient null when no client could even be configured; {@code initial} then says why */
    EngineAvailability(String endpoint, DockerClient probeClient, RuntimeStatus initial) {
        this.endpoint = endpoint;
        this.probeClient = probeClient;
        this.status = initial;
        this.lastProbeNanos = System.nanoTime() - TimeUnit.HOURS.toNanos(1);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hangar-docker-probe");
            t.setDaemon(true);
            return t;
        });
        if (probeClient != null) {
            scheduler.scheduleWithFixedDelay(this::backgroundProbe, RETRY_MILLIS, RETRY_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    RuntimeStatus status() {
        return status;
    }

    String endpoint() {
        return endpoint;
    }

    /** Throws {@link RuntimeUnavailableException} unless the engine answers (re-probing when it did not lately). */
    void require() {
        RuntimeStatus current = status;
        if (current.available()) {
            return;
        }
        if (millisSinceProbe() >= ON_DEMAND_MILLIS) {
            current = probe();
        }
        if (!current.available()) {
            throw new RuntimeUnavailableException(current.detail());
        }
    }

    /** A call found the engine gone: remember it and return the exception to throw. */
    RuntimeUnavailableException lost(Throwable cause) {
        RuntimeStatus down = unreachable(EngineErrors.rootMessage(cause));
        update(down);
        return new RuntimeUnavailableException(down.detail());
    }

    RuntimeStatus probe() {
        if (probeClient == null) {
            return status;
        }
        synchronized (probeLock) {
            // another caller probed while this one waited for the lock: its answer is fresh enough
            if (millisSinceProbe() < ON_DEMAND_MILLIS) {
                return status;
            }
            RuntimeStatus fresh;
            try {
                Version v = probeClient.versionCmd().exec();
                fresh = new RuntimeStatus(true, v.getVersion(),
                        "Docker " + v.getVersion() + " (API " + v.getApiVersion() + ") at " + endpoint);
            } catch (DockerException e) {
                fresh = new RuntimeStatus(false, null, "Docker engine at " + endpoint + " answered with an error: "
                        + EngineErrors.engineMessage(e));
            } catch (RuntimeException e) {
                fresh = unreachable(EngineErrors.rootMessage(e));
            }
            lastProbeNanos = System.nanoTime();
            update(fresh);
            return fresh;
        }
    }

    RuntimeStatus unreachable(String reason) {
        return new RuntimeStatus(false, null, "Docker engine not reachable at " + endpoint + ": " + reason);
    }

    private void backgroundProbe() {
        try {
            if (!status.available() || millisSinceProbe() >= REFRESH_MILLIS) {
                probe();
            }
        } catch (RuntimeException e) {
            log.debug("Docker probe failed", e);
        }
    }

    private void update(RuntimeStatus fresh) {
        RuntimeStatus previous = status;
        status = fresh;
        if (previous.available() != fresh.available()) {
            if (fresh.available()) {
                log.info("Container runtime available: {}", fresh.detail());
            } else {
                log.warn("Container runtime unavailable: {}", fresh.detail());
            }
        }
    }

    private long millisSinceProbe() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastProbeNanos);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
