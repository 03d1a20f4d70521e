package dev.hangar.core.http;

import dev.hangar.core.admin.AdminHandler;
import dev.hangar.core.dataplane.DataPlaneRequest;
import dev.hangar.core.dataplane.DataPlaneRouter;
import dev.hangar.core.eventstream.EventStreamMessages;
import dev.hangar.core.eventstream.EventStreamReply;
import dev.hangar.core.eventstream.EventStreamWriter;
import dev.hangar.core.port.Accounts;
import dev.hangar.core.protocol.OperationMatch;
import dev.hangar.core.protocol.ProtocolCodec;
import dev.hangar.core.routing.CredentialScope;
import dev.hangar.core.routing.ServiceResolver;
import dev.hangar.core.service.AwsErrors;
import dev.hangar.core.service.AwsException;
import dev.hangar.core.service.BoundService;
import dev.hangar.core.service.OperationHandler;
import dev.hangar.core.service.Protocol;
import dev.hangar.core.service.RequestContext;
import dev.hangar.core.service.RunsOn;
import dev.hangar.core.state.Ids;
import dev.hangar.core.time.HangarClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkPojo;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * From one HTTP request to one HTTP response: admin or service, then operation, typed request, handler, typed
 * response — every failure on the way rendered in the service's own error shape.
 */
public final class RequestPipeline {

    public static final String REQUEST_ID_HEADER = "x-amzn-RequestId";
    private static final Logger log = LoggerFactory.getLogger(RequestPipeline.class);

    private final ServiceResolver<BoundService> resolver;
    private final AdminHandler admin;
    private final DataPlaneRouter dataPlane;
    private final Executor workers;
    private final Accounts accounts;
    private final String defaultRegion;
    private final HangarClock clock;

    public RequestPipeline(ServiceResolver<BoundService> resolver, AdminHandler admin, DataPlaneRouter dataPlane,
                           Executor workers, Accounts accounts, String defaultRegion, HangarClock clock) {
        this.resolver = resolver;
        this.admin = admin;
        this.dataPlane = dataPlane;
        this.workers = workers;
        this.accounts = accounts;
        this.defaultRegion = defaultRegion;
        this.clock = clock;
    }

    public CompletableFuture<AwsHttpResponse> handle(AwsHttpRequest request) {
        if (request.path().startsWith(AdminHandler.PREFIX) || request.path().equals("/_hangar")
                || AdminHandler.isConsoleRoot(request)) {
            return admin.handle(request);
        }
        DataPlaneRequest endpoint = dataPlane.find(request);
        if (endpoint != null) {
            return endpoint.route().handler().handle(endpoint);
        }
        String requestId = Ids.uuid();
        CredentialScope scope = CredentialScope.of(request);
        BoundService service = resolver.resolve(request, scope);
        if (service == null) {
            return CompletableFuture.completedFuture(
                    UnknownServiceResponse.of(request, scope).withHeader(REQUEST_ID_HEADER, requestId));
        }
        ProtocolCodec codec = service.codecFor(request);
        OperationMatch match;
        OperationHandler handler;
        try {
            match = codec.resolve(service.model(), request);
            handler = service.handler(match.operation().name());
        } catch (Throwable unresolved) {
            // answered in the service's error shape by serve, which meets the same failure again: no handler runs
            return serve(service, codec, request, scope, requestId, null, null);
        }
        if (handler == null || handler.pool() == RunsOn.Pool.EVENT_LOOP) {
            return serve(service, codec, request, scope, requestId, match, handler);
        }
        try {
            return CompletableFuture.supplyAsync(() -> serve(service, codec, request, scope, requestId, match, handler), workers)
                    .thenCompose(f -> f);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.completedFuture(codec.writeError(service.model(),
                    new AwsException("ThrottlingException", 429, "Rate exceeded"), requestId)
                    .withHeader(REQUEST_ID_HEADER, requestId));
        }
    }

