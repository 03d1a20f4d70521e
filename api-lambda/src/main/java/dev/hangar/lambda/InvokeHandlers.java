package dev.hangar.lambda;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.JsonToken;
import dev.hangar.core.resource.Validation;
import dev.hangar.core.service.AwsErrors;
import dev.hangar.core.service.RequestContext;
import dev.hangar.core.service.RunsOn;
import dev.hangar.core.state.AccountRegionStore;
import dev.hangar.lambda.domain.FunctionConfigurationState;
import dev.hangar.lambda.domain.LambdaFunction;
import dev.hangar.lambda.invoke.FunctionInvoker;
import dev.hangar.lambda.invoke.InvocationRequest;
import dev.hangar.lambda.invoke.InvocationResult;
import dev.hangar.lambda.invoke.RunnableFunction;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Invoke's control-plane half: find the version, check what AWS checks before running anything (payload size and
 * JSON, state), then hand over to the invoker and map its result onto InvokeResponse. On the event loop: the
 * invoker sends its slow work (code fingerprints, container launches) to the workers itself, and the hot path is
 * spared a thread hop.
 */
@RunsOn(RunsOn.Pool.EVENT_LOOP)
record InvokeHandlers(AccountRegionStore<LambdaRegion> regions, FunctionInvoker invoker) {

    private static final byte[] EMPTY_EVENT = "{}".getBytes(StandardCharsets.UTF_8);
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build();

    public CompletableFuture<InvokeResponse> invoke(RequestContext ctx, InvokeRequest r) {
        LambdaRegion region = regions.get(ctx);
        LambdaArns.FunctionRef ref = region.arns().ref(r.functionName(), r.qualifier());
        String type = r.invocationType() == null ? "RequestResponse" : r.invocationTypeAsString();
        checkEnums(type, r.logType() == null ? "None" : r.logTypeAsString());
        LambdaFunction function = region.find(ref.name());
        FunctionConfigurationState version = function == null ? null : function.version(ref.qualifierOrLatest());
        if (version == null) {
            throw LambdaErrors.functionNotFound(region.arns().function(ref.name(), ref.qualifierOrLatest()));
        }
        byte[] payload = r.payload() == null ? new byte[0] : r.payload().asByteArrayUnsafe();
        int limit = "Event".equals(type) ? LambdaLimits.ASYNC_PAYLOAD_BYTES : LambdaLimits.SYNC_PAYLOAD_BYTES;
        if (payload.length > limit) {
            throw LambdaErrors.requestEntityTooLarge(
                    "Request must be smaller than " + limit + " bytes for the InvokeFunction operation");
        }
        if (payload.length == 0) {
            payload = EMPTY_EVENT;
        } else {
            checkJson(payload);
        }
        if (!version.status().isInvocable()) {
            throw LambdaErrors.notInvocable(version.status().state().toString());
        }
        if ("DryRun".equals(type)) {
            return CompletableFuture.completedFuture(InvokeResponse.builder().statusCode(204).build());
        }
        RunnableFunction runnable = Runnables.of(region, function, version);
        InvocationRequest request = new InvocationRequest(ctx.requestId(), payload, r.clientContext(),
                "Tail".equals(r.logTypeAsString()));
        if ("Event".equals(type)) {
            invoker.enqueue(runnable, request);
            return CompletableFuture.completedFuture(InvokeResponse.builder().statusCode(202).build());
        }
        return invoker.invoke(runnable, request).thenApply(InvokeHandlers::response);
    }

    private static InvokeResponse response(InvocationResult result) {
        return InvokeResponse.builder()
                .statusCode(200)
                .functionError(result.functionError())
                .logResult(result.logTailBase64())
                .executedVersion(result.executedVersion())
                .payload(SdkBytes.fromByteArrayUnsafe(result.payload() == null ? new byte[0] : result.payload()))
                .build();
    }

    private static void checkEnums(String type, String logType) {
        new Validation<>(AwsErrors::validation)
                .oneOf(type, "invocationType", List.of("Event", "RequestResponse", "DryRun"))
                .oneOf(logType, "logType", List.of("None", "Tail"))
                .throwIfAny();
    }

    /** Any JSON value is an event, as long as it is one complete value. */
    private static void checkJson(byte[] payload) {
        try (JsonParser parser = JSON.createParser(payload)) {
            if (parser.nextToken() == null) {
                return;
            }
            parser.skipChildren();
            JsonToken trailing = parser.nextToken();
            if (trailing != null) {
                throw LambdaErrors.invalidJson("Unexpected trailing token " + trailing + " at "
                        + parser.currentLocation().offsetDescription());
            }
        } catch (JsonProcessingException e) {
            throw LambdaErrors.invalidJson(e.getMessage());
        } catch (IOException e) {
            throw AwsErrors.internal("could not read the payload: " + e.getMessage());
        }
    }
}
