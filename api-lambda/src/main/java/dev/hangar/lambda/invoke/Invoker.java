package dev.hangar.lambda.invoke;

import dev.hangar.core.http.Listener;
import dev.hangar.core.http.HttpHandler;
import dev.hangar.core.service.AwsException;
import dev.hangar.core.port.LogSink;
import dev.hangar.core.port.Ports;
import dev.hangar.core.service.ServiceContext;
import dev.hangar.core.time.HangarClock;
import dev.hangar.runtime.ContainerEvent;
import dev.hangar.runtime.ContainerRuntime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.Function;

/**
 * Lambda's invocation side: runs functions in warm containers whose runtimes poll a Runtime API served by Hangar,
 * one listener per execution environment. See {@link FunctionInvoker} for the contract.
 */
public final class Invoker implements FunctionInvoker {

    private final InvokeContext ctx;
    private final ConcurrencyLimiter limiter;
    private final AsyncInvocationQueue events;
    /** Pools by function ARN, version and code: a new code sha or configuration gets a new pool. */
    private final Map<String, EnvironmentPool> pools = new ConcurrentHashMap<>();

    /**
     * @param listenerFactory opens a Runtime API listener for one environment, e.g.
     *                        {@code h -> server.listen("127.0.0.1", 0, h)}; called on a worker
     * @param clock           Hangar's clock: the timers that scale with it (retries, backoff, event age, keep-alive)
     *                        and the time of log lines
     * @param realTimeTimers  timers that measure real work (a function's timeout, the init budget, the log quiet
     *                        period): short tasks only (a ScheduledThreadPoolExecutor is switched to remove cancelled
     *                        tasks at once)
     * @param workers         blocking work that is not the engine's (code fingerprints, listener binds, files)
     * @param engine          calls to the container engine, which may take long (image pulls)
     */
    public Invoker(ContainerRuntime runtime, Function<HttpHandler, Listener> listenerFactory, LogSink logs,
                   InvokeConfig config, HangarClock clock, ScheduledExecutorService realTimeTimers,
                   ExecutorService workers, ExecutorService engine) {
        if (realTimeTimers instanceof ScheduledThreadPoolExecutor pool) {
            // every invocation schedules its timeout and cancels it on the answer: cancelled tasks must not pile up
            pool.setRemoveOnCancelPolicy(true);
        }
        this.ctx = new InvokeContext(runtime, listenerFactory, logs, config, clock, realTimeTimers, workers, engine);
        this.limiter = new ConcurrencyLimiter(config.accountConcurrency());
        this.events = new AsyncInvocationQueue(this::invokeEvent, ctx);
        runtime.addListener(this::onContainerEvent);
    }

    /**
     * As Hangar makes it: settings from the environment, a Runtime API listener per environment on the address
     * functions reach Hangar at, function output to the log sink of the ports.
     */
    public static Invoker create(ServiceContext ctx) {
        InvokeConfig config = InvokeConfig.fromEnvironment(ctx.environment());
        Ports.Ref<LogSink> logs = ctx.ports().ref(LogSink.class, LogSink.NONE);
        Invoker invoker = new Invoker(ctx.ports().require(ContainerRuntime.class),
                handler -> ctx.listeners().open(config.runtimeApiHost(), 0, handler),
                (account, region, group, stream, events) -> logs.get().append(account, region, group, stream, events),
                config, ctx.clock(), ctx.realTimeTimers(), ctx.workers(), ctx.engine());
        invoker.ctx.hangarEndpoint = ctx.endpoint();
        return invoker;
    }

    @Override
    public CompletableFuture<InvocationResult> invoke(RunnableFunction function, InvocationRequest request) {
        return withFingerprint(function, fingerprint -> invoke(function, request, fingerprint));
    }

    /** Event invocations from the queue: they wait in the pool for a free environment (see EnvironmentPool). */
    private CompletableFuture<InvocationResult> invokeEvent(RunnableFunction function, InvocationRequest request) {
        return withFingerprint(function, fingerprint -> {
            Invocation inv = new Invocation(function, request);
            try {
                poolFor(function, fingerprint).enqueue(inv, () -> limiter.acquire(function));
            } catch (RuntimeException e) {
                inv.result.completeExceptionally(e);
            }
            return inv.result.copy();
        });
    }

    private CompletableFuture<InvocationResult> withFingerprint(
            RunnableFunction function, Function<String, CompletableFuture<InvocationResult>> call) {
        if (!function.hotReload() || function.codeDirectory() == null) {
            return call.apply(null);
        }
        // walking the code directory is file I/O: off the caller's thread
        try {
            return CompletableFuture.supplyAsync(() -> CodeFingerprint.of(function.codeDirectory()), ctx.workers)
                    .thenCompose(call);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(serviceUnavailable());
        }
    }

