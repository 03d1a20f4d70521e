package dev.hangar.lambda.invoke;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One invocation on its way through an execution environment. Its fields after construction are written by the
 * environment under the environment's lock; {@link #result} completes once.
 */
final class Invocation {

    final RunnableFunction function;
    final InvocationRequest request;
    final CompletableFuture<InvocationResult> result = new CompletableFuture<>();
    private final AtomicBoolean answered = new AtomicBoolean();

    /** Epoch ms by which the function must answer, once its clock started. */
    long deadlineEpochMs;
    long startedNanos;
    ScheduledFuture<?> timeoutTask;
    LogWindow logWindow;

    Invocation(RunnableFunction function, InvocationRequest request) {
        this.function = function;
        this.request = request;
    }

    String requestId() {
        return request.requestId();
    }

    /** The first answer wins; later ones (a response racing a timeout) are dropped. */
    boolean claimAnswer() {
        return answered.compareAndSet(false, true);
    }

    boolean answered() {
        return answered.get();
    }

    double elapsedMillis() {
        return (System.nanoTime() - startedNanos) / 1e6;
    }

    String executedVersion() {
        return function.version();
    }
}
