package dev.hangar.lambda;

import dev.hangar.core.resource.Constraints;
import dev.hangar.core.resource.Page;
import dev.hangar.core.resource.TagRequest;
import dev.hangar.core.resource.Validation;
import dev.hangar.core.service.AwsErrors;
import dev.hangar.core.service.AwsService;
import dev.hangar.core.service.Protocol;
import dev.hangar.core.dataplane.DataPlaneRoute;
import dev.hangar.core.port.FunctionInvocationPort;
import dev.hangar.core.service.RequestContext;
import dev.hangar.core.service.RunsOn;
import dev.hangar.core.service.ServiceContext;
import dev.hangar.core.service.ServiceDescriptor;
import dev.hangar.core.state.AccountRegionStore;
import dev.hangar.core.time.HangarClock;
import dev.hangar.lambda.code.CodeJanitor;
import dev.hangar.lambda.code.ZipCodeStore;
import dev.hangar.lambda.domain.FunctionConfigurationState;
import dev.hangar.lambda.domain.LambdaFunction;
import dev.hangar.lambda.domain.ResourcePolicy;
import dev.hangar.lambda.invoke.FunctionInvoker;
import dev.hangar.lambda.invoke.InvokeConfig;
import dev.hangar.lambda.invoke.Invoker;
import dev.hangar.runtime.ContainerRuntime;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * AWS Lambda's control plane: functions, versions, code, configuration, tags, resource policies, reserved
 * concurrency and account settings; Invoke checks and hands over to the invocation side ({@link FunctionInvoker}).
 * Handlers run on the worker pool (they may write code to disk); state transitions run in the background. Invoke
 * only hands the call to the invocation side (code fingerprints and container launches go to the workers there),
 * and the function reads answer from memory: those run on the event loop, sparing the hot path a thread hop.
 */
@RunsOn(RunsOn.Pool.WORKERS)
public final class LambdaService implements AwsService {

    private final AccountRegionStore<LambdaRegion> regions = new AccountRegionStore<>(LambdaRegion::new);
    private final FunctionInvoker invoker;
    private final ZipCodeStore codeStore;
    private final Functions functions;
    private final Invocations invocations;
    private final int accountConcurrencyLimit;
    private final CodeDownloads codeDownloads;

    /**
     * As Hangar makes it: the invocation side on the container runtime of the ports, its settings from the
     * environment (docs/configuration.md), code kept under the data directory and served for GetFunction's
     * Code.Location on the data plane. A {@link FunctionInvoker} the wiring provides as a port stands in for the
     * invocation side (tests of the control plane record what it hands over).
     */
    public LambdaService(ServiceContext ctx) {
        this(ctx.ports().find(FunctionInvoker.class).orElseGet(() -> Invoker.create(ctx)), ctx.workers(),
                ctx.engine(), ctx.dataDirectory(),
                InvokeConfig.fromEnvironment(ctx.environment()).accountConcurrency(),
                ctx.ports().require(ContainerRuntime.class), ctx.clock());
        ctx.dataPlane().add(DataPlaneRoute.onPath("Lambda code downloads", CodeDownloads.PREFIX,
                request -> codeDownloads.handle(request.http())));
        ctx.ports().provide(FunctionInvocationPort.class, new LambdaFunctionPort(ctx.calls()));
    }

    private LambdaService(FunctionInvoker invoker, ExecutorService workers, ExecutorService engine,
                          Path dataDirectory, int accountConcurrencyLimit, ContainerRuntime runtime,
                          HangarClock clock) {
        this.invoker = invoker;
        this.codeStore = new ZipCodeStore(dataDirectory);
        this.functions = new Functions(new CodeSource(codeStore), new FunctionLifecycle(engine, runtime), invoker,
                new CodeJanitor(codeStore), clock);
        this.invocations = new Invocations(invoker);
        this.accountConcurrencyLimit = accountConcurrencyLimit;
        this.codeDownloads = new CodeDownloads(codeStore.functionsRoot(), workers);
    }

