package dev.hangar.lambda.invoke;

import dev.hangar.core.http.Listener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * What an execution environment holds outside Hangar's memory: its Runtime API listener, its container, the follow
 * of the container's output and the probe of its memory cgroup; and their release. Once released, whatever a launch
 * still hands over is let go at once, so a launch racing the environment's end leaks nothing.
 *
 * <p>Its lock guards only these handles and is never held across a call to the engine or the network.
 */
final class EnvironmentResources {

    private static final Logger log = LoggerFactory.getLogger(EnvironmentResources.class);

    private final String environmentId;
    private final InvokeContext ctx;

    private Listener listener;
    private AutoCloseable logFollow;
    private String containerId;
    private String containerToRemove;
    private boolean released;
    private volatile MemoryProbe memory;
    private volatile boolean outOfMemory;
    private volatile Long lastPeakMb;

    EnvironmentResources(String environmentId, InvokeContext ctx) {
        this.environmentId = environmentId;
        this.ctx = ctx;
    }

    /** False, and the listener is closed, when the resources were released meanwhile. */
    boolean keepListener(Listener l) {
        return keep(() -> listener = l);
    }

    /** False, and the container removed, when the resources were released meanwhile. */
    boolean keepContainer(String id) {
        return keep(() -> {
            containerId = id;
            containerToRemove = id;
            memory = new MemoryProbe(id);
        });
    }

    /** False, and the follow closed, when the resources were released meanwhile. */
    boolean keepLogFollow(AutoCloseable follow) {
        return keep(() -> logFollow = follow);
    }

    private boolean keep(Runnable setter) {
        boolean open;
        synchronized (this) {
            setter.run();
            open = !released;
        }
        if (!open) {
            release(() -> { });
        }
        return open;
    }

    synchronized String containerId() {
        return containerId;
    }

    /** The engine said the container ran out of memory: its end is then Runtime.OutOfMemory. */
    void outOfMemory() {
        outOfMemory = true;
    }

    boolean ranOutOfMemory() {
        return outOfMemory;
    }

    /** The container's memory peak now (kept for later), or the last one read once the container is gone. */
    Long rememberPeak() {
        MemoryProbe probe = memory;
        Long peak = probe == null ? null : probe.peakMegabytes();
        if (peak != null) {
            lastPeakMb = peak;
        }
        return lastPeakMb;
    }

    /** The last peak read, without reading again. */
    Long lastPeak() {
        return lastPeakMb;
    }

    /**
     * Closes the listener (on a worker), removes the container and then closes the log follow (on the engine's
     * threads). Returns at once; safe to call again.
     *
     * @param afterwards runs once the container is removed and its log follow closed (or there was none)
     */
    void release(Runnable afterwards) {
        Listener l;
        AutoCloseable follow;
        String cid;
        synchronized (this) {
            released = true;
            l = listener;
            listener = null;
            follow = logFollow;
            logFollow = null;
            cid = containerToRemove;
            containerToRemove = null;
        }
        if (l != null) {
            // closing waits for the listener's event loop: never on one, nor on a timer thread
            off(ctx.workers, l::close);
        }
        if (follow == null && cid == null) {
            afterwards.run();
            return;
        }
        Runnable engineWork = () -> {
            // the container goes before the follow is closed: the removal lets the follow read the output still on
            // its way (a timed-out handler's last lines), which closing it first would drop
            if (cid != null) {
                MemoryProbe probe = memory;
                if (probe != null) {
                    // an open cgroup file must not outlive its container
                    probe.close();
                }
                try {
                    ctx.runtime.remove(cid);
                } catch (RuntimeException e) {
                    log.warn("Could not remove container {} of environment {}: {}", cid, environmentId, e.toString());
                } finally {
                    ctx.unregister(cid);
                }
            }
            if (follow != null) {
                try {
                    follow.close();
                } catch (Exception e) {
                    log.debug("Closing the log follow of {} failed", environmentId, e);
                }
            }
            afterwards.run();
        };
        off(ctx.engine, engineWork);
    }

    /** Runs the work on the executor; here and now when it refuses (Hangar shutting down): it must still happen. */
    private static void off(Executor executor, Runnable work) {
        try {
            executor.execute(work);
        } catch (RejectedExecutionException e) {
            work.run();
        }
    }
}
