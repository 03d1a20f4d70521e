package dev.hangar.lambda;

import dev.hangar.core.admin.ConsoleView;
import dev.hangar.core.dataplane.DataPlaneRoute;
import dev.hangar.core.port.FunctionInvocationPort;
import dev.hangar.core.service.AwsService;
import dev.hangar.core.service.Protocol;
import dev.hangar.core.service.ServiceContext;
import dev.hangar.core.service.ServiceDescriptor;
import dev.hangar.core.state.AccountRegionStore;
import dev.hangar.core.time.HangarClock;
import dev.hangar.lambda.code.CodeJanitor;
import dev.hangar.lambda.code.ZipCodeStore;
import dev.hangar.lambda.invoke.FunctionInvoker;
import dev.hangar.lambda.invoke.InvokeConfig;
import dev.hangar.lambda.invoke.Invoker;
import dev.hangar.runtime.ContainerRuntime;
import software.amazon.awssdk.services.lambda.LambdaClient;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * AWS Lambda's control plane: functions, versions, code, configuration, tags, resource policies, reserved
 * concurrency and account settings, handled by one object per resource ({@link FunctionHandlers},
 * {@link InvokeHandlers}, {@link PolicyHandlers}, {@link TagHandlers}, {@link ConcurrencyHandlers}); Invoke checks
 * and hands over to the invocation side ({@link FunctionInvoker}). State transitions run in the background.
 */
public final class LambdaService implements AwsService {

    private final AccountRegionStore<LambdaRegion> regions = new AccountRegionStore<>(LambdaRegion::new);
    private final FunctionInvoker invoker;
    private final ZipCodeStore codeStore;
    private final CodeDownloads codeDownloads;
    private final List<Object> handlers;

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
        Functions functions = new Functions(new CodeSource(codeStore), new FunctionLifecycle(engine, runtime), invoker,
                new CodeJanitor(codeStore), clock);
        this.codeDownloads = new CodeDownloads(codeStore.functionsRoot(), workers);
        this.handlers = List.of(new FunctionHandlers(regions, functions), new InvokeHandlers(regions, invoker),
                new PolicyHandlers(regions), new TagHandlers(regions),
                new ConcurrencyHandlers(regions, functions, accountConcurrencyLimit));
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
    public List<Object> handlers() {
        return handlers;
    }

    @Override
    public void close() {
        invoker.reset();
    }

    @Override
    public ConsoleView consoleView() {
        return new LambdaConsoleView(regions, invoker);
    }

    @Override
    public void reset() {
        regions.clear();
        invoker.reset();
        codeStore.deleteAll();
    }

}
