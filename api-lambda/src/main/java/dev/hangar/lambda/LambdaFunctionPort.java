package dev.hangar.lambda;

import dev.hangar.core.port.FunctionInvocationPort;
import dev.hangar.core.service.ServiceCalls;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

import java.util.concurrent.CompletableFuture;

/**
 * Lambda's side of {@link FunctionInvocationPort}: another service's invocation is an Invoke call through the
 * in-process client, so it gets exactly Invoke's checks, throttling, concurrency and logs.
 */
final class LambdaFunctionPort implements FunctionInvocationPort {

    private final ServiceCalls calls;

    LambdaFunctionPort(ServiceCalls calls) {
        this.calls = calls;
    }

    @Override
    public CompletableFuture<Result> invoke(Call call) {
        InvokeRequest request = InvokeRequest.builder()
                .functionName(call.function())
                .qualifier(call.qualifier())
                .invocationType(call.async() ? InvocationType.EVENT : InvocationType.REQUEST_RESPONSE)
                .payload(SdkBytes.fromByteArrayUnsafe(call.payload() == null ? new byte[0] : call.payload()))
                .build();
        CompletableFuture<InvokeResponse> answer =
                calls.call(new ServiceCalls.Caller(call.account(), call.region()), request);
        return answer.thenApply(r -> new Result(r.statusCode(),
                r.payload() == null ? new byte[0] : r.payload().asByteArrayUnsafe(), r.functionError(),
                r.executedVersion()));
    }
}
