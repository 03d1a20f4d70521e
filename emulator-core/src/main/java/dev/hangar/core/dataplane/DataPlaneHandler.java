package dev.hangar.core.dataplane;

import dev.hangar.core.http.AwsHttpResponse;

import java.util.concurrent.CompletableFuture;

/**
 * An endpoint that is not an AWS API call: an API Gateway invoke URL, a function URL, a load balancer listener, the
 * ECS metadata endpoint. Runs on the event loop that read the request: it must not block, and hands slow work to an
 * executor; the future may complete much later (a held long-poll costs no thread).
 */
@FunctionalInterface
public interface DataPlaneHandler {
    CompletableFuture<AwsHttpResponse> handle(DataPlaneRequest request);
}
