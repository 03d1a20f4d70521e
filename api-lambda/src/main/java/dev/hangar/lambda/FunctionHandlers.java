package dev.hangar.lambda;

import dev.hangar.core.resource.Page;
import dev.hangar.core.resource.Validation;
import dev.hangar.core.service.AwsErrors;
import dev.hangar.core.service.RequestContext;
import dev.hangar.core.service.RunsOn;
import dev.hangar.core.state.AccountRegionStore;
import dev.hangar.lambda.domain.FunctionConfigurationState;
import dev.hangar.lambda.domain.LambdaFunction;
import software.amazon.awssdk.services.lambda.model.Concurrency;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.lambda.model.CreateFunctionResponse;
import software.amazon.awssdk.services.lambda.model.DeleteFunctionRequest;
import software.amazon.awssdk.services.lambda.model.DeleteFunctionResponse;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationRequest;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.GetFunctionRequest;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.ListFunctionsRequest;
import software.amazon.awssdk.services.lambda.model.ListFunctionsResponse;
import software.amazon.awssdk.services.lambda.model.ListVersionsByFunctionRequest;
import software.amazon.awssdk.services.lambda.model.ListVersionsByFunctionResponse;
import software.amazon.awssdk.services.lambda.model.PublishVersionRequest;
import software.amazon.awssdk.services.lambda.model.PublishVersionResponse;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionCodeRequest;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionCodeResponse;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionConfigurationRequest;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionConfigurationResponse;

import java.util.ArrayList;
import java.util.List;

/**
 * The function and version operations: create, read, list, update code and configuration, delete, publish, list
 * versions. The reads answer from memory on the event loop; the rest run on the workers (code goes to disk). The
 * changes themselves are {@link Functions}'.
 */
@RunsOn(RunsOn.Pool.WORKERS)
record FunctionHandlers(AccountRegionStore<LambdaRegion> regions, Functions functions) {

    public CreateFunctionResponse createFunction(RequestContext ctx, CreateFunctionRequest r) {
        return Shapes.configurationAs(functions.create(regions.get(ctx), r), CreateFunctionResponse.builder());
    }

    @RunsOn(RunsOn.Pool.EVENT_LOOP)
    public GetFunctionResponse getFunction(RequestContext ctx, GetFunctionRequest r) {
        LambdaRegion region = regions.get(ctx);
        LambdaArns.FunctionRef ref = region.arns().ref(r.functionName(), r.qualifier());
        LambdaFunction function = region.find(ref.name());
        FunctionConfigurationState version = Functions.version(region, function, ref);
        GetFunctionResponse.Builder out = GetFunctionResponse.builder()
                .configuration(version.toSdk(function.arn(), ref.qualified(), region.region()))
                .code(CodeLocations.of(ctx, region, function, version));
        if (!function.tags().isEmpty()) {
            out.tags(function.tags().asMap());
        }
        Integer reserved = function.reservedConcurrency();
        if (reserved != null) {
            out.concurrency(Concurrency.builder().reservedConcurrentExecutions(reserved).build());
        }
        return out.build();
    }

    @RunsOn(RunsOn.Pool.EVENT_LOOP)
    public GetFunctionConfigurationResponse getFunctionConfiguration(RequestContext ctx,
                                                                     GetFunctionConfigurationRequest r) {
        LambdaRegion region = regions.get(ctx);
        LambdaArns.FunctionRef ref = region.arns().ref(r.functionName(), r.qualifier());
        LambdaFunction function = region.find(ref.name());
        FunctionConfigurationState version = Functions.version(region, function, ref);
        return Shapes.configurationAs(version.toSdk(function.arn(), ref.qualified(), region.region()),
                GetFunctionConfigurationResponse.builder());
    }

    public ListFunctionsResponse listFunctions(RequestContext ctx, ListFunctionsRequest r) {
        LambdaRegion region = regions.get(ctx);
        new Validation<>(AwsErrors::validation).oneOf(r.functionVersionAsString(), "functionVersion", List.of("ALL"))
                .throwIfAny();
        int size = LambdaPages.size(r.maxItems());
        boolean all = r.functionVersion() != null;
        List<Listed> listed = new ArrayList<>();
        for (LambdaFunction f : region.all()) {
            for (FunctionConfigurationState v : all ? f.allVersions() : List.of(f.latest())) {
                listed.add(new Listed(LambdaPages.versionKey(f.name(), v.version()), f, v));
            }
        }
        Page<Listed> page = LambdaPages.PAGER.page(r, listed, Listed::key, size);
        return ListFunctionsResponse.builder()
                .functions(page.items().stream().map(l -> l.version.toSdkListed(l.function.arn(), all,
                        region.region())).toList())
                .nextMarker(page.nextToken()).build();
    }

    /** A function's version with the key ListFunctions pages by: functions by name, $LATEST first, then by number. */
    private record Listed(String key, LambdaFunction function, FunctionConfigurationState version) {
    }

    public UpdateFunctionCodeResponse updateFunctionCode(RequestContext ctx, UpdateFunctionCodeRequest r) {
        return Shapes.configurationAs(functions.updateCode(regions.get(ctx), r), UpdateFunctionCodeResponse.builder());
    }

    public UpdateFunctionConfigurationResponse updateFunctionConfiguration(RequestContext ctx,
                                                                           UpdateFunctionConfigurationRequest r) {
        return Shapes.configurationAs(functions.updateConfiguration(regions.get(ctx), r),
                UpdateFunctionConfigurationResponse.builder());
    }

    public DeleteFunctionResponse deleteFunction(RequestContext ctx, DeleteFunctionRequest r) {
        LambdaRegion region = regions.get(ctx);
        functions.delete(region, region.arns().ref(r.functionName(), r.qualifier()));
        return DeleteFunctionResponse.builder().build();
    }

    public PublishVersionResponse publishVersion(RequestContext ctx, PublishVersionRequest r) {
        return Shapes.configurationAs(functions.publish(regions.get(ctx), r), PublishVersionResponse.builder());
    }

    public ListVersionsByFunctionResponse listVersionsByFunction(RequestContext ctx, ListVersionsByFunctionRequest r) {
        LambdaRegion region = regions.get(ctx);
        LambdaFunction function = region.require(region.arns().ref(r.functionName(), null).name());
        int size = LambdaPages.size(r.maxItems());
        Page<FunctionConfigurationState> page = LambdaPages.PAGER.page(r, function.allVersions(),
                v -> LambdaPages.versionKey(function.name(), v.version()), size);
        return ListVersionsByFunctionResponse.builder()
                .versions(page.items().stream().map(v -> v.toSdkListed(function.arn(), true, region.region())).toList())
                .nextMarker(page.nextToken()).build();
    }
}
