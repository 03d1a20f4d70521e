package dev.hangar.testsupport.junit;

import dev.hangar.core.http.HangarServer;
import dev.hangar.core.http.WorkerPool;
import dev.hangar.core.service.BoundService;
import dev.hangar.core.service.HandlerBinder;
import dev.hangar.core.time.HangarClock;
import dev.hangar.runtime.ContainerRuntime;
import dev.hangar.runtime.RuntimeUnavailableException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/** One Hangar a {@link HangarExtension} started: the server, its runtime and the clients pointed at it. */
final class Running implements AutoCloseable {

    final HangarServer server;
    final ContainerRuntime runtime;
    final SdkClients clients;
    private final Pools pools;
    private final boolean removeContainers;

    private Running(HangarServer server, ContainerRuntime runtime, Pools pools, boolean removeContainers) {
        this.server = server;
        this.runtime = runtime;
        this.pools = pools;
        this.removeContainers = removeContainers;
        this.clients = new SdkClients(server.endpoint());
    }

    /**
     * The server's pools, owned here rather than by the server so that they can be drained at close as Hangar.close
     * does: a launch still in flight finishes (and cleans up) before the runtime removes what is left.
     */
    private record Pools(ExecutorService workers, ExecutorService engine) {
        static Pools of(Integer workerThreads, Integer engineThreads) {
            int standard = Math.max(8, Runtime.getRuntime().availableProcessors() * 4);
            return new Pools(WorkerPool.create("hangar-worker", workerThreads != null ? workerThreads : standard),
                    WorkerPool.create("hangar-engine", engineThreads != null ? engineThreads : standard));
        }

        void drain() {
            for (ExecutorService pool : List.of(workers, engine)) {
                pool.shutdown();
            }
            for (ExecutorService pool : List.of(workers, engine)) {
                try {
                    pool.awaitTermination(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                pool.shutdownNow();
            }
        }
    }

    static Running start(HangarExtension.Builder config) {
        ContainerRuntime runtime = config.runtimeChoice().make();
        Pools pools = Pools.of(config.workerThreads(), config.engineThreads());
        HangarServer server = null;
        try {
            HangarServer.Builder builder = HangarServer.builder().host("127.0.0.1").port(0)
                    .environment(config.environment()).workers(pools.workers()).engine(pools.engine());
            HangarClock clock = config.newClock();
            if (clock != null) {
                builder.clock(clock);
            }
            if (runtime != null) {
                builder.port(ContainerRuntime.class, runtime);
            }
            config.ports().forEach((type, implementation) -> provide(builder, type, implementation));
            config.services().forEach(builder::service);
            server = builder.build().start();
            List<String> problems = new ArrayList<>();
            for (BoundService service : server.services()) {
                HandlerBinder.problems(service.service(), service.model())
                        .forEach(p -> problems.add(service.name() + ": " + p));
            }
            if (!problems.isEmpty()) {
                throw new AssertionError("handlers that would never be called or are mis-declared:\n  "
                        + String.join("\n  ", problems));
            }
            return new Running(server, runtime, pools, config.runtimeChoice().removesContainersAtClose());
        } catch (RuntimeException | Error e) {
            closeAll(server, pools, runtime, config.runtimeChoice().removesContainersAtClose());
            throw e;
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> void provide(HangarServer.Builder builder, Class<T> type, Object implementation) {
        builder.port(type, (T) implementation);
    }

    @Override
    public void close() {
        clients.close();
        closeAll(server, pools, runtime, removeContainers);
    }

    /** The server and its pools first, so that no service starts a container after the runtime removed them. */
    private static void closeAll(HangarServer server, Pools pools, ContainerRuntime runtime,
                                 boolean removeContainers) {
        if (server != null) {
            server.close();
        }
        pools.drain();
        if (runtime == null) {
            return;
        }
        try {
            if (removeContainers) {
                runtime.removeAll();
            }
        } catch (RuntimeUnavailableException e) {
            // no engine, so no container either
        } finally {
            runtime.close();
        }
    }
}
