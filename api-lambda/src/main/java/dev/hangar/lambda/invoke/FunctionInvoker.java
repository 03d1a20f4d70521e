package dev.hangar.lambda.invoke;

import java.util.concurrent.CompletableFuture;

/** The invocation side as the control plane (InvokeHandlers, and Functions retiring versions) calls it. */
public interface FunctionInvoker {

    /**
     * RequestResponse. Completes with the function's answer, or its error payload; completes exceptionally with an
     * AwsException for throttling (TooManyRequestsException 429 with Reason) or when no environment can start.
     * Never blocks the caller.
     */
    CompletableFuture<InvocationResult> invoke(RunnableFunction function, InvocationRequest request);

    /** InvocationType Event: queued, never lost while Hangar runs, retried twice on function error like AWS. */
    void enqueue(RunnableFunction function, InvocationRequest request);

    /** The version's code or configuration changed, or it was deleted: its environments stop (idle ones at once). */
    void retire(String functionArn, String version);

    /** The function's execution environments, every version (the web console); none by default. */
    default java.util.List<EnvironmentSnapshot> environments(String functionArn) {
        return java.util.List.of();
    }

    /** Stops everything (admin reset, shutdown). */
    void reset();
}
