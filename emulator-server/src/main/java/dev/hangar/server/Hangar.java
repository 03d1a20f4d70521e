package dev.hangar.server;

import dev.hangar.core.http.HangarServer;
import dev.hangar.runtime.ContainerRuntime;
import dev.hangar.runtime.DockerContainerRuntime;
import dev.hangar.runtime.RuntimeUnavailableException;
import dev.hangar.runtime.SelfContainer;
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
     * The services' settings: the environment, plus defaults that depend on where Hangar runs. On the engine's host,
     * functions run on the host network and reach Hangar at 127.0.0.1. In a container of the engine it drives
     * (container mode, docs/docker.md), they join Hangar's network and are given Hangar's address there; a setting
     * the user made is kept either way. On port 0, Lambda tells functions the endpoint once the server listens.
     */
    private static Map<String, String> serviceEnvironment(HangarConfig config) {
        Map<String, String> env = new HashMap<>(config.environment());
        SelfContainer self = config.cdsTraining() ? null : SelfContainer.current().orElse(null);
        String address = self == null ? "127.0.0.1" : self.ipAddress();
        if (self != null) {
            putUnlessSet(env, "HANGAR_LAMBDA_DOCKER_NETWORK", self.network());
            putUnlessSet(env, "HANGAR_LAMBDA_RUNTIME_API_HOST", address);
        }
        if (config.port() != 0) {
            putUnlessSet(env, "HANGAR_LAMBDA_AWS_ENDPOINT_URL", "http://" + address + ":" + config.port());
        }
        return env;
    }

    private static void putUnlessSet(Map<String, String> env, String name, String value) {
        String set = env.get(name);
        if (set == null || set.isBlank()) {
            env.put(name, value);
        }
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