    /** The plain HTTP route serving GetFunction's Code.Location; wire it at {@link CodeDownloads#PREFIX}. */
    public CodeDownloads codeDownloads() {
        return codeDownloads;
    }

    @Override
    public ServiceDescriptor descriptor() {
        return ServiceDescriptor.builder("lambda").protocols(Protocol.REST_JSON_1).sdkClient(LambdaClient.class)
                .facts(LambdaFacts.FACTS)
                .pathPrefixes("/2015-03-31/", "/2016-08-19/", "/2017-03-31/", "/2017-10-31/", "/2018-10-31/",
                        "/2019-09-25/", "/2019-09-30/", "/2020-04-22/", "/2020-06-30/", "/2021-07-20/",
                        "/2021-10-31/", "/2021-11-15/", "/2024-08-31/", "/2025-11-30/", "/2025-12-01/", "/2026-07-09/")
                .requestErrors(LambdaErrors::unreadableBody).faultTypeMember("Type").build();
    }

    @Override
    public void close() {
        invoker.reset();
    }

    @Override
    public void reset() {
        regions.clear();
        invoker.reset();
        codeStore.deleteAll();
    }

    private LambdaRegion region(RequestContext ctx) {
        return regions.get(ctx);
    }

    // ---- functions ----

    public CreateFunctionResponse createFunction(RequestContext ctx, CreateFunctionRequest r) {
        return Shapes.configurationAs(functions.create(region(ctx), r), CreateFunctionResponse.builder());
    }

    @RunsOn(RunsOn.Pool.EVENT_LOOP)
    public GetFunctionResponse getFunction(RequestContext ctx, GetFunctionRequest r) {
        LambdaRegion region = region(ctx);
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
        LambdaRegion region = region(ctx);
        LambdaArns.FunctionRef ref = region.arns().ref(r.functionName(), r.qualifier());
        LambdaFunction function = region.find(ref.name());
        FunctionConfigurationState version = Functions.version(region, function, ref);
        return Shapes.configurationAs(version.toSdk(function.arn(), ref.qualified(), region.region()),
                GetFunctionConfigurationResponse.builder());
    }

    public ListFunctionsResponse listFunctions(RequestContext ctx, ListFunctionsRequest r) {
        LambdaRegion region = region(ctx);
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
        return Shapes.configurationAs(functions.updateCode(region(ctx), r), UpdateFunctionCodeResponse.builder());
    }

    public UpdateFunctionConfigurationResponse updateFunctionConfiguration(RequestContext ctx,
                                                                           UpdateFunctionConfigurationRequest r) {
        return Shapes.configurationAs(functions.updateConfiguration(region(ctx), r),
                UpdateFunctionConfigurationResponse.builder());
    }

    public DeleteFunctionResponse deleteFunction(RequestContext ctx, DeleteFunctionRequest r) {
        LambdaRegion region = region(ctx);
        functions.delete(region, region.arns().ref(r.functionName(), r.qualifier()));
        return DeleteFunctionResponse.builder().build();
    }

    // ---- versions ----

    public PublishVersionResponse publishVersion(RequestContext ctx, PublishVersionRequest r) {
        return Shapes.configurationAs(functions.publish(region(ctx), r), PublishVersionResponse.builder());
    }

    public ListVersionsByFunctionResponse listVersionsByFunction(RequestContext ctx, ListVersionsByFunctionRequest r) {
        LambdaRegion region = region(ctx);
        LambdaFunction function = region.require(region.arns().ref(r.functionName(), null).name());
        int size = LambdaPages.size(r.maxItems());
        Page<FunctionConfigurationState> page = LambdaPages.PAGER.page(r, function.allVersions(),
                v -> LambdaPages.versionKey(function.name(), v.version()), size);
        return ListVersionsByFunctionResponse.builder()
                .versions(page.items().stream().map(v -> v.toSdkListed(function.arn(), true, region.region())).toList())
                .nextMarker(page.nextToken()).build();
    }

    // ---- invocation ----

    @RunsOn(RunsOn.Pool.EVENT_LOOP)
    public CompletableFuture<InvokeResponse> invoke(RequestContext ctx, InvokeRequest r) {
        return invocations.invoke(ctx, region(ctx), r);
    }

