package dev.hangar.core.service;

import dev.hangar.core.admin.ConsoleView;

import java.util.List;

/**
 * One emulated AWS service. Its operations are public methods of its handler objects, shaped like the SDK client's:
 * {@code RunTaskResponse runTask(RequestContext ctx, RunTaskRequest request)}, or returning
 * {@code CompletableFuture<RunTaskResponse>} when the answer comes later, each declaring where it runs with
 * {@link RunsOn}. An SDK operation with no such method answers "not implemented in Hangar" (HTTP 501).
 */
public interface AwsService {

    ServiceDescriptor descriptor();

    /**
     * The objects whose public methods are the handlers: the service itself by default, or one object per resource
     * (clusters, services, tasks ...). An operation may be handled by one of them only.
     */
    default List<Object> handlers() {
        return List.of(this);
    }

    /** What the web console shows of this service (docs/console.md); null: nothing. */
    default ConsoleView consoleView() {
        return null;
    }

    /** Drops all state (admin reset); containers are removed by the runtime separately. */
    default void reset() {
    }

    /** Hangar is stopping: end background work (timers, held requests, environments) before the threads go. */
    default void close() {
    }
}
