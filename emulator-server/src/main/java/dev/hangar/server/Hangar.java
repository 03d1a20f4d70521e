package dev.hangar.server;

import dev.hangar.core.http.HangarServer;
import dev.hangar.ecs.EcsService;
import dev.hangar.logs.LogsService;
import dev.hangar.runtime.ContainerRuntime;
import dev.hangar.runtime.DockerContainerRuntime;
import dev.hangar.runtime.RuntimeUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
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
    private final HangarServer server;

    private Hangar(ContainerRuntime runtime, ExecutorService workers, HangarServer server) {
        this.runtime = runtime;
        this.workers = workers;
        this.server = server;
    }

    public static Hangar start(HangarConfig config) throws InterruptedException {
        long started = System.nanoTime();
        ExecutorService workers = workerPool(config.workerThreads());
        ContainerRuntime runtime = DockerContainerRuntime.connect(DockerContainerRuntime.newInstanceId());
        if (System.getenv("HANGAR_CDS_TRAINING") == null) {
            workers.execute(() -> reapOrphans(runtime));
        }
        LogsService logs = new LogsService();
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
                .build()
                .start();
        log.info("Hangar {} listening on {} in {} ms (services: {})", Version.current(), server.endpoint(),
                (System.nanoTime() - started) / 1_000_000,
                String.join(", ", server.services().stream().map(s -> s.name()).toList()));
        return new Hangar(runtime, workers, server);
    }

    private static void reapOrphans(ContainerRuntime runtime) {
        try {
            int removed = ((DockerContainerRuntime) runtime).reapOrphans();
            if (removed > 0) {
                log.info("Removed {} containers left by an earlier Hangar", removed);
            }
        } catch (RuntimeUnavailableException e) {
            log.warn("Docker engine unavailable: tasks and functions cannot run until it is ({})", e.getMessage());
        }
    }

    private static ExecutorService workerPool(int threads) {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(10_000), r -> {
            Thread t = new Thread(r, "hangar-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    public HangarServer server() {
        return server;
    }

    public ContainerRuntime runtime() {
        return runtime;
    }

    @Override
    public void close() {
        server.close();
        try {
            int removed = runtime.removeAll();
            if (removed > 0) {
                log.info("Removed {} containers on shutdown", removed);
            }
        } catch (RuntimeUnavailableException e) {
            // nothing was started
        }
        runtime.close();
        workers.shutdownNow();
    }
}