    // ---- tags ----

    public TagResourceResponse tagResource(RequestContext ctx, TagResourceRequest r) {
        LambdaFunction function = taggable(region(ctx), r.resource());
        if (!r.hasTags() || r.tags().isEmpty()) {
            throw LambdaErrors.invalidParameter("An error occurred and the request cannot be processed.");
        }
        function.tags().add(TagRequest.of(r.tags()), LambdaTagging.ERRORS);
        return TagResourceResponse.builder().build();
    }

    public UntagResourceResponse untagResource(RequestContext ctx, UntagResourceRequest r) {
        LambdaFunction function = taggable(region(ctx), r.resource());
        if (!r.hasTagKeys() || r.tagKeys().isEmpty()) {
            throw AwsErrors.missingMember("TagKeys");
        }
        function.tags().remove(r.tagKeys());
        return UntagResourceResponse.builder().build();
    }

    public ListTagsResponse listTags(RequestContext ctx, ListTagsRequest r) {
        return ListTagsResponse.builder().tags(taggable(region(ctx), r.resource()).tags().asMap()).build();
    }

    private static LambdaFunction taggable(LambdaRegion region, String resource) {
        LambdaArns.FunctionRef ref = region.arns().resource(resource);
        if (ref.qualified()) {
            throw LambdaErrors.invalidParameter("Tagging operations are permitted on Lambda functions only. Tags on "
                    + "aliases and versions are not supported. Please specify either a function name or a function ARN.");
        }
        return region.require(ref.name());
    }

    // ---- resource policy ----

    public AddPermissionResponse addPermission(RequestContext ctx, AddPermissionRequest r) {
        LambdaRegion region = region(ctx);
        LambdaArns.FunctionRef ref = region.arns().ref(r.functionName(), r.qualifier());
        Policies.validate(r);
        if (LambdaArns.LATEST.equals(ref.qualifier())) {
            throw LambdaErrors.invalidParameter("We currently do not support adding policies for $LATEST.");
        }
        LambdaFunction function = region.find(ref.name());
        FunctionConfigurationState version = Functions.version(region, function, ref);
        if (r.revisionId() != null && !r.revisionId().equals(version.revisionId())) {
            throw LambdaErrors.revisionMismatch();
        }
        Map<String, Object> statement = Policies.statement(r, region.arns().function(ref.name(), ref.qualifier()));
        if (!function.policy(ref.qualifierOrLatest(), true).add(statement)) {
            throw LambdaErrors.conflict("The statement id (" + r.statementId() + ") provided already exists. Please "
                    + "provide a new statement id, or remove the existing statement.");
        }
        return AddPermissionResponse.builder().statement(Policies.json(statement)).build();
    }

    public RemovePermissionResponse removePermission(RequestContext ctx, RemovePermissionRequest r) {
        LambdaRegion region = region(ctx);
        LambdaArns.FunctionRef ref = region.arns().ref(r.functionName(), r.qualifier());
        LambdaFunction function = region.find(ref.name());
        if (function == null) {
            throw LambdaErrors.resourceNotFound("No policy found for: " + region.arns().function(ref.name()));
        }
        FunctionConfigurationState version = Functions.version(region, function, ref);
        ResourcePolicy policy = function.policy(ref.qualifierOrLatest(), false);
        if (policy == null) {
            throw LambdaErrors.resourceNotFound("No policy is associated with the given resource.");
        }
        if (!policy.has(r.statementId())) {
            throw LambdaErrors.resourceNotFound("Statement " + r.statementId() + " is not found in resource policy.");
        }
        if (r.revisionId() != null && !r.revisionId().equals(version.revisionId())) {
            throw LambdaErrors.revisionMismatch();
        }
        policy.remove(r.statementId());
        function.dropPolicyIfEmpty(ref.qualifierOrLatest());
        return RemovePermissionResponse.builder().build();
    }

