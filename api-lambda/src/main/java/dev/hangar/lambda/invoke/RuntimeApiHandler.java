package dev.hangar.lambda.invoke;

import dev.hangar.core.http.AwsHttpRequest;
import dev.hangar.core.http.AwsHttpResponse;
import dev.hangar.core.http.HttpHandler;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * The Lambda Runtime API (version 2018-06-01) of one execution environment, on that environment's own listener:
 * the runtime inside the container reaches it at AWS_LAMBDA_RUNTIME_API. Routes and answers only; the environment
 * decides.
 */
final class RuntimeApiHandler implements HttpHandler {

    static final String PREFIX = "/2018-06-01/runtime/";
    private static final String INVOCATION = "invocation/";

    private final RuntimeApi environment;

    RuntimeApiHandler(RuntimeApi environment) {
        this.environment = environment;
    }

    /** What an execution environment answers to its runtime. */
    interface RuntimeApi {
        /** The long-poll: completes when there is work for the runtime. */
        CompletableFuture<AwsHttpResponse> next();

        AwsHttpResponse response(String requestId, byte[] body);

        AwsHttpResponse error(String requestId, byte[] body, String errorType);

        AwsHttpResponse initError(byte[] body, String errorType);
    }

    @Override
    public CompletableFuture<AwsHttpResponse> handle(AwsHttpRequest request) {
        String path = request.path();
        if (!path.startsWith(PREFIX)) {
            return CompletableFuture.completedFuture(notFound(path));
        }
        String rest = path.substring(PREFIX.length());
        String method = request.method();
        String errorType = request.header("lambda-runtime-function-error-type");
        if (rest.equals(INVOCATION + "next")) {
            return method.equals("GET") ? environment.next() : done(methodNotAllowed());
        }
        if (rest.equals("init/error")) {
            return method.equals("POST") ? done(environment.initError(request.body(), errorType)) : done(methodNotAllowed());
        }
        if (rest.startsWith(INVOCATION)) {
            String tail = rest.substring(INVOCATION.length());
            int slash = tail.lastIndexOf('/');
            if (slash > 0 && method.equals("POST")) {
                String id = URLDecoder.decode(tail.substring(0, slash), StandardCharsets.UTF_8);
                String action = tail.substring(slash + 1);
                if (action.equals("response")) {
                    return done(environment.response(id, request.body()));
                }
                if (action.equals("error")) {
                    return done(environment.error(id, request.body(), errorType));
                }
            }
        }
        return done(notFound(path));
    }

    static AwsHttpResponse accepted() {
        return AwsHttpResponse.json(202, "{\"status\":\"OK\"}");
    }

    static AwsHttpResponse invalidRequestId() {
        return error(400, "InvalidRequestID", "Invalid request ID");
    }

    static AwsHttpResponse invalidStateTransition(String detail) {
        return error(403, "InvalidStateTransition", detail);
    }

    static AwsHttpResponse payloadTooLarge() {
        return error(413, "RequestEntityTooLarge",
                "Exceeded maximum allowed payload size (" + ErrorPayloads.MAX_RESPONSE_BYTES + " bytes).");
    }

    static AwsHttpResponse environmentGone() {
        return error(410, "EnvironmentStopped", "This execution environment has been stopped");
    }

    private static AwsHttpResponse notFound(String path) {
        return error(404, "NotFound", "No Runtime API resource at " + path);
    }

    private static AwsHttpResponse methodNotAllowed() {
        return error(405, "MethodNotAllowed", "Method not allowed");
    }

    private static AwsHttpResponse error(int status, String type, String message) {
        return new AwsHttpResponse(status, java.util.Map.of("Content-Type", "application/json"),
                ErrorPayloads.json("errorMessage", message, "errorType", type));
    }

    private static CompletableFuture<AwsHttpResponse> done(AwsHttpResponse response) {
        return CompletableFuture.completedFuture(response);
    }
}
