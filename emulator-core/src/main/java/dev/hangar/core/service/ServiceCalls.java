package dev.hangar.core.service;

import dev.hangar.core.protocol.OperationModel;
import dev.hangar.core.protocol.RequestChecks;
import dev.hangar.core.state.Ids;
import dev.hangar.core.time.HangarClock;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The in-process client: one service calls another's API with the SDK's own request objects, through the same
 * handlers, checks and threading as an HTTP call, but without HTTP or a codec. For service-to-service calls that
 * are AWS API calls (Step Functions' lambda:invoke, ECS resolving a secret with GetSecretValue).
 */
public final class ServiceCalls {

    /** Who calls, and where: the account and region the call is made in. */
    public record Caller(String account, String region) {
    }

    private record Target(BoundService service, OperationModel operation) {
    }

    private final HangarClock clock;
    private final Executor workers;
    private volatile List<BoundService> services = List.of();
    private final Map<Class<?>, Target> byRequest = new ConcurrentHashMap<>();

    public ServiceCalls(HangarClock clock, Executor workers) {
        this.clock = clock;
        this.workers = workers;
    }

    /** Called once by the server, when every service is made. */
    public void bind(List<BoundService> bound) {
        this.services = List.copyOf(bound);
    }

    /**
     * Calls the operation that takes this request, on the service that serves it. The response type is the one the
     * SDK client's method returns for this request ({@code InvokeRequest → InvokeResponse}).
     *
     * @return the response, or failed with what the handler threw (AwsException or the SDK's modelled exception);
     *         with an AwsException "not implemented in Hangar" (501) when no wired service implements it
     */
    @SuppressWarnings("unchecked")
    public <T extends SdkResponse> CompletableFuture<T> call(Caller caller, SdkRequest request) {
        Target target;
        try {
            target = byRequest.computeIfAbsent(request.getClass(), this::find);
        } catch (AwsException e) {
            return CompletableFuture.failedFuture(e);
        }
        OperationHandler handler = target.service.handler(target.operation.name());
        if (handler == null) {
            return CompletableFuture.failedFuture(AwsErrors.notImplemented(target.service.name(),
                    target.operation.name()));
        }
        if (handler.streams()) {
            return CompletableFuture.failedFuture(new AwsException("UnsupportedOperationException", 501, false,
                    target.operation.name() + " answers with an event stream, which the in-process client does not "
                            + "take: call it over HTTP", Map.of()));
        }
        RequestContext ctx = new RequestContext(Ids.uuid(), caller.account(), caller.region(),
                target.service.name(), target.operation.name(), null, clock.now());
        if (handler.pool() == RunsOn.Pool.EVENT_LOOP) {
            return (CompletableFuture<T>) (CompletableFuture<?>) run(target, handler, ctx, request);
        }
        try {
            return (CompletableFuture<T>) (CompletableFuture<?>) CompletableFuture
                    .supplyAsync(() -> run(target, handler, ctx, request), workers).thenCompose(f -> f);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(new AwsException("ThrottlingException", 429, "Rate exceeded"));
        }
    }

    /** {@link #call}, waiting for the answer; rethrows the handler's exception as it was thrown. */
    public <T extends SdkResponse> T callAndWait(Caller caller, SdkRequest request) {
        try {
            return this.<T>call(caller, request).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    private static CompletableFuture<Object> run(Target target, OperationHandler handler, RequestContext ctx,
                                                 SdkRequest request) {
        try {
            RequestChecks.check(target.operation, request);
        } catch (AwsException invalid) {
            return CompletableFuture.failedFuture(invalid);
        }
        return handler.handle(ctx, request);
    }

    private Target find(Class<?> requestClass) {
        for (BoundService service : services) {
            Class<?> client = service.model().descriptor().sdkClient();
            if (client == null || !requestClass.getPackageName().equals(client.getPackageName() + ".model")) {
                continue; // another SDK's request: not worth loading this service's whole model to find out
            }
            OperationModel operation = service.model().operationFor(requestClass);
            if (operation != null) {
                return new Target(service, operation);
            }
        }
        throw new AwsException("UnknownOperationException", 501, false, "no service wired in Hangar takes "
                + requestClass.getSimpleName(), Map.of());
    }
}
