package dev.hangar.lambda.invoke;

import dev.hangar.core.service.AwsException;
import dev.hangar.core.time.HangarClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The execution environments of one function version with one code and configuration: an invocation takes the most
 * recently used idle one (warm), or starts a new one, so concurrent invocations run in separate environments. An
 * environment left idle for the keep-alive is stopped by a scheduled task.
 *
 * <p>Locks: pool, then environment (then the concurrency limiter's, which calls nothing). Under the pool's lock only
 * decisions are taken: which environment, which event, whether to start one. Every future it leads to is completed,
 * every environment started or destroyed, after the lock is released, so that no dependent stage of a caller's or a
 * runtime's future ever runs under it.
 *
 * <p>Event invocations queue here instead, as AWS's async pollers feed a function: each goes to the first
 * environment that is free, and waits for environments that are starting rather than starting one of its own.
 * With none idle the pool grows only when the waiting events would keep the environments it has (warm and
 * starting) busy for longer than a cold start takes, and then by at most as many as it has warm per round of starts:
 * a burst of quick events is served by the few environments already there, a backlog of slow ones doubles the pool
 * per cold start, and nothing starts an environment per event.
 */
final class EnvironmentPool {

    private static final Logger log = LoggerFactory.getLogger(EnvironmentPool.class);

    final RunnableFunction function;
    /** Hot reload: the code directory's fingerprint these environments run; null otherwise. */
    final String codeFingerprint;
    private final InvokeContext ctx;
    /** On Hangar's clock: the keep-alive is AWS's behaviour (minutes), not a measure of work, so it scales. */
    private final long keepAliveMillis;

    private final Deque<ExecutionEnvironment> idle = new ArrayDeque<>();
    private final Set<ExecutionEnvironment> all = new HashSet<>();
    /**
     * One expiry check per environment, not one task per idle spell: a check that finds its environment busy, or
     * idle for less than the keep-alive, lets the next spell schedule again or waits for the rest.
     */
    private final Map<ExecutionEnvironment, HangarClock.Timer> keepAlive = new HashMap<>();
    private final Deque<QueuedEvent> waiting = new ArrayDeque<>();
    /** Replaced by a pool for new code or configuration: no new work, the events already waiting aside. */
    private boolean retired;
    /** Reset or shutdown: nothing runs any more. */
    private boolean stopped;
    /** Moving averages of how long an invocation keeps an environment busy, and of a cold start; 0 = not seen. */
    private long serviceNanos;
    private long coldStartNanos;

    /** An Event invocation and how to take its concurrency permit once an environment is there for it. */
    private record QueuedEvent(Invocation inv, Supplier<ConcurrencyLimiter.Permit> permit) {
    }

    EnvironmentPool(RunnableFunction function, String codeFingerprint, InvokeContext ctx) {
        this.function = function;
        this.codeFingerprint = codeFingerprint;
        this.ctx = ctx;
        this.keepAliveMillis = ctx.config.keepAlive().toMillis();
    }

    /** Runs the invocation in an idle environment, or a new one. Never blocks: a launch runs off this thread. */
    void dispatch(Invocation inv) {
        Handover handover = null;
        ExecutionEnvironment fresh = null;
        synchronized (this) {
            ExecutionEnvironment env;
            while (handover == null && (env = idle.pollFirst()) != null) {
                handover = env.tryAssign(inv);
            }
            if (handover == null) {
                fresh = startLocked(inv);
            }
        }
        if (handover != null) {
            handover.complete();
        } else {
            launch(fresh);
        }
    }

    /** An Event invocation: runs when an environment is free for it (see the class comment). Never blocks. */
    void enqueue(Invocation inv, Supplier<ConcurrencyLimiter.Permit> permit) {
        synchronized (this) {
            waiting.addLast(new QueuedEvent(inv, permit));
        }
        serveWaiting();
    }

    /**
     * Hands waiting events to idle environments, or starts one for the first of them when the pool may grow. Called
     * whenever that may have become possible: an event came, an environment answered or went away.
     */
    void serveWaiting() {
        while (true) {
            QueuedEvent failed = null;
            RuntimeException why = null;
            ExecutionEnvironment fresh = null;
            List<ExecutionEnvironment> done = null;
            QueuedEvent served = null;
            ConcurrencyLimiter.Permit held = null;
            ExecutionEnvironment taken = null;
            synchronized (this) {
                QueuedEvent next = waiting.peekFirst();
                ExecutionEnvironment env = idle.peekFirst();
                if (next == null) {
                    if (!retired || env == null) {
                        return;
                    }
                    // a retired pool kept these for the events that waited in it: all served
                    done = new ArrayList<>(idle);
                    idle.clear();
                    done.forEach(this::cancelKeepAlive);
                    all.removeAll(done);
                } else if (stopped) {
                    failed = waiting.pollFirst();
                    why = new AwsException("ServiceException", 500, false, "Hangar was reset",
                            Map.of("Type", "Service"));
                } else if (env == null && !mayStartLocked()) {
                    return;
                } else {
                    ConcurrencyLimiter.Permit permit = null;
                    try {
                        permit = next.permit().get();
                    } catch (AwsException throttled) {
                        if (env == null && !all.isEmpty()) {
                            return; // one of ours holds it: when it answers or goes, the event is served
                        }
                        failed = waiting.pollFirst();
                        why = throttled;
                    }
                    if (permit != null) {
                        waiting.pollFirst();
                        served = next;
                        held = permit;
                        if (env == null) {
                            fresh = startLocked(next.inv());
                        } else {
                            // out of the idle list it is this event's: nothing else hands it work meanwhile
                            taken = idle.pollFirst();
                        }
                    }
                }
            }
            if (done != null) {
                done.forEach(e -> e.destroy("its function was updated or deleted"));
                return;
            }
            if (failed != null) {
                failed.inv().result.completeExceptionally(why);
            }
            if (served != null) {
                // before the environment has the event: nothing can answer it until then
                ConcurrencyLimiter.Permit permit = held;
                served.inv().result.whenComplete((r, e) -> permit.release());
            }
            if (taken != null) {
                Handover handover = taken.tryAssign(served.inv());
                if (handover != null) {
                    handover.complete();
                } else {
                    // it died meanwhile; the event goes back to the front of the line
                    held.release();
                    synchronized (this) {
                        waiting.addFirst(served);
                    }
                }
            }
            if (fresh != null) {
                launch(fresh);
            }
        }
    }

    /** Whether waiting events call for another environment (see the class comment). */
    private boolean mayStartLocked() {
        int starting = 0;
        // what an invocation takes here: the average of those answered; before any, the longest running now
        long service = serviceNanos;
        for (ExecutionEnvironment env : all) {
            if (env.state() == ExecutionEnvironment.State.STARTING) {
                starting++;
            } else if (serviceNanos == 0) {
                service = Math.max(service, env.busyNanos());
            }
        }
        int warm = all.size() - starting;
        if (starting >= Math.max(1, warm)) {
            return false;
        }
        if (warm == 0 || coldStartNanos == 0) {
            return true;
        }
        return (double) waiting.size() * service > (double) coldStartNanos * (warm + starting);
    }

    /** An environment of this pool asked for its first work this long after it was created. */
    synchronized void started(long coldNanos) {
        coldStartNanos = coldStartNanos == 0 ? coldNanos : coldStartNanos + (coldNanos - coldStartNanos) / 4;
    }

    private ExecutionEnvironment startLocked(Invocation first) {
        ExecutionEnvironment fresh = new ExecutionEnvironment(function, ctx, this, first);
        all.add(fresh);
        return fresh;
    }

    private void launch(ExecutionEnvironment fresh) {
        // returns at once: the launch's steps run on the engine's threads and the workers
        fresh.launch();
    }

    /**
     * The environment answered its invocation and waits for work.
     *
     * @param servedNanos how long that invocation kept it busy
     */
    void idle(ExecutionEnvironment env, long servedNanos) {
        boolean stop;
        synchronized (this) {
            serviceNanos = serviceNanos == 0 ? servedNanos : serviceNanos + (servedNanos - serviceNanos) / 8;
            // a retired pool's environments still serve the events that waited in it
            stop = (retired && waiting.isEmpty()) || !all.contains(env);
            if (!stop) {
                idle.addFirst(env);
                env.idleSinceMillis = ctx.clock.millis();
                if (!keepAlive.containsKey(env)) {
                    scheduleExpiryLocked(env, keepAliveMillis);
                }
            }
        }
        if (stop) {
            env.destroy("its function was updated or deleted");
        }
    }

    private void scheduleExpiryLocked(ExecutionEnvironment env, long delayMillis) {
        keepAlive.put(env, ctx.clock.schedule(() -> expire(env), Duration.ofMillis(delayMillis)));
    }

    private void expire(ExecutionEnvironment env) {
        synchronized (this) {
            keepAlive.remove(env);
            if (!idle.contains(env)) {
                return; // busy: its next idle spell schedules a check again
            }
            long idleFor = ctx.clock.millis() - env.idleSinceMillis;
            if (idleFor < keepAliveMillis) {
                scheduleExpiryLocked(env, keepAliveMillis - idleFor);
                return;
            }
            idle.remove(env);
            all.remove(env);
        }
        log.debug("Environment {} of {} idle for {}: stopping it", env.id, function.functionName(),
                ctx.config.keepAlive());
        env.destroy("idle for " + ctx.config.keepAlive().toSeconds() + " s");
    }

    /** The environment is gone (it died, timed out or was stopped). */
    void removed(ExecutionEnvironment env) {
        synchronized (this) {
            all.remove(env);
            idle.remove(env);
            cancelKeepAlive(env);
        }
        // events that waited for it may need another
        serveWaiting();
    }

    /**
     * Code or configuration changed: idle environments stop now, busy ones once they have answered and the events
     * that were already waiting here have run (as they would have had they each started an environment at once).
     */
    void retire() {
        List<ExecutionEnvironment> stopNow;
        synchronized (this) {
            retired = true;
            stopNow = new ArrayList<>(idle);
            idle.clear();
            stopNow.forEach(this::cancelKeepAlive);
            all.removeAll(stopNow);
        }
        stopNow.forEach(env -> env.destroy("its function was updated or deleted"));
        serveWaiting();
    }

    /** Everything stops, busy environments too (reset, shutdown). */
    void destroyAll(String why) {
        List<ExecutionEnvironment> stopNow;
        synchronized (this) {
            retired = true;
            stopped = true;
            stopNow = new ArrayList<>(all);
            idle.clear();
            all.clear();
            keepAlive.values().forEach(HangarClock.Timer::cancel);
            keepAlive.clear();
        }
        stopNow.forEach(env -> env.destroy(why));
        serveWaiting();
    }

    synchronized int size() {
        return all.size();
    }

    synchronized int idleCount() {
        return idle.size();
    }

    synchronized List<ExecutionEnvironment> environments() {
        return List.copyOf(all);
    }

    private void cancelKeepAlive(ExecutionEnvironment env) {
        HangarClock.Timer task = keepAlive.remove(env);
        if (task != null) {
            task.cancel();
        }
    }
}