    private CompletableFuture<InvocationResult> invoke(RunnableFunction function, InvocationRequest request,
                                                       String fingerprint) {
        ConcurrencyLimiter.Permit permit;
        try {
            permit = limiter.acquire(function);
        } catch (AwsException throttled) {
            return CompletableFuture.failedFuture(throttled);
        }
        Invocation inv = new Invocation(function, request);
        inv.result.whenComplete((r, e) -> permit.release());
        try {
            poolFor(function, fingerprint).dispatch(inv);
        } catch (RuntimeException e) {
            inv.result.completeExceptionally(e);
        }
        return inv.result.copy();
    }

    @Override
    public void enqueue(RunnableFunction function, InvocationRequest request) {
        events.enqueue(function, request);
    }

    @Override
    public void retire(String functionArn, String version) {
        List<EnvironmentPool> retired = new ArrayList<>();
        pools.entrySet().removeIf(e -> {
            RunnableFunction fn = e.getValue().function;
            boolean match = fn.functionArn().equals(functionArn) && (version == null || fn.version().equals(version));
            if (match) {
                retired.add(e.getValue());
            }
            return match;
        });
        retired.forEach(EnvironmentPool::retire);
    }

    @Override
    public void reset() {
        events.clear();
        List<EnvironmentPool> all = new ArrayList<>(pools.values());
        pools.clear();
        all.forEach(p -> p.destroyAll("Hangar was reset"));
    }

    /** Environments of a function version, warm or busy: for tests and the admin view. */
    public int environmentCount(String functionArn, String version) {
        return pools.values().stream()
                .filter(p -> p.function.functionArn().equals(functionArn) && p.function.version().equals(version))
                .mapToInt(EnvironmentPool::size).sum();
    }

    @Override
    public List<EnvironmentSnapshot> environments(String functionArn) {
        return pools.values().stream().filter(p -> p.function.functionArn().equals(functionArn))
                .flatMap(p -> p.environments().stream().map(e -> new EnvironmentSnapshot(e.id, p.function.version(),
                        e.state().name(), e.containerId()))).toList();
    }

    /** Event invocations not yet run to an end. */
    public int pendingEvents() {
        return events.pending();
    }

    InvokeContext context() {
        return ctx;
    }

    List<ExecutionEnvironment> environments(String functionArn, String version) {
        return pools.values().stream()
                .filter(p -> p.function.functionArn().equals(functionArn) && p.function.version().equals(version))
                .flatMap(p -> p.environments().stream()).toList();
    }

    /**
     * The pool for exactly this function: same ARN and version but other code or configuration (the record differs,
     * reserved concurrency aside) or, with hot reload, other files retires the old pool, whose busy environments
     * finish their work first.
     */
    private EnvironmentPool poolFor(RunnableFunction function, String fingerprint) {
        String key = function.functionArn() + ":" + function.version();
        EnvironmentPool current = pools.get(key);
        if (current != null && serves(current, function, fingerprint)) {
            // the usual case, without compute's lock on the map's bin
            return current;
        }
        EnvironmentPool[] replaced = new EnvironmentPool[1];
        EnvironmentPool pool = pools.compute(key, (k, existing) -> {
            if (existing != null && serves(existing, function, fingerprint)) {
                return existing;
            }
            replaced[0] = existing;
            return new EnvironmentPool(function, fingerprint, ctx);
        });
        if (replaced[0] != null) {
            replaced[0].retire();
        }
        return pool;
    }

    private static boolean serves(EnvironmentPool pool, RunnableFunction function, String fingerprint) {
        return sameEnvironment(pool.function, function) && Objects.equals(pool.codeFingerprint, fingerprint);
    }

    /** Everything but reserved concurrency shapes an environment: changing the reservation keeps them warm. */
    private static boolean sameEnvironment(RunnableFunction a, RunnableFunction b) {
        return a.equals(b) || withoutReservation(a).equals(withoutReservation(b));
    }

    private static RunnableFunction withoutReservation(RunnableFunction f) {
        return new RunnableFunction(f.account(), f.region(), f.functionName(), f.functionArn(), f.version(),
                f.runtime(), f.handler(), f.memoryMb(), f.timeoutSeconds(), f.environment(), f.packageType(),
                f.imageUri(), f.imageEntryPoint(), f.imageCommand(), f.imageWorkingDir(), f.codeDirectory(),
                f.hotReload(), f.codeSha256(), null, f.logGroup(), f.roleArn());
    }

    private void onContainerEvent(ContainerEvent event) {
        ExecutionEnvironment env = ctx.environmentOf(event.containerId());
        if (env == null) {
            return;
        }
        if (event.type() == ContainerEvent.Type.OOM) {
            env.outOfMemory();
        } else if (event.type() == ContainerEvent.Type.DIE) {
            // off the engine's event thread; the ending is Hangar's bookkeeping, its container removal hops on
            try {
                ctx.workers.execute(() -> env.exited(event.exitCode()));
            } catch (RejectedExecutionException e) {
                env.exited(event.exitCode());
            }
        }
    }

    private static AwsException serviceUnavailable() {
        return new AwsException("ServiceException", 500, false, "Hangar is shutting down", Map.of("Type", "Service"));
    }
}
