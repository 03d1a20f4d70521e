package dev.hangar.lambda.invoke;

import dev.hangar.core.http.AwsHttpResponse;
import dev.hangar.core.state.Ids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One Lambda execution environment: a container running the function's runtime, the Runtime API listener it polls,
 * and its log stream. STARTING (container launched, runtime initialising) → READY (waiting for work) → INVOKING →
 * READY ... and DEAD for good (timeout, crash, init failure, idle expiry, retirement).
 *
 * <p>This class is the state machine: the work its pool hands over, the Runtime API exchange with the runtime, and
 * the endings. Around it: {@link EnvironmentLaunch} (the cold start), {@link EnvironmentResources} (listener,
 * container, log follow, memory probe, and their release), {@link InvocationEnd} (the caller's answer, END and
 * REPORT) and {@link InvocationLogs} (its log stream).
 *
 * <p>Every state change happens under this object's lock and never waits for I/O there: Docker calls run on the
 * engine's threads, futures are completed after the lock is released. An environment is created with its first
 * invocation; later ones are handed over by its pool with {@link #tryAssign}.
 */
final class ExecutionEnvironment implements RuntimeApiHandler.RuntimeApi {

    enum State { STARTING, READY, INVOKING, DEAD }

    private static final Logger log = LoggerFactory.getLogger(ExecutionEnvironment.class);
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
    private final EnvironmentResources resources;
    private final InvocationEnd end;
    private long startNanos;
    private Double unreportedInitMs;
    private ScheduledFuture<?> initTimer;
    /**
     * Ends the current invocation at its deadline. One task serves many invocations: when it fires early (the
     * invocation it was set for has answered), it moves on to the current one's deadline, so a warm invocation
     * neither schedules nor cancels a task of its own.
     */
    private ScheduledFuture<?> watchdog;
    /** When it last became idle, on Hangar's clock (the keep-alive's); guarded by its pool's lock. */
    long idleSinceMillis;

    ExecutionEnvironment(RunnableFunction function, InvokeContext ctx, EnvironmentPool pool, Invocation first) {
        this.function = function;
        this.ctx = ctx;
        this.pool = pool;
        this.current = first;
        this.logs = InvocationLogs.ofEnvironment(function, id, ctx);
        this.resources = new EnvironmentResources(id, ctx);
        this.end = new InvocationEnd(this, logs, resources, ctx.clock);
    }

    synchronized State state() {
        return state;
    }

    String containerId() {
        return resources.containerId();
    }

    /** For tests: the pool whose lock guards this environment's place in it. */
    EnvironmentPool pool() {
        return pool;
    }

    /** Whether its runtime is waiting in /next with no work to give it yet. */
    synchronized boolean runtimeWaiting() {
        return heldNext != null;
    }

    /** How long its current invocation has kept it busy so far; 0 when it has none. */
    synchronized long busyNanos() {
        return current == null ? 0 : current.servedNanos();
    }

    // --- launch (engine and workers, see EnvironmentLaunch) -------------------------------------------------------

    /** Starts the container; returns at once, the launch's steps run on the engine's threads and the workers. */
    void launch() {
        new EnvironmentLaunch(this, ctx, resources).start();
    }

    /** Whether it died (the launch stops then: whatever it made is released with the rest). */
    synchronized boolean dead() {
        return state == State.DEAD;
    }

    /** The launch starts the container: the init time runs from here. */
    synchronized void runtimeStarting() {
        startNanos = System.nanoTime();
    }

    /** The container started: the runtime has this long to ask for its first work. */
    synchronized void initBudgetStarts(long budgetMs) {
        if (!initialised && state != State.DEAD) {
            initTimer = ctx.realTimeTimers.schedule(this::initTimedOut, budgetMs, TimeUnit.MILLISECONDS);
        }
    }

    /** The launch failed: the environment goes, and its first invocation fails with the reason. */
    void launchFailed(RuntimeException e) {
        Ending ending;
        synchronized (this) {
            ending = dieLocked();
        }
        if (ending == null) {
            // it ended meanwhile, but the launch may have made more since that ending released what there was
            releaseResources();
            return;
        }
        log.warn("Execution environment for {} could not start: {}", function.functionName(), e.toString());
        pool.removed(this);
        releaseResources();
        if (ending.inv() != null) {
            end.couldNotStart(ending.inv(), e);
        }
    }

    // --- work from the pool ---------------------------------------------------------------------------------------

    /** The runtime has not asked for work yet: its next poll takes the invocation. */
    private static final Handover ON_NEXT_POLL = () -> { };

    /**
     * Gives the environment its next invocation if it is idle: null if it is busy or gone, else the {@link Handover}
     * to complete once the caller's locks are released. Its pool calls it under the pool's lock (pool, then
     * environment), so that taking an idle environment and giving it work is one step.
     */
    Handover tryAssign(Invocation inv) {
        synchronized (this) {
            if (state != State.READY || current != null) {
                return null;
            }
            current = inv;
            delivered = false;
            state = State.INVOKING;
            inv.assignedNanos = System.nanoTime();
            startClockLocked(inv);
            if (heldNext == null) {
                return ON_NEXT_POLL;
            }
            CompletableFuture<AwsHttpResponse> held = heldNext;
            heldNext = null;
            AwsHttpResponse event = deliverLocked(inv);
            LogWindow window = inv.logWindow;
            return () -> {
                logs.announce(window);
                held.complete(event);
            };
        }
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
            watchdog = ctx.realTimeTimers.schedule(this::watchdogFired, timeoutNanos, TimeUnit.NANOSECONDS);
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
                watchdog = ctx.realTimeTimers.schedule(this::watchdogFired, left, TimeUnit.NANOSECONDS);
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
        // START is written by whoever hands the event over, once it holds no lock (see Handover); the window's start
        // is on the engine's time base, the wall clock, which the container's lines are attributed by
        inv.logWindow = logs.open(inv.requestId(), function.version(), Instant.now(), inv.request.tailLogs());
        return NextInvocationResponse.of(inv);
    }

    // --- the Runtime API (event loop: no blocking) ----------------------------------------------------------------

    @Override
    public CompletableFuture<AwsHttpResponse> next() {
        AwsHttpResponse event;
        LogWindow window = null;
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
                window = current.logWindow;
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
        if (event != null) {
            logs.announce(window);
            return CompletableFuture.completedFuture(event);
        }
        return held;
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
            end.answered(inv, ErrorPayloads.responseTooLarge(), "Unhandled");
            pool.serveWaiting();
            return RuntimeApiHandler.payloadTooLarge();
        }
        end.answered(inv, body, null);
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
        end.answered(inv, payload, "Unhandled");
        pool.serveWaiting();
        return RuntimeApiHandler.accepted();
    }

    @Override
    public AwsHttpResponse initError(byte[] body, String errorType) {
        Ending ending;
        synchronized (this) {
            if (state == State.DEAD) {
                return RuntimeApiHandler.environmentGone();
            }
            if (initialised) {
                return RuntimeApiHandler.invalidStateTransition(
                        "State transition from Ready to InitError failed: the runtime is past its init");
            }
            ending = dieLocked();
        }
        pool.removed(this);
        if (ending.claimed()) {
            end.initFailed(ending.inv(), body, errorType, ending.initMs());
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

    /**
     * What an ending found when it made the environment DEAD: the invocation it took (null if idle) and how far the
     * init had got. {@link #claimed} says whether the ending answers that invocation (nothing else did yet).
     */
    private record Ending(Invocation inv, boolean duringInit, double initMs) {
        boolean claimed() {
            return inv != null && inv.claimAnswer();
        }
    }

    /** Under the lock: DEAD from now on, its timers cancelled and its invocation taken; null if it was dead already. */
    private Ending dieLocked() {
        if (state == State.DEAD) {
            return null;
        }
        state = State.DEAD;
        Invocation inv = current;
        current = null;
        cancelTimersLocked();
        return new Ending(inv, !initialised, (System.nanoTime() - startNanos) / 1e6);
    }

    /** The function ran past its timeout: the environment is destroyed, as AWS resets it. */
    private void timedOut(Invocation inv) {
        synchronized (this) {
            if (current != inv || state == State.DEAD || !inv.claimAnswer()) {
                return;
            }
            dieLocked();
        }
        pool.removed(this);
        end.timedOut(inv);
    }

    /** The runtime did not ask for work within the init budget. */
    private void initTimedOut() {
        Ending ending;
        synchronized (this) {
            ending = initialised ? null : dieLocked();
        }
        if (ending == null) {
            return;
        }
        pool.removed(this);
        if (ending.claimed()) {
            end.initTimedOut(ending.inv(), ending.initMs());
        } else {
            releaseResources();
        }
    }

    /** The container's process ended (the engine's die event). */
    void exited(Integer exitCode) {
        Ending ending;
        synchronized (this) {
            ending = dieLocked();
        }
        if (ending == null) {
            return;
        }
        pool.removed(this);
        if (ending.claimed()) {
            end.exited(ending.inv(), exitCode, ending.duringInit(), ending.initMs());
        } else {
            log.debug("Idle environment {} of {} exited ({})", id, function.functionName(), exitCode);
            releaseResources();
        }
    }

    void outOfMemory() {
        resources.outOfMemory();
    }

    /** Idle expiry, retirement, reset: the environment goes, failing what it still runs. */
    void destroy(String why) {
        Ending ending;
        synchronized (this) {
            ending = dieLocked();
        }
        if (ending == null) {
            return;
        }
        log.debug("Stopping environment {} of {}: {}", id, function.functionName(), why);
        pool.removed(this);
        releaseResources();
        if (ending.claimed()) {
            InvocationEnd.stopped(ending.inv(), why);
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
     * For an invocation's end: its log window, opened now if it was never delivered (its environment's init failed),
     * and the init time its REPORT carries (an environment's first answer; null after it). START is the caller's to
     * write, after the lock.
     */
    synchronized Double closingWindow(Invocation inv) {
        if (inv.logWindow == null) {
            // START now, with the init output before it in the tail
            inv.startedNanos = System.nanoTime();
            inv.logWindow = logs.open(inv.requestId(), function.version(), Instant.now(), inv.request.tailLogs());
        }
        Double initMs = unreportedInitMs;
        unreportedInitMs = null;
        return initMs;
    }

    /** Frees the container, the listener and the log follow, and answers a held poll: the environment is gone. */
    private void releaseResources() {
        releaseResources(() -> { });
    }

    /** @param afterwards runs once the container is removed and its log follow closed (or there was none) */
    void releaseResources(Runnable afterwards) {
        CompletableFuture<AwsHttpResponse> held;
        synchronized (this) {
            held = heldNext;
            heldNext = null;
            cancelTimersLocked();
        }
        if (held != null) {
            held.complete(RuntimeApiHandler.environmentGone());
        }
        resources.release(afterwards);
    }

    @Override
    public String toString() {
        return "ExecutionEnvironment[" + id + " " + function.functionName() + " " + state() + "]";
    }
}
