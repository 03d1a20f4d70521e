package dev.hangar.core.http;

import java.util.concurrent.CompletableFuture;

/**
 * A plain HTTP endpoint outside the AWS protocols (the Lambda Runtime API, the ECS metadata endpoint). The future may
 * complete much later: a held long-poll costs no thread.
 */
@FunctionalInterface
public interface HttpHandler {
    CompletableFuture<AwsHttpResponse> handle(AwsHttpRequest request);
}
