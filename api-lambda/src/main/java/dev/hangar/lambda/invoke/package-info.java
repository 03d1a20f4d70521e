/**
 * Lambda's invocation side: functions run for real in warm containers whose runtime polls a Runtime API that Hangar
 * serves, one listener (one address) per execution environment, as on AWS where the API is per sandbox.
 *
 * <p>{@link dev.hangar.lambda.invoke.Invoker} is the entry point (the control plane calls it through
 * {@link dev.hangar.lambda.invoke.FunctionInvoker}). An invocation takes a concurrency permit
 * ({@code ConcurrencyLimiter}), then the pool of its function version and code ({@code EnvironmentPool}) hands it to
 * an idle environment or starts one ({@code ExecutionEnvironment}: STARTING → READY → INVOKING → READY …, DEAD).
 * An environment's cold start is {@code EnvironmentLaunch}; what it holds outside Hangar (listener, container, log
 * follow, memory probe) and their release is {@code EnvironmentResources}. The environment's Runtime API
 * ({@code RuntimeApiHandler}) completes the runtime's held {@code next} poll with the event and the caller's future
 * with the runtime's answer; timeouts, crashes (the engine's die event) and init failures end the environment, and
 * {@code InvocationEnd} gives each ending's answer. {@code InvocationLogs} frames the container's output with
 * START / END / REPORT for the LogSink and the LogType=Tail answer. {@code AsyncInvocationQueue} runs Event
 * invocations with AWS's retries.
 *
 * <p>Threads. A warm invocation runs on its caller's thread up to the hand-over and on the event loop of the
 * runtime's answer after it: no thread hop (with hot reload, one to a worker for the code's fingerprint). Nothing here blocks an event loop or a timer thread. Container engine
 * calls (image pulls and inspections, create, start, log follows, removal) run on the engine executor
 * ({@code ServiceContext.engine()}), so a slow pull holds up no control plane; other blocking work (code
 * fingerprints, unpacking Hangar's runtime clients, binding and closing Runtime API listeners, whose Netty calls wait
 * for an event loop) on the workers. A cold start hops engine → worker → engine; a release hops to both. Reading a
 * container's memory peak from its cgroup is a read of a kernel pseudo-file, not I/O that waits, and runs wherever
 * REPORT is written (a timer thread among them).
 *
 * <p>Timers. On Hangar's clock ({@code ServiceContext.clock()}, which HANGAR_TIME_SCALE speeds up), as they are AWS's
 * own timing of minutes and hours: the async retry delays, the throttle backoff, the maximum event age, the idle
 * keep-alive. On real-time timers ({@code ServiceContext.realTimeTimers()}), as they measure real work: a function's
 * timeout (the runtime's deadline header is real time too), the init budget, the quiet period and drain limit a log
 * waits for the engine's late lines. REPORT's durations are System.nanoTime. Log lines are stamped on Hangar's clock,
 * as Logs stamps their ingestion, while lines are attributed to invocations by the engine's wall-clock stamps.
 *
 * <p>Locks: a pool's, then an environment's, then the concurrency limiter's (which calls nothing); an environment's
 * log ({@code InvocationLogs}) and its resources have locks of their own, taken last. Under a pool's or an
 * environment's lock only decisions are taken and state changed: every future is completed, the log sink written to
 * and every engine or network call made after the lock is released ({@code Handover} carries what a hand-over leaves
 * to do), so no dependent stage of a caller's or a runtime's future ever runs under one. The log's lock is held
 * while it writes to the sink, which keeps each stream in order; the sink is memory only and calls nothing back.
 */
package dev.hangar.lambda.invoke;
