/**
 * Lambda's invocation side: functions run for real in warm containers whose runtime polls a Runtime API that Hangar
 * serves, one listener (one address) per execution environment, as on AWS where the API is per sandbox.
 *
 * <p>{@link dev.hangar.lambda.invoke.Invoker} is the entry point (the control plane calls it through
 * {@link dev.hangar.lambda.invoke.FunctionInvoker}). An invocation takes a concurrency permit
 * ({@code ConcurrencyLimiter}), then the pool of its function version and code ({@code EnvironmentPool}) hands it to
 * an idle environment or starts one ({@code ExecutionEnvironment}: STARTING → READY → INVOKING → READY …, DEAD).
 * The environment's Runtime API ({@code RuntimeApiHandler}) completes the runtime's held {@code next} poll with the
 * event and the caller's future with the runtime's answer; timeouts, crashes (the engine's die event) and init
 * failures end the environment. {@code InvocationLogs} frames the container's output with START / END / REPORT for
 * the LogSink and the LogType=Tail answer. {@code AsyncInvocationQueue} runs Event invocations with AWS's retries.
 *
 * <p>Threads: nothing here blocks a Netty event loop. Engine calls run on the workers, timers on the scheduler, and
 * every state change of an environment happens under its own lock, never held across I/O.
 */
package dev.hangar.lambda.invoke;
