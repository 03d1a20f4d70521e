package dev.hangar.lambda.invoke;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The execution environments of one function version with one code and configuration: an invocation takes the most
 * recently used idle one (warm), or starts a new one, so concurrent invocations run in separate environments. An
 * environment left idle for the keep-alive is stopped by a scheduled task. Lock order: pool, then environment.
 */
final class EnvironmentPool {

    private static final Logger log = LoggerFactory.getLogger(EnvironmentPool.class);

    final RunnableFunction function;
    /** Hot reload: the code directory's fingerprint these environments run; null otherwise. */
    final String codeFingerprint;
    private final InvokeContext ctx;

    private final Deque<ExecutionEnvironment> idle = new ArrayDeque<>();
    private final Set<ExecutionEnvironment> all = new HashSet<>();
    private final Map<ExecutionEnvironment, ScheduledFuture<?>> keepAlive = new HashMap<>();
    private boolean retired;

    EnvironmentPool(RunnableFunction function, String codeFingerprint, InvokeContext ctx) {
        this.function = function;
        this.codeFingerprint = codeFingerprint;
        this.ctx = ctx;
    }

    /** Runs the invocation in an idle environment, or a new one. Never blocks: a launch runs on a worker. */
    void dispatch(Invocation inv) {
        ExecutionEnvironment fresh;
        synchronized (this) {
            ExecutionEnvironment env;
            while ((env = idle.pollFirst()) != null) {
                cancelKeepAlive(env);
                if (env.tryAssign(inv)) {
                    return;
                }
            }
            fresh = new ExecutionEnvironment(function, ctx, this, inv);
            all.add(fresh);
        }
        try {
            ctx.workers.execute(fresh::launch);
        } catch (RejectedExecutionException e) {
            fresh.destroy("Hangar is shutting down");
        }
    }

    /** The environment answered its invocation and waits for work. */
    void idle(ExecutionEnvironment env) {
        boolean stop;
        synchronized (this) {
            stop = retired || !all.contains(env);
            if (!stop) {
                idle.addFirst(env);
                long ms = ctx.config.keepAlive().toMillis();
                keepAlive.put(env, ctx.scheduler.schedule(() -> expire(env), ms, TimeUnit.MILLISECONDS));
            }
        }
        if (stop) {
            env.destroy("its function was updated or deleted");
        }
    }

    private void expire(ExecutionEnvironment env) {
        synchronized (this) {
            if (!idle.remove(env)) {
                return;
            }
            keepAlive.remove(env);
            all.remove(env);
        }
        log.debug("Environment {} of {} idle for {}: stopping it", env.id, function.functionName(),
                ctx.config.keepAlive());
        env.destroy("idle for " + ctx.config.keepAlive().toSeconds() + " s");
    }

    /** The environment is gone (it died, timed out or was stopped). */
    synchronized void removed(ExecutionEnvironment env) {
        all.remove(env);
        idle.remove(env);
        cancelKeepAlive(env);
    }

    /** Code or configuration changed: idle environments stop now, busy ones once they have answered. */
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
    }

    /** Everything stops, busy environments too (reset, shutdown). */
    void destroyAll(String why) {
        List<ExecutionEnvironment> stopNow;
        synchronized (this) {
            retired = true;
            stopNow = new ArrayList<>(all);
            idle.clear();
            all.clear();
            keepAlive.values().forEach(f -> f.cancel(false));
            keepAlive.clear();
        }
        stopNow.forEach(env -> env.destroy(why));
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
        ScheduledFuture<?> task = keepAlive.remove(env);
        if (task != null) {
            task.cancel(false);
        }
    }
}
