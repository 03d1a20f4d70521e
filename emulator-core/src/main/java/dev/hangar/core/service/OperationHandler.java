package dev.hangar.core.service;

import software.amazon.awssdk.core.SdkPojo;

import java.util.concurrent.CompletableFuture;

/** One operation's typed handler, bound on first use, with the pool its declaration says it runs on. */
public interface OperationHandler {

    /**
     * Runs the handler; a synchronous handler's result comes back completed, its exception as a failed future. The
     * result is the typed response (an SdkPojo), or for a handler that {@link #streams} an
     * {@link dev.hangar.core.eventstream.EventStreamReply}.
     */
    CompletableFuture<Object> handle(RequestContext ctx, SdkPojo request);

    RunsOn.Pool pool();

    /** Whether the handler answers with an event stream (it returns an EventStreamReply, or a future of one). */
    default boolean streams() {
        return false;
    }
}
