package dev.hangar.core.service;

import software.amazon.awssdk.core.SdkPojo;

import java.util.concurrent.CompletableFuture;

/** One operation's typed handler, bound on first use, with the pool its declaration says it runs on. */
public interface OperationHandler {

    /** Runs the handler; a synchronous handler's result comes back completed, its exception as a failed future. */
    CompletableFuture<SdkPojo> handle(RequestContext ctx, SdkPojo request);

    RunsOn.Pool pool();
}
