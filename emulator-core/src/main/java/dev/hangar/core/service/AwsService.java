package dev.hangar.core.service;

/**
 * One emulated AWS service. Its operations are public methods of the implementing class shaped like the SDK client's:
 * {@code RunTaskResponse runTask(RequestContext ctx, RunTaskRequest request)}, or returning
 * {@code CompletableFuture<RunTaskResponse>} when the answer comes later. An SDK operation with no such method
 * answers "not implemented in Hangar" (HTTP 501).
 */
public interface AwsService {

    ServiceDescriptor descriptor();

    /** Drops all state (admin reset); containers are removed by the runtime separately. */
    default void reset() {
    }

    /** Whether handler methods only touch memory and may run on the event loop (false: run on the worker pool). */
    default boolean handlersAreNonBlocking() {
        return false;
    }
}
