package dev.hangar.server;

import dev.hangar.core.http.HangarServer;
import dev.hangar.runtime.ContainerRuntime;
import dev.hangar.runtime.DockerContainerRuntime;
import dev.hangar.runtime.RuntimeUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;

/** One running Hangar: the container runtime, every service wired to it, and the server in front. */
public final class Hangar implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Hangar.class);

    private final ConnectingRuntime runtime;
    private final HangarServer server;

    private Hangar(ConnectingRuntime runtime, HangarServer server) {
        this.runtime = runtime;
        this.server = server;
    }

    /**
     * The environment services read their settings from. Functions' own SDK calls reach this Hangar unless
     * configured otherwise (known up front unless the port is 0).
     */
    private static Map<String, String> serviceEnvironment(HangarConfig config) {
        Map<String, String> env = new HashMap<>(config.environment());
        String endpoint = env.get("HANGAR_LAMBDA_AWS_ENDPOINT_URL");
        if ((endpoint == null || endpoint.isBlank()) && config.port() != 0) {
            env.put("HANGAR_LAMBDA_AWS_ENDPOINT_URL", "http://127.0.0.1:" + config.port());
        }
        return env;
    }

    public static Hangar start(HangarConfig config) throws IOException {
        long started = System.nanoTime();
        // connects once the server has answered its first requests, or on first use; engine calls wait for it
        ConnectingRuntime runtime = new ConnectingRuntime(DockerContainerRuntime.newInstanceId());
        if (!config.cdsTraining()) {
            runtime.whenConnected(Hangar::reapOrphans);
        }
        if (config.dataDirectory() != null) {
            Files.createDirectories(config.dataDirectory());
        }
        HangarServer.Builder builder = HangarServer.builder()
                .host(config.host())
                .port(config.port())
                .defaultAccount(config.defaultAccount())
                .defaultRegion(config.defaultRegion())
                .maxRequestBytes(config.maxRequestBytes())
                .eventLoopThreads(config.eventLoopThreads())
                .timeScale(config.timeScale())
                .workerThreads(config.workerThreads())
                .engineThreads(config.workerThreads())
                .dataDirectory(config.dataDirectory())
                .environment(serviceEnvironment(config))
                .version(Version.current())
                .runtime(new DockerRuntimeAdmin(runtime))
                .port(ContainerRuntime.class, runtime)
                .plannedServices(Services.PLANNED);
        Services.ALL.forEach(builder::service);
        HangarServer server;
        try {
            server = builder.build().start();
        } catch (RuntimeException | Error e) {
            runtime.close(); // the server closed its own part; nothing may keep the JVM up after a failed start
            throw e;
        }
        runtime.connectAfter(ConnectingRuntime.CONNECT_DELAY);
        log.info("Hangar {} listening on {} in {} ms since JVM start ({} ms in Hangar.start; services: {})",
                Version.current(), StartLine.where(config.host(), server.endpoint()), StartLine.sinceJvmStart(),
                (System.nanoTime() - started) / 1_000_000,
                String.join(", ", server.services().stream().map(s -> s.name()).toList()));
        return new Hangar(runtime, server);
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

    /** The server lets in-flight engine calls (environment and task teardown) finish before the engine goes away. */
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
    }
}
