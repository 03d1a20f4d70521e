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

    /**
     * Whether this operation's handler only touches memory (or hands its slow work to other threads itself) and may
     * run on the event loop. By default the service-wide answer; a service whose handlers mostly block can still let
     * its hot in-memory operations skip the hop to the worker pool.
     */
    default boolean isNonBlocking(String operation) {
        return handlersAreNonBlocking();
    }
}