    public GetPolicyResponse getPolicy(RequestContext ctx, GetPolicyRequest r) {
        LambdaRegion region = region(ctx);
        LambdaArns.FunctionRef ref = region.arns().ref(r.functionName(), r.qualifier());
        LambdaFunction function = region.find(ref.name());
        FunctionConfigurationState version = Functions.version(region, function, ref);
        ResourcePolicy policy = function.policy(ref.qualifierOrLatest(), false);
        if (policy == null || policy.isEmpty()) {
            throw LambdaErrors.resourceNotFound("The resource you requested does not exist.");
        }
        return GetPolicyResponse.builder().policy(Policies.document(policy)).revisionId(version.revisionId()).build();
    }

    // ---- concurrency and account ----

    public PutFunctionConcurrencyResponse putFunctionConcurrency(RequestContext ctx, PutFunctionConcurrencyRequest r) {
        LambdaRegion region = region(ctx);
        Integer reserved = r.reservedConcurrentExecutions();
        if (reserved == null) {
            throw AwsErrors.missingMember("ReservedConcurrentExecutions");
        }
        if (reserved < 0) {
            throw new Validation<>(AwsErrors::validation)
                    .fail(reserved, "reservedConcurrentExecutions", Constraints.minValue(0)).error();
        }
        LambdaArns.FunctionRef ref = region.arns().ref(r.functionName(), null);
        if (ref.qualified()) {
            throw LambdaErrors.invalidParameter("This operation is permitted on Lambda functions only. Aliases and "
                    + "versions do not support this operation. Please specify either a function name or an "
                    + "unqualified function ARN.");
        }
        LambdaFunction function = region.require(ref.name());
        synchronized (region) {
            int unreservedAfter = accountConcurrencyLimit - region.reservedConcurrencyExcept(ref.name()) - reserved;
            if (unreservedAfter < LambdaLimits.MIN_UNRESERVED_CONCURRENCY) {
                throw LambdaErrors.invalidParameter("Specified ReservedConcurrentExecutions for function decreases "
                        + "account's UnreservedConcurrentExecution below its minimum value of ["
                        + LambdaLimits.MIN_UNRESERVED_CONCURRENCY + "].");
            }
            function.reservedConcurrency(reserved);
        }
        functions.retireAll(function);
        return PutFunctionConcurrencyResponse.builder().reservedConcurrentExecutions(reserved).build();
    }

    public GetFunctionConcurrencyResponse getFunctionConcurrency(RequestContext ctx, GetFunctionConcurrencyRequest r) {
        LambdaRegion region = region(ctx);
        LambdaFunction function = region.require(region.arns().ref(r.functionName(), null).name());
        return GetFunctionConcurrencyResponse.builder()
                .reservedConcurrentExecutions(function.reservedConcurrency()).build();
    }

    public DeleteFunctionConcurrencyResponse deleteFunctionConcurrency(RequestContext ctx,
                                                                       DeleteFunctionConcurrencyRequest r) {
        LambdaRegion region = region(ctx);
        LambdaFunction function = region.require(region.arns().ref(r.functionName(), null).name());
        function.reservedConcurrency(null);
        functions.retireAll(function);
        return DeleteFunctionConcurrencyResponse.builder().build();
    }

    public GetAccountSettingsResponse getAccountSettings(RequestContext ctx, GetAccountSettingsRequest r) {
        LambdaRegion region = region(ctx);
        return GetAccountSettingsResponse.builder()
                .accountLimit(AccountLimit.builder()
                        .totalCodeSize(LambdaLimits.TOTAL_CODE_SIZE)
                        .codeSizeUnzipped(LambdaLimits.CODE_SIZE_UNZIPPED)
                        .codeSizeZipped(LambdaLimits.CODE_SIZE_ZIPPED)
                        .concurrentExecutions(accountConcurrencyLimit)
                        .unreservedConcurrentExecutions(accountConcurrencyLimit - region.reservedConcurrencyExcept(null))
                        .build())
                .accountUsage(AccountUsage.builder()
                        .totalCodeSize(region.totalCodeSize())
                        .functionCount((long) region.all().size())
                        .build())
                .build();
    }
}
