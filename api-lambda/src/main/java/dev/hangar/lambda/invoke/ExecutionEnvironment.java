package dev.hangar.lambda.invoke;

import dev.hangar.core.http.AwsHttpResponse;
import dev.hangar.core.http.HangarServer;
import dev.hangar.core.service.AwsException;
import dev.hangar.core.state.Ids;
import dev.hangar.lambda.invoke.InvocationLogs.Close;
import dev.hangar.runtime.ContainerHandle;
import dev.hangar.runtime.ContainerSpec;
import dev.hangar.runtime.HangarLabels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One Lambda execution environment: a container running the function's runtime, the Runtime API listener it polls,
 * and its log stream. STARTING (container launched, runtime initialising) → READY (waiting for work) → INVOKING →
 * READY ... and DEAD for good (timeout, crash, init failure, idle expiry, retirement).
 *
 * <p>Every state change happens under this object's lock and never waits for I/O there: Docker calls run on the
 * worker pool, futures are completed after the lock is released. An environment is created with its first
 * invocation; later ones are handed over by its pool with {@link #tryAssign}.
 */
final class ExecutionEnvironment implements RuntimeApiHandler.RuntimeApi {

    enum State { STARTING, READY, INVOKING, DEAD }

    private static final Logger log = LoggerFactory.getLogger(ExecutionEnvironment.class);
    private static final DateTimeFormatter STREAM_DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final int REMEMBERED_IDS = 32;

    final String id = Ids.hex32();
    private final long createdNanos = System.nanoTime();
    private volatile boolean coldStartReported;
    final RunnableFunction function;
    final InvocationLogs logs;
    private final InvokeContext ctx;
    private final EnvironmentPool pool;

    private State state = State.STARTING;
    private boolean initialised;
    private Invocation current;
    private boolean delivered;
    private CompletableFuture<AwsHttpResponse> heldNext;
    private final Deque<String> answeredIds = new ArrayDeque<>();
    private HangarServer.Listener listener;
    private AutoCloseable logFollow;
    private String containerId;
    private String containerToRemove;
    private long startNanos;
    private Double unreportedInitMs;
    private ScheduledFuture<?> initTimer;
    /**
     * Ends the current invocation at its deadline. One task serves many invocations: when it fires early (the
     * invocation it was set for has answered), it moves on to the current one's deadline, so a warm invocation
     * neither schedules nor cancels a task of its own.
     */
    private ScheduledFuture<?> watchdog;
    private volatile MemoryProbe memory;
    /** When it last became idle; guarded by its pool's lock. */
    long idleSinceNanos;
    private volatile boolean outOfMemory;
    private volatile Long lastPeakMb;

    ExecutionEnvironment(RunnableFunction function, InvokeContext ctx, EnvironmentPool pool, Invocation first) {
        this.function = function;
        this.ctx = ctx;
        this.pool = pool;
        this.current = first;
        String stream = STREAM_DAY.format(Instant.now()) + "/[" + function.version() + "]" + id;
        this.logs = new InvocationLogs(ctx.logs, function.account(), function.region(),
                StandardVariables.logGroup(function), stream, ctx.scheduler, ctx.logDelay);
    }

    synchronized State state() {
        return state;
    }

    synchronized String containerId() {
        return containerId;
    }

    /** Whether its runtime is waiting in /next with no work to give it yet. */
    synchronized boolean runtimeWaiting() {
        return heldNext != null;
    }

    /** How long its current invocation has kept it busy so far; 0 when it has none. */
    synchronized long busyNanos() {
        return current == null ? 0 : current.servedNanos();
    }

    // --- launch (worker pool) -------------------------------------------------------------------------------------

    /** Starts the container: blocking engine calls, run on a worker. */
    void launch() {
        try {
            LaunchPlan plan = LaunchPlan.of(function, ctx.config, ctx.clients, ctx.imageClients::bringsOwnClient);
            ctx.ensureImage(plan.image());
            HangarServer.Listener l = ctx.listenerFactory.apply(new RuntimeApiHandler(this));
            if (!adopt(() -> listener = l)) {
                return;
            }
            ContainerHandle handle = ctx.runtime.create(containerSpec(plan, l.port()));
            ctx.register(handle.id(), this);
            if (!adopt(() -> {
                containerId = handle.id();
                containerToRemove = handle.id();
                memory = new MemoryProbe(handle.id());
            })) {
                return;
            }
            AutoCloseable follow = ctx.runtime.followLogs(handle.id(), logs::onLine);
            if (!adopt(() -> logFollow = follow)) {
                return;
            }
            logs.platformLine(initStartLine(), Instant.now());
            synchronized (this) {
                startNanos = System.nanoTime();
            }
            ctx.runtime.start(handle.id());
            long budgetMs = ctx.config.initTimeout().toMillis() + function.timeoutSeconds() * 1000L;
            adopt(() -> {
                if (!initialised) {
                    initTimer = ctx.scheduler.schedule(this::initTimedOut, budgetMs, TimeUnit.MILLISECONDS);
                }
            });
            log.debug("Environment {} of {} started in container {}", id, function.functionName(), handle.id());
        } catch (RuntimeException e) {
            launchFailed(e);
        }
    }

    private ContainerSpec containerSpec(LaunchPlan plan, int runtimeApiPort) {
        return ContainerSpec.builder(plan.image())
                .name("hangar-lambda-" + safeName(function.functionName()) + "-" + id.substring(0, 12))
                .entrypoint(plan.entrypoint())
                .command(plan.command())
                .environment(StandardVariables.of(function, plan, logs.stream(), runtimeApiPort, ctx.config))
                .labels(Map.of(HangarLabels.RESOURCE, function.functionArn(),
                        "hangar.lambda.version", function.version(),
                        "hangar.lambda.environment", id))
                .memoryBytes(function.memoryMb() * 1024L * 1024L)
                .init(true)
                .mounts(plan.mounts())
                // with host networking the runtime reaches its Runtime API on 127.0.0.1, where Hangar listens
                .networkMode(ctx.config.networkMode())
                .workingDir(plan.workingDir())
                .build();
    }

    private String initStartLine() {
        String runtime = function.runtime() != null ? function.runtime() : "image";
        return "INIT_START Runtime Version: " + runtime + ".hangar\tRuntime Version ARN: arn:aws:lambda:"
                + function.region() + "::runtime:" + sha256Hex(runtime);
    }

    /** Runs the setter under the lock unless the environment died meanwhile; then frees what exists and says no. */
    private boolean adopt(Runnable setter) {
        boolean alive;
        synchronized (this) {
            setter.run();
            alive = state != State.DEAD;
        }
        if (!alive) {
            releaseResources();
        }
        return alive;
    }

    private void launchFailed(RuntimeException e) {
        Invocation inv;
        synchronized (this) {
            if (state == State.DEAD) {
                releaseResources();
                return;
            }
            state = State.DEAD;
            inv = current;
            current = null;
        }
        log.warn("Execution environment for {} could not start: {}", function.functionName(), e.toString());
        pool.removed(this);
        releaseResources();
        if (inv != null) {
            inv.claimAnswer();
            inv.result.completeExceptionally(e instanceof AwsException ? e : new AwsException("ServiceException", 500,
                    false, "Hangar could not start an execution environment for " + function.functionName() + ": "
                    + e.getMessage(), Map.of("Type", "Service")));
        }
    }

    // --- work from the pool ---------------------------------------------------------------------------------------

    /** Gives the environment its next invocation if it is idle; false if it is busy or gone. */
    boolean tryAssign(Invocation inv) {
        CompletableFuture<AwsHttpResponse> held = null;
        AwsHttpResponse event = null;
        synchronized (this) {
            if (state != State.READY || current != null) {
                return false;
            }
            current = inv;
            delivered = false;
            state = State.INVOKING;
            inv.assignedNanos = System.nanoTime();
            startClockLocked(inv);
            if (heldNext != null) {
                held = heldNext;
                heldNext = null;
                event = deliverLocked(inv);
            }
        }
        if (held != null) {
            held.complete(event);
        }
        return true;
    }

    /** The function's clock runs from when a ready runtime has the work (AWS does not count the cold start). */
    private void startClockLocked(Invocation inv) {
        if (inv.clockStarted()) {
            return;
        }
        long timeoutNanos = TimeUnit.SECONDS.toNanos(function.timeoutSeconds());
        inv.deadlineEpochMs = System.currentTimeMillis() + function.timeoutSeconds() * 1000L;
        inv.deadlineNanos = System.nanoTime() + timeoutNanos;
        if (watchdog == null) {
            // every invocation here has the same timeout, so a pending watchdog is never later than this deadline
            watchdog = ctx.scheduler.schedule(this::watchdogFired, timeoutNanos, TimeUnit.NANOSECONDS);
        }
    }

    private void watchdogFired() {
        Invocation inv;
        synchronized (this) {
            watchdog = null;
            inv = current;
            if (state == State.DEAD || inv == null || !inv.clockStarted()) {
                return;
            }
            long left = inv.deadlineNanos - System.nanoTime();
            if (left > 0) {
                watchdog = ctx.scheduler.schedule(this::watchdogFired, left, TimeUnit.NANOSECONDS);
                return;
            }
        }
        timedOut(inv);
    }

    private AwsHttpResponse deliverLocked(Invocation inv) {
        delivered = true;
        state = State.INVOKING;
        startClockLocked(inv);
        inv.startedNanos = System.nanoTime();
        inv.logWindow = logs.start(inv.requestId(), function.version(), Instant.now());
        return NextInvocationResponse.of(inv);
    }

    // --- the Runtime API (event loop: no blocking) ----------------------------------------------------------------

    @Override
    public CompletableFuture<AwsHttpResponse> next() {
        AwsHttpResponse event;
        CompletableFuture<AwsHttpResponse> replaced = null;
        CompletableFuture<AwsHttpResponse> held;
        if (!coldStartReported) {
            // before the state leaves STARTING, so that the pool never sees it warm without knowing what it took
            coldStartReported = true;
            pool.started(System.nanoTime() - createdNanos);
        }
        synchronized (this) {
            if (state == State.DEAD) {
                return CompletableFuture.completedFuture(RuntimeApiHandler.environmentGone());
            }
            if (current != null && delivered) {
                return CompletableFuture.completedFuture(RuntimeApiHandler.invalidStateTransition(
                        "State transition from RuntimeInvocationSent to RuntimeReady failed: the runtime has not"
                                + " answered invocation " + current.requestId()));
            }
            if (!initialised) {
                initialised = true;
                unreportedInitMs = (System.nanoTime() - startNanos) / 1e6;
                if (initTimer != null) {
                    initTimer.cancel(false);
                }
                if (current == null) {
                    state = State.READY;
                }
            }
            if (current != null) {
                event = deliverLocked(current);
                held = null;
            } else {
                event = null;
                replaced = heldNext;
                heldNext = new CompletableFuture<>();
                held = heldNext;
            }
        }
        if (replaced != null) {
            replaced.complete(RuntimeApiHandler.invalidStateTransition("Superseded by a newer request for work"));
        }
        return event != null ? CompletableFuture.completedFuture(event) : held;
    }

    @Override
    public AwsHttpResponse response(String requestId, byte[] body) {
        Invocation inv;
        synchronized (this) {
            AwsHttpResponse refused = refuseAnswerLocked(requestId);
            if (refused != null) {
                return refused;
            }
            inv = finishCurrentLocked();
        }
        boolean tooLarge = body.length > ErrorPayloads.MAX_RESPONSE_BYTES;
        // idle before the caller has its answer, so that its next call finds this environment warm
        pool.idle(this, inv.servedNanos());
        if (tooLarge) {
            finish(inv, ErrorPayloads.responseTooLarge(), "Unhandled", null, null, List.of(), Close.WHEN_QUIET);
            pool.serveWaiting();
            return RuntimeApiHandler.payloadTooLarge();
        }
        finish(inv, body, null, null, null, List.of(), Close.WHEN_QUIET);
        // after finish: its concurrency permit is back for the waiting event to take
        pool.serveWaiting();
        return RuntimeApiHandler.accepted();
    }

    @Override
    public AwsHttpResponse error(String requestId, byte[] body, String errorType) {
        Invocation inv;
        synchronized (this) {
            AwsHttpResponse refused = refuseAnswerLocked(requestId);
            if (refused != null) {
                return refused;
            }
            inv = finishCurrentLocked();
        }
        pool.idle(this, inv.servedNanos());
        byte[] payload = body.length == 0 ? ErrorPayloads.fromErrorType(errorType)
                : body.length > ErrorPayloads.MAX_RESPONSE_BYTES ? ErrorPayloads.responseTooLarge() : body;
        finish(inv, payload, "Unhandled", null, null, List.of(), Close.WHEN_QUIET);
        pool.serveWaiting();
        return RuntimeApiHandler.accepted();
    }

    @Override
    public AwsHttpResponse initError(byte[] body, String errorType) {
        Invocation inv;
        double initMs;
        synchronized (this) {
            if (state == State.DEAD) {
                return RuntimeApiHandler.environmentGone();
            }
            if (initialised) {
                return RuntimeApiHandler.invalidStateTransition(
                        "State transition from Ready to InitError failed: the runtime is past its init");
            }
            state = State.DEAD;
            inv = current;
            current = null;
            initMs = (System.nanoTime() - startNanos) / 1e6;
            cancelTimersLocked();
        }
        pool.removed(this);
        byte[] payload = body.length == 0 ? ErrorPayloads.fromErrorType(errorType) : body;
        String type = errorType != null && !errorType.isBlank() ? errorType : errorTypeOf(payload);
        if (inv != null && inv.claimAnswer()) {
            // the runtime's own account of the failure is often still on its way to the log
            finishWithEnvironment(inv, payload, "error", type, List.of(initReport(initMs, "error", type)));
        } else {
            releaseResources();
        }
        return RuntimeApiHandler.accepted();
    }

    /** Null if the runtime may answer this request id now; else the Runtime API's refusal. */
    private AwsHttpResponse refuseAnswerLocked(String requestId) {
        if (current != null && delivered && current.requestId().equals(requestId) && !current.answered()) {
            return null;
        }
        if (answeredIds.contains(requestId) || (current != null && current.requestId().equals(requestId))) {
            return RuntimeApiHandler.invalidStateTransition("State transition from RuntimeResponseSent to "
                    + "RuntimeResponseSent failed for runtime: invocation " + requestId + " is not awaiting an answer");
        }
        return RuntimeApiHandler.invalidRequestId();
    }

    private Invocation finishCurrentLocked() {
        Invocation inv = current;
        inv.claimAnswer();
        current = null;
        delivered = false;
        state = State.READY;
        answeredIds.addLast(inv.requestId());
        while (answeredIds.size() > REMEMBERED_IDS) {
            answeredIds.removeFirst();
        }
        return inv;
    }

    // --- endings --------------------------------------------------------------------------------------------------

    /** The function ran past its timeout: the environment is destroyed, as AWS resets it. */
    private void timedOut(Invocation inv) {
        synchronized (this) {
            if (current != inv || state == State.DEAD || !inv.claimAnswer()) {
                return;
            }
            state = State.DEAD;
            current = null;
            cancelTimersLocked();
        }
        pool.removed(this);
        String notice = TIMESTAMP.format(Instant.now()) + " " + inv.requestId() + " Task timed out after "
                + ErrorPayloads.seconds(function.timeoutSeconds()) + " seconds";
        finishWithEnvironment(inv, ErrorPayloads.timeout(inv.requestId(), function.timeoutSeconds()), "timeout", null,
                List.of(notice));
    }

    /** The runtime did not ask for work within the init budget. */
    private void initTimedOut() {
        Invocation inv;
        double initMs;
        synchronized (this) {
            if (initialised || state == State.DEAD) {
                return;
            }
            state = State.DEAD;
            inv = current;
            current = null;
            initMs = (System.nanoTime() - startNanos) / 1e6;
        }
        pool.removed(this);
        if (inv != null && inv.claimAnswer()) {
            finishWithEnvironment(inv, ErrorPayloads.timeout(inv.requestId(), function.timeoutSeconds()), "timeout",
                    null, List.of(initReport(initMs, "timeout", null)));
        } else {
            releaseResources();
        }
    }

    /** The container's process ended (the engine's die event). */
    void exited(Integer exitCode) {
        Invocation inv;
        boolean duringInit;
        double initMs;
        synchronized (this) {
            if (state == State.DEAD) {
                return;
            }
            state = State.DEAD;
            inv = current;
            current = null;
            duringInit = !initialised;
            initMs = (System.nanoTime() - startNanos) / 1e6;
            cancelTimersLocked();
        }
        pool.removed(this);
        if (inv == null || !inv.claimAnswer()) {
            log.debug("Idle environment {} of {} exited ({})", id, function.functionName(), exitCode);
            releaseResources();
            return;
        }
        String type = outOfMemory ? "Runtime.OutOfMemory" : "Runtime.ExitError";
        String reason = ErrorPayloads.exitReason(exitCode);
        List<String> lines = duringInit
                ? List.of(initReport(initMs, "error", type), "RequestId: " + inv.requestId() + " Error: " + reason, type)
                : List.of("RequestId: " + inv.requestId() + " Error: " + reason, type);
        finishWithEnvironment(inv, ErrorPayloads.exited(inv.requestId(), exitCode, outOfMemory), "error", type, lines);
    }

    void outOfMemory() {
        outOfMemory = true;
    }

    /** Idle expiry, retirement, reset: the environment goes, failing what it still runs. */
    void destroy(String why) {
        Invocation inv;
        synchronized (this) {
            if (state == State.DEAD) {
                return;
            }
            state = State.DEAD;
            inv = current;
            current = null;
            cancelTimersLocked();
        }
        log.debug("Stopping environment {} of {}: {}", id, function.functionName(), why);
        pool.removed(this);
        releaseResources();
        if (inv != null && inv.claimAnswer()) {
            inv.result.completeExceptionally(new AwsException("ServiceException", 500, false,
                    "The execution environment was stopped: " + why, Map.of("Type", "Service")));
        }
    }

    private void cancelTimersLocked() {
        if (initTimer != null) {
            initTimer.cancel(false);
        }
        if (watchdog != null) {
            watchdog.cancel(false);
            watchdog = null;
        }
    }

    /**
     * Answers the caller and closes the invocation's log window. With LogType=Tail the answer waits until END and
     * REPORT are written, so the tail holds them.
     */
    private void finish(Invocation inv, byte[] payload, String functionError, String status, String errorType,
                        List<String> linesBeforeEnd, Close close) {
        Double initMs;
        synchronized (this) {
            if (inv.logWindow == null) {
                // never delivered (init failed): START now, with the init output before it in the tail
                inv.startedNanos = System.nanoTime();
                inv.logWindow = logs.start(inv.requestId(), function.version(), Instant.now());
            }
            initMs = unreportedInitMs;
            unreportedInitMs = null;
        }
        double durationMs = inv.elapsedMillis();
        Supplier<String> report = () -> new ReportLine(inv.requestId(), durationMs, function.memoryMb(),
                close == Close.WHEN_QUIET ? rememberPeak() : lastPeakMb, initMs, status, errorType).text();
        logs.end(inv.logWindow, linesBeforeEnd, report, close);
        String version = inv.executedVersion();
        if (inv.request.tailLogs()) {
            inv.logWindow.settled.whenComplete((tail, e) ->
                    inv.result.complete(new InvocationResult(payload, functionError, tail, version)));
        } else {
            inv.result.complete(new InvocationResult(payload, functionError, null, version));
        }
    }

    /**
     * The environment ends with this invocation (an init error, a crash, a timeout): the caller has the error now,
     * END and REPORT follow once the container is removed and all its output read, however late the engine hands
     * over its last lines. The memory peak is read first, while the container is still there.
     */
    private void finishWithEnvironment(Invocation inv, byte[] payload, String status, String errorType,
                                       List<String> linesBeforeEnd) {
        rememberPeak();
        finish(inv, payload, "Unhandled", status, errorType, linesBeforeEnd, Close.WHEN_DRAINED);
        LogWindow window = inv.logWindow;
        releaseResources(() -> logs.drained(window));
    }

    private Long rememberPeak() {
        MemoryProbe probe = memory;
        Long peak = probe == null ? null : probe.peakMegabytes();
        if (peak != null) {
            lastPeakMb = peak;
        }
        return lastPeakMb;
    }

    private static String initReport(double initMs, String status, String errorType) {
        return "INIT_REPORT Init Duration: " + ErrorPayloads.seconds(initMs) + " ms\tPhase: init\tStatus: " + status
                + (errorType != null ? "\tError Type: " + errorType : "");
    }

    /**
     * Closes the listener, removes the container and then closes the log follow (on a worker). Safe to call again.
     */
    private void releaseResources() {
        releaseResources(() -> { });
    }

    /** @param afterwards runs once the container is removed and its log follow closed (or there was none) */
    private void releaseResources(Runnable afterwards) {
        HangarServer.Listener l;
        AutoCloseable follow;
        String cid;
        CompletableFuture<AwsHttpResponse> held;
        synchronized (this) {
            l = listener;
            listener = null;
            follow = logFollow;
            logFollow = null;
            cid = containerToRemove;
            containerToRemove = null;
            held = heldNext;
            heldNext = null;
            cancelTimersLocked();
        }
        if (held != null) {
            held.complete(RuntimeApiHandler.environmentGone());
        }
        if (l != null) {
            l.close();
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
                    log.warn("Could not remove container {} of environment {}: {}", cid, id, e.toString());
                } finally {
                    ctx.unregister(cid);
                }
            }
            if (follow != null) {
                try {
                    follow.close();
                } catch (Exception e) {
                    log.debug("Closing the log follow of {} failed", id, e);
                }
            }
            afterwards.run();
        };
        try {
            ctx.workers.execute(engineWork);
        } catch (RejectedExecutionException e) {
            engineWork.run();
        }
    }

    private static String errorTypeOf(byte[] payload) {
        try {
            var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(payload);
            if (node != null && node.hasNonNull("errorType")) {
                return node.get("errorType").asText();
            }
        } catch (java.io.IOException | RuntimeException e) {
            // not JSON: the type stays unknown
        }
        return "Runtime.Unknown";
    }

    private static String safeName(String name) {
        String cleaned = name.replaceAll("[^a-zA-Z0-9_.-]", "-");
        return cleaned.length() > 40 ? cleaned.substring(0, 40) : cleaned;
    }

    private static String sha256Hex(String text) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "ExecutionEnvironment[" + id + " " + function.functionName() + " " + state() + "]";
    }
}
