package dev.hangar.ecs.runtime;

import dev.hangar.runtime.ContainerRuntime;
import dev.hangar.runtime.EngineInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * The Docker host's size (CPUs, memory, engine version) as the engine reports it, which the container instance of
 * every cluster registers. Asked of the engine once, on the engine pool, when first needed (not at start, which
 * would connect to the engine on the start path); remembered once known. Without an engine it stays unknown and
 * is asked again the next time it is needed.
 */
public final class HostCapacity {

    private static final Logger LOG = LoggerFactory.getLogger(HostCapacity.class);

    private final ContainerRuntime runtime;
    private final ExecutorService engine;
    private volatile EngineInfo known;
    private CompletableFuture<EngineInfo> asking;

    public HostCapacity(ContainerRuntime runtime, ExecutorService engine) {
        this.runtime = runtime;
        this.engine = engine;
    }

    /** The host's size, or null while it is not known (not asked yet, or no engine). Never blocks. */
    public EngineInfo known() {
        return known;
    }

    /**
     * Completes with the host's size, at once when known; with null when the engine cannot tell (no engine): the
     * caller then goes on without it. Never completes exceptionally.
     */
    public CompletableFuture<EngineInfo> get() {
        EngineInfo info = known;
        if (info != null) {
            return CompletableFuture.completedFuture(info);
        }
        synchronized (this) {
            if (asking == null) {
                CompletableFuture<EngineInfo> ask = new CompletableFuture<>();
                asking = ask;
                try {
                    engine.execute(() -> ask(ask));
                } catch (RuntimeException e) {
                    asking = null;
                    return CompletableFuture.completedFuture(null);
                }
            }
            return asking;
        }
    }

    private void ask(CompletableFuture<EngineInfo> ask) {
        EngineInfo info = null;
        try {
            info = runtime.engineInfo();
            known = info;
            LOG.info("ECS container instances stand for the Docker host: {} CPUs, {} MiB, Docker {}", info.cpus(),
                    info.memoryMib(), info.serverVersion());
        } catch (RuntimeException e) {
            LOG.debug("the Docker host's size is unknown: {}", e.getMessage());
        } finally {
            synchronized (this) {
                asking = null;
            }
            ask.complete(info);
        }
    }
}
