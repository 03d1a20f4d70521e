package dev.hangar.core.port;

import java.util.concurrent.CompletableFuture;

/**
 * Runs a Lambda function for another service (API Gateway integrations, function URLs, Step Functions tasks,
 * EventBridge targets, load balancer targets), exactly as Invoke would: same concurrency, throttling, logs.
 */
public interface FunctionInvocationPort {

    /**
     * @param function  a function name or ARN, optionally with its qualifier (":alias", ":3")
     * @param qualifier a version or alias, or null
     * @param async     true for an Event invocation: queued, answered 202 at once
     */
    record Call(String account, String region, String function, String qualifier, byte[] payload, boolean async) {
    }

    /**
     * @param statusCode      Invoke's StatusCode: 200, or 202 for an Event invocation
     * @param functionError   "Unhandled" (or the runtime's error type) when the function failed, else null
     * @param executedVersion the version that ran
     */
    record Result(int statusCode, byte[] payload, String functionError, String executedVersion) {
    }

    /**
     * @return the result; failed with the Lambda service's own exception (ResourceNotFoundException,
     *         TooManyRequestsException …) when Invoke would answer an error
     */
    CompletableFuture<Result> invoke(Call call);
}
