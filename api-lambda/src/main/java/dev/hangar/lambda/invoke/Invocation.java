package dev.hangar.lambda.invoke;

import java.util.concurrent.CompletableFuture;
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
    /** The same deadline on the monotonic clock; 0 until the clock starts. */
    long deadlineNanos;
    /** When a warm environment took it; 0 for an environment's first, which waited for its start. */
    long assignedNanos;
    long startedNanos;
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

    boolean clockStarted() {
        return deadlineNanos != 0;
    }

    boolean answered() {
        return answered.get();
    }

    /**
     * How long it has kept its environment from other work: from being taken (or, an environment's first, from
     * being delivered) to now; 0 before either.
     */
    long servedNanos() {
        long since = assignedNanos != 0 ? assignedNanos : startedNanos;
        return since == 0 ? 0 : System.nanoTime() - since;
    }

    double elapsedMillis() {
        return (System.nanoTime() - startedNanos) / 1e6;
    }

    String executedVersion() {
        return function.version();
    }
}
