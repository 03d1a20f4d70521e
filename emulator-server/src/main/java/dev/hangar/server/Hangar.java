package dev.hangar.server;

import dev.hangar.core.http.HangarServer;
import dev.hangar.core.http.WorkerPool;
import dev.hangar.ecs.EcsService;
import dev.hangar.lambda.CodeDownloads;
import dev.hangar.lambda.LambdaService;
import dev.hangar.lambda.invoke.InvokeConfig;
import dev.hangar.lambda.invoke.Invoker;
import dev.hangar.logs.LogsService;
import dev.hangar.runtime.ContainerRuntime;
import dev.hangar.runtime.DockerContainerRuntime;
import dev.hangar.runtime.RuntimeUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** One running Hangar: the container runtime, every service wired to it, and the server in front. */
public final class Hangar implements AutoCloseable {

    /** Every service Hangar is to emulate; health lists the ones not implemented yet too. */
    static final List<String> PLANNED_SERVICES =
            List.of("ecs", "lambda", "eks", "apigateway", "apigatewayv2", "apprunner", "logs");

    private static final Logger log = LoggerFactory.getLogger(Hangar.class);

    private final ContainerRuntime runtime;
    private final ExecutorService workers;
    private final ScheduledExecutorService scheduler;
    private final HangarServer server;
    private final Invoker invoker;
    private final Path temporaryData;

    private Hangar(ContainerRuntime runtime, ExecutorService workers, ScheduledExecutorService scheduler,
                   HangarServer server, Invoker invoker, Path temporaryData) {
        this.runtime = runtime;
        this.workers = workers;
        this.scheduler = scheduler;
        this.server = server;
        this.invoker = invoker;
        this.temporaryData = temporaryData;
    }

    /** Functions' own SDK calls reach this Hangar unless configured otherwise (known up front unless port 0). */
    private static InvokeConfig invokeConfig(HangarConfig config) {
        InvokeConfig invokeConfig = InvokeConfig.fromEnvironment(config.environment());
        if (invokeConfig.awsEndpointUrl() == null && config.port() != 0) {
            return invokeConfig.withAwsEndpointUrl("http://127.0.0.1:" + config.port());
        }
        return invokeConfig;
    }

    private static ScheduledExecutorService scheduler() {
        AtomicInteger n = new AtomicInteger();
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(2, r -> {
            Thread t = new Thread(r, "hangar-timer-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.setRemoveOnCancelPolicy(true);
        return pool;
    }

    public static Hangar start(HangarConfig config) throws InterruptedException, IOException {
        long started = System.nanoTime();
        ExecutorService workers = WorkerPool.create(config.workerThreads());
        // connects once the server has answered its first requests, or on first use; engine calls wait for it
        ConnectingRuntime runtime = new ConnectingRuntime(DockerContainerRuntime.newInstanceId());
        if (!config.cdsTraining()) {
            runtime.whenConnected(Hangar::reapOrphans);
        }
        LogsService logs = new LogsService();
        ScheduledExecutorService scheduler = scheduler();
        Path dataDirectory = config.dataDirectory() != null ? Files.createDirectories(config.dataDirectory())
                : TemporaryDirectory.create("hangar-");
        // the Runtime API listeners of execution environments open on the server, which exists only after start
        AtomicReference<HangarServer> listening = new AtomicReference<>();
        InvokeConfig invokeConfig = invokeConfig(config);
        Invoker invoker = new Invoker(runtime, h -> listening.get().listen(invokeConfig.runtimeApiHost(), 0, h), logs,
                invokeConfig, scheduler, workers);
        LambdaService lambda = new LambdaService(invoker, workers, dataDirectory, invokeConfig.accountConcurrency(),
                runtime);
        HangarServer server = HangarServer.builder()
                .host(config.host())
                .port(config.port())
                .defaultAccount(config.defaultAccount())
                .defaultRegion(config.defaultRegion())
                .maxRequestBytes(config.maxRequestBytes())
                .eventLoopThreads(config.eventLoopThreads())
                .workers(workers)
                .version(Version.current())
                .runtime(new DockerRuntimeAdmin(runtime))
                .plannedServices(PLANNED_SERVICES)
                .service(logs)
                .service(new EcsService(runtime, workers, logs))
                .service(lambda)
                .route(CodeDownloads.PREFIX, lambda.codeDownloads())
                .build()
                .start();
        listening.set(server);
        runtime.connectAfter(ConnectingRuntime.CONNECT_DELAY);
        log.info("Hangar {} listening on {} in {} ms (services: {})", Version.current(), server.endpoint(),
                (System.nanoTime() - started) / 1_000_000,
                String.join(", ", server.services().stream().map(s -> s.name()).toList()));
        return new Hangar(runtime, workers, scheduler, server, invoker,
                config.dataDirectory() == null ? dataDirectory : null);
    }

    private static void reapOrphans(DockerContainerRuntime runtime) {
        try {
            int removed = runtime.reapOrphans();
            if (removed > 0) {
                log.info("Removed {} containers left by an earlier Hangar", removed);
            }
        } catch (RuntimeUnavailableException e) {
            log.warn("Docker engine unavailable: tasks and functions cannot run until it is ({})", e.getMessage());
        }
    }

    public HangarServer server() {
        return server;
    }

    public ContainerRuntime runtime() {
        return runtime;
    }

    @Override
    public void close() {
        invoker.reset();
        server.close();
        // let in-flight engine calls (environment and task teardown) finish before the engine client goes away
        workers.shutdown();
        try {
            workers.awaitTermination(3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers.shutdownNow();
        scheduler.shutdownNow();
        try {
            int removed = runtime.removeAll();
            if (removed > 0) {
                log.info("Removed {} containers on shutdown", removed);
            }
        } catch (RuntimeUnavailableException e) {
            // nothing was started
        }
        runtime.close();
        if (temporaryData != null) {
            deleteTree(temporaryData);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.debug("could not remove {}: {}", root, e.toString());
        }
    }
}
