package dev.hangar.core.service;

import software.amazon.awssdk.core.SdkPojo;

import java.util.concurrent.CompletableFuture;

/** One operation's typed handler, bound once at start-up. */
public interface OperationHandler {

    /** Runs the handler; a synchronous handler's result comes back completed, its exception as a failed future. */
    CompletableFuture<SdkPojo> handle(RequestContext ctx, SdkPojo request);
}
