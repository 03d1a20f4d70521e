package dev.hangar.runtime;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The container Hangar itself runs in, when it runs in one on the engine it drives ("container mode": {@code docker
 * run -v /var/run/docker.sock:/var/run/docker.sock hangar/hangar}). Then paths in Hangar's file system do not exist
 * on the engine's host, so folders are copied into containers instead of bind-mounted, and function containers join
 * Hangar's network to reach it at its address.
 * <p>
 * Found once per process: a hint first (/.dockerenv, or the engine's per-container mounts in /proc/self/mountinfo),
 * then the engine must know a container whose id starts with the host name (or the id in those mounts). A machine
 * that is itself some other kind of container (a VM sandbox with /.dockerenv and host name "vm") is not container
 * mode: the engine knows no such container.
 *
 * @param id        Hangar's container id (full)
 * @param network   the network functions join: Hangar's first network ("bridge" for a plain docker run)
 * @param ipAddress Hangar's address on that network; 127.0.0.1 when it runs with --network host
 */
public record SelfContainer(String id, String network, String ipAddress) {

    private static final Logger log = LoggerFactory.getLogger(SelfContainer.class);
    private static final Pattern ENGINE_MOUNT = Pattern.compile("/containers/([0-9a-f]{64})/(?:hostname|hosts|resolv\\.conf)");
    private static final Pattern CONTAINER_ID = Pattern.compile("[0-9a-f]{12,64}");

    private static volatile Optional<SelfContainer> found;

    /** Whether function containers share the engine host's network (Hangar runs with --network host). */
    public boolean hostNetwork() {
        return "host".equals(network);
    }

    /** Container mode's facts, found at first call (asking the engine named by DOCKER_HOST, else the socket). */
    public static Optional<SelfContainer> current() {
        Optional<SelfContainer> result = found;
        if (result == null) {
            synchronized (SelfContainer.class) {
                result = found;
                if (result == null) {
                    result = detect();
                    if (result != null) {
                        found = result;
                    }
                }
            }
        }
        return result != null ? result : Optional.empty();
    }

    /** What {@link #current()} found so far, without asking anything: empty before it was called, or when it failed. */
    public static Optional<SelfContainer> known() {
        Optional<SelfContainer> result = found;
        return result != null ? result : Optional.empty();
    }

    /** Null when the engine could not be asked: found again at the next call rather than taken as "not". */
    private static Optional<SelfContainer> detect() {
        Set<String> candidates = candidateIds();
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        Optional<java.nio.file.Path> socket = SocketInspect.socket(System.getenv("DOCKER_HOST"));
        if (socket.isPresent()) {
            try {
                for (String candidate : candidates) {
                    Optional<SelfContainer> self = SocketInspect.inspect(socket.get(), candidate);
                    if (self.isPresent()) {
                        logFound(self.get());
                        return self;
                    }
                }
                return Optional.empty();
            } catch (IOException | RuntimeException e) {
                log.debug("Could not ask the engine at {} whether Hangar runs in one of its containers: {}",
                        socket.get(), EngineErrors.rootMessage(e));
                return null;
            }
        }
        try {
            DockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder().build();
            ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
                    .dockerHost(config.getDockerHost())
                    .sslConfig(config.getSSLConfig() != null ? config.getSSLConfig() : PlainHostTls.UNUSED)
                    .connectionTimeout(DockerClients.CONNECT_TIMEOUT)
                    .responseTimeout(Duration.ofSeconds(5))
                    .maxConnections(2)
                    .build();
            try (DockerClient client = DockerClientImpl.getInstance(config, http)) {
                Optional<SelfContainer> self = inspect(client, candidates);
                self.ifPresent(SelfContainer::logFound);
                return self;
            }
        } catch (IOException | RuntimeException e) {
            log.debug("Could not ask the engine whether Hangar runs in one of its containers: {}",
                    EngineErrors.rootMessage(e));
            return null;
        }
    }

    private static void logFound(SelfContainer s) {
        log.info("Running in container {} on network {} at {}", s.id().substring(0, 12), s.network(), s.ipAddress());
    }

    /** Through docker-java, for an engine reached over tcp. */
    static Optional<SelfContainer> inspect(DockerClient client, Set<String> candidates) {
        for (String candidate : candidates) {
            InspectContainerResponse inspected;
            try {
                inspected = client.inspectContainerCmd(candidate).exec();
            } catch (NotFoundException e) {
                continue;
            }
            if (inspected.getId() == null || !inspected.getId().startsWith(candidate)) {
                continue; // the engine also resolves names; a container named like our host name is not us
            }
            String mode = inspected.getHostConfig() == null ? null : inspected.getHostConfig().getNetworkMode();
            Map<String, ContainerNetwork> networks = inspected.getNetworkSettings() == null ? Map.of()
                    : inspected.getNetworkSettings().getNetworks();
            if ("host".equals(mode) || networks == null || networks.isEmpty()) {
                return Optional.of(new SelfContainer(inspected.getId(), "host", "127.0.0.1"));
            }
            // the network named by the run's --network first, else any it is attached to
            Map.Entry<String, ContainerNetwork> chosen = networks.entrySet().iterator().next();
            if (mode != null && networks.containsKey(mode)) {
                chosen = Map.entry(mode, networks.get(mode));
            }
            return Optional.of(new SelfContainer(inspected.getId(), chosen.getKey(), chosen.getValue().getIpAddress()));
        }
        return Optional.empty();
    }

    /** Container ids Hangar's own container may have: its host name, and the id in the engine's mounts. */
    static Set<String> candidateIds() {
        Set<String> ids = new LinkedHashSet<>();
        String mountinfo = read(Path.of("/proc/self/mountinfo"));
        boolean hinted = Files.exists(Path.of("/.dockerenv")) || mountinfo.contains("/containers/");
        if (!hinted) {
            return ids;
        }
        Matcher m = ENGINE_MOUNT.matcher(mountinfo);
        if (m.find()) {
            ids.add(m.group(1));
        }
        String host = hostName();
        if (host != null && CONTAINER_ID.matcher(host).matches()) {
            ids.add(host);
        }
        return ids;
    }

    private static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env.trim();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return null;
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