    private CompletableFuture<AwsHttpResponse> serve(BoundService service, ProtocolCodec codec, AwsHttpRequest request,
                                                     CredentialScope scope, String requestId,
                                                     OperationMatch resolved, OperationHandler bound) {
        long started = System.nanoTime();
        String operationName = "?";
        try {
            OperationMatch match = resolved != null ? resolved : codec.resolve(service.model(), request);
            operationName = match.operation().name();
            OperationHandler handler = bound != null ? bound : service.handler(operationName);
            if (handler == null) {
                throw AwsErrors.notImplemented(service.name(), operationName);
            }
            SdkPojo input = codec.readRequest(match, request);
            RequestContext ctx = new RequestContext(requestId, account(scope), region(scope), service.name(),
                    operationName, request, clock.now());
            String op = operationName;
            CompletableFuture<Object> result = handler.handle(ctx, input);
            if (result.isDone()) {
                // the common case (in-memory handlers answer at once): no dependent stages to allocate
                Object output = null;
                Throwable failure = null;
                try {
                    output = result.join();
                } catch (Throwable error) {
                    failure = error;
                }
                AwsHttpResponse response;
                try {
                    response = write(service, codec, match, requestId, output, failure);
                } catch (Throwable writeFailure) {
                    // as the asynchronous path: a failing codec fails the future, not the service's error shape
                    return CompletableFuture.failedFuture(writeFailure);
                }
                return CompletableFuture.completedFuture(finish(service, op, requestId, started, response));
            }
            return result
                    .handle((output, error) -> write(service, codec, match, requestId, output, error))
                    .thenApply(response -> finish(service, op, requestId, started, response));
        } catch (Throwable error) {
            AwsHttpResponse response = codec.writeError(service.model(), error, requestId);
            return CompletableFuture.completedFuture(finish(service, operationName, requestId, started, response));
        }
    }

    /** The handler's answer, or its failure in the service's error shape. */
    private static AwsHttpResponse write(BoundService service, ProtocolCodec codec, OperationMatch match,
                                         String requestId, Object output, Throwable error) {
        if (error != null) {
            return codec.writeError(service.model(), unwrap(error), requestId);
        }
        if (output instanceof EventStreamReply<?> reply) {
            return eventStream(service, codec, match, requestId, reply);
        }
        return codec.writeResponse(match.operation(), (SdkPojo) output, requestId);
    }

    /**
     * An event stream answer: the response written as always gives the head (status, header members); the body is
     * the event stream. awsJson has no head members to speak of: its response body is the stream's first event,
     * {@code initial-response}, as the SDK's RPC clients read it. Exceptions are written in the service's error shape.
     */
    private static AwsHttpResponse eventStream(BoundService service, ProtocolCodec codec, OperationMatch match,
                                               String requestId, EventStreamReply<?> reply) {
        AwsHttpResponse head = codec.writeResponse(match.operation(), reply.response(), requestId);
        boolean initialResponseEvent = codec.protocol() != Protocol.REST_JSON_1;
        String bodyType = head.headers().get("Content-Type");
        Map<String, String> headers = new LinkedHashMap<>(head.headers());
        headers.put("Content-Type", EventStreamMessages.CONTENT_TYPE);
        ResponseStream producer = out -> {
            EventStreamWriter events = new EventStreamWriter(out,
                    error -> codec.writeError(service.model(), unwrap(error), requestId));
            if (initialResponseEvent) {
                events.event("initial-response", bodyType, head.body());
            }
            reply.producer().start(events);
        };
        return new AwsHttpResponse(head.status(), headers, new byte[0], new StreamedBody(-1, producer));
    }

    private static AwsHttpResponse finish(BoundService service, String operation, String requestId, long started,
                                          AwsHttpResponse response) {
        if (response.status() >= 500) {
            log.warn("{} {} -> {} ({})", service.name(), operation, response.status(), requestId);
        } else if (log.isDebugEnabled()) {
            log.debug("{} {} -> {} in {} us ({})", service.name(), operation, response.status(),
                    (System.nanoTime() - started) / 1000, requestId);
        }
        return response.withHeader(REQUEST_ID_HEADER, requestId);
    }

    private static Throwable unwrap(Throwable error) {
        while (error instanceof CompletionException && error.getCause() != null) {
            error = error.getCause();
        }
        return error;
    }

    private String account(CredentialScope scope) {
        return accounts.accountOf(scope == null ? null : scope.accessKeyId());
    }

    private String region(CredentialScope scope) {
        return scope == null || scope.region().isEmpty() ? defaultRegion : scope.region();
    }
}
