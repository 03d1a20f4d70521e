package dev.hangar.runtime;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerResponse;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerConfig;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@link ContainerRuntime} on a Docker engine through docker-java. Thread-safe: the clients pool their connections
 * and the runtime keeps no per-container state. Created by {@link #connect}, which never fails: without an engine
 * the runtime reports itself unavailable and keeps probing in the background, so an engine started later is used.
 */
public final class DockerContainerRuntime implements ContainerRuntime {

    private static final Logger log = LoggerFactory.getLogger(DockerContainerRuntime.class);
    /** How long connect() waits for the event subscription, so no exit after it returns is missed. */
    private static final Duration SUBSCRIBE_WAIT = Duration.ofSeconds(2);
    /**
     * How long a removal waits for the log follows of the container to read its output to the end: a follow that
     * reads ends at once when done, so this only bounds one that hangs. 3 s was too short for a 20000-line burst on a
     * loaded two-core machine; below Lambda's 10 s wait for END, so a timed-out handler's lines still come first.
     */
    private static final Duration DRAIN_WAIT = Duration.ofSeconds(8);

    private final String instanceId;
    /** Null when no client could even be configured (a malformed DOCKER_HOST): every call then fails. */
    private final DockerClients clients;
    private final DockerClient client;
    private final EngineAvailability availability;
    private final ContainerEventStream events;
    private final LogFollows logFollows;
    private final EngineVolumes volumes;
    /** Set at connect when Hangar runs in a container of the engine it drives: mounts become copies. */
    private volatile SelfContainer self;

    private DockerContainerRuntime(String instanceId, DockerClients clients, EngineAvailability availability) {
        this.instanceId = instanceId;
        this.clients = clients;
        this.client = clients == null ? null : clients.calls;
        this.availability = availability;
        this.events = clients == null ? null : new ContainerEventStream(clients.streams, instanceId, availability);
        this.logFollows = clients == null ? null : new LogFollows(clients.streamsHttp);
        this.volumes = clients == null ? null : new EngineVolumes(client, instanceId);
        if (events != null) {
            events.addListener(logFollows);
        }
    }

    /**
     * A fresh instance id: "h-" and 12 hex digits. A new one per start, so that the next start's orphan reaping
     * tells this run's containers from its own. Unique, not secret: ThreadLocalRandom rather than UUID's
     * SecureRandom, whose provider set-up costs a start ~100 classes and a read of the system's entropy.
     */
    public static String newInstanceId() {
        // 48 random bits under a leading 1 bit, which keeps the zeros in front: 13 hex digits, the first dropped
        long bits = (ThreadLocalRandom.current().nextLong() & 0xFFFF_FFFF_FFFFL) | (1L << 48);
        return "h-" + Long.toHexString(bits).substring(1);
    }

    /** The engine named by DOCKER_HOST (and docker-java's other usual settings), else the local unix socket. */
    public static DockerContainerRuntime connect(String instanceId) {
        return connect(instanceId, (String) null);
    }

    /** @param dockerHost e.g. "unix:///var/run/docker.sock" or "tcp://127.0.0.1:2375"; null = the default */
    public static DockerContainerRuntime connect(String instanceId, String dockerHost) {
        Objects.requireNonNull(instanceId, "instanceId");
        DockerClientConfig config;
        try {
            DefaultDockerClientConfig.Builder builder = DefaultDockerClientConfig.createDefaultConfigBuilder();
            if (dockerHost != null) {
                builder.withDockerHost(dockerHost);
            }
            config = builder.build();
        } catch (RuntimeException e) {
            String where = dockerHost != null ? dockerHost : String.valueOf(System.getenv("DOCKER_HOST"));
            RuntimeStatus status = new RuntimeStatus(false, null,
                    "Docker client configuration invalid (" + where + "): " + EngineErrors.rootMessage(e));
            log.warn("Container runtime unavailable: {}", status.detail());
            return new DockerContainerRuntime(instanceId, null, new EngineAvailability(where, null, status));
        }
        return connect(instanceId, config);
    }

    public static DockerContainerRuntime connect(String instanceId, DockerClientConfig config) {
        Objects.requireNonNull(instanceId, "instanceId");
        String endpoint = String.valueOf(config.getDockerHost());
        DockerClients clients;
        try {
            clients = DockerClients.open(config);
        } catch (RuntimeException e) {
            RuntimeStatus status = new RuntimeStatus(false, null,
                    "Docker client for " + endpoint + " could not be set up: " + EngineErrors.rootMessage(e));
            log.warn("Container runtime unavailable: {}", status.detail());
            return new DockerContainerRuntime(instanceId, null, new EngineAvailability(endpoint, null, status));
        }
        EngineAvailability availability = new EngineAvailability(endpoint, clients.probe,
                new RuntimeStatus(false, null, "Docker engine at " + endpoint + " not probed yet"));
        DockerContainerRuntime runtime = new DockerContainerRuntime(instanceId, clients, availability);
        RuntimeStatus status = availability.probe();
        runtime.events.start();
        if (status.available()) {
            runtime.self = SelfContainer.current().orElse(null);
        }
        if (!status.available()) {
            log.warn("Container runtime for Hangar instance {} unavailable: {}", instanceId, status.detail());
            return runtime;
        }
        if (!runtime.events.awaitSubscribed(SUBSCRIBE_WAIT)) {
            log.warn("Docker event stream not subscribed within {} ms; exits may be learned late",
                    SUBSCRIBE_WAIT.toMillis());
        }
        log.info("Container runtime for Hangar instance {}: {}", instanceId, status.detail());
        return runtime;
    }

    @Override
    public RuntimeStatus status() {
        return availability.status();
    }

    @Override
    public String instanceId() {
        return instanceId;
    }

    @Override
    public boolean imagePresent(String image) {
        return call("inspect image " + image, () -> {
            try {
                client.inspectImageCmd(image).exec();
                return true;
            } catch (NotFoundException e) {
                return false;
            }
        });
    }

    @Override
    public void ensureImage(String image) {
        if (imagePresent(image)) {
            return;
        }
        call("pull image " + image, () -> {
            new ImagePuller(clients.streams).pull(image);
            return null;
        });
    }

    @Override
    public ImageInfo inspectImage(String image) {
        return call("inspect image " + image, () -> {
            InspectImageResponse inspected;
            try {
                inspected = client.inspectImageCmd(image).exec();
            } catch (NotFoundException e) {
                throw new ImageNotFoundException("Cannot inspect image " + image + ": "
                        + EngineErrors.engineMessage(e), e);
            }
            return imageInfo(inspected);
        });
    }

    @Override
    public ContainerHandle create(ContainerSpec spec) {
        return call("create container from " + spec.image(), () -> {
            long start = System.nanoTime();
            if (self == null) {
                // the engine may have been away at connect; found once, then remembered (SelfContainer.current)
                self = SelfContainer.current().orElse(null);
            }
            boolean copyMounts = self != null && spec.mounts() != null && !spec.mounts().isEmpty();
            CreateContainerResponse created = CreateCommands.apply(client.createContainerCmd(spec.image()),
                    copyMounts ? MountCopies.withoutMounts(spec) : spec, instanceId).exec();
            if (copyMounts) {
                // Hangar's folders are not on the engine's host: their contents go in before the container starts
                try {
                    MountCopies.copyInto(client, created.getId(), spec.mounts());
                } catch (RuntimeException e) {
                    removeQuietly(created.getId());
                    throw new ContainerRuntimeException(e.getMessage(), e);
                }
            }
            for (ContainerSpec.NetworkAttachment network : spec.moreNetworks()) {
                try {
                    EngineNetworks.connect(client, created.getId(), network);
                } catch (RuntimeException e) {
                    removeQuietly(created.getId());
                    throw e;
                }
            }
            String name = spec.name() != null ? spec.name() : nameOf(created.getId());
            log.info("Created container {} ({}) from {} in {} ms", name, shortId(created.getId()), spec.image(),
                    millisSince(start));
            return new ContainerHandle(created.getId(), name);
        });
    }

    @Override
    public void start(String containerId) {
        call("start container " + containerId, () -> {
            long start = System.nanoTime();
            try {
                client.startContainerCmd(containerId).exec();
                log.info("Started container {} in {} ms", shortId(containerId), millisSince(start));
            } catch (NotModifiedException e) {
                log.debug("Container {} already running", shortId(containerId));
            }
            logFollows.started(containerId);
            return null;
        });
    }

    @Override
    public void stop(String containerId, Duration grace) {
        // the engine counts whole seconds; a part-second grace is rounded up, never down to an instant kill
        int graceSeconds = (int) Math.min(Integer.MAX_VALUE, Math.max(0, (grace.toMillis() + 999) / 1000));
        call("stop container " + containerId, () -> {
            long start = System.nanoTime();
            try {
                // the streams client: the engine answers only once the container is down, up to the grace later
                clients.streams.stopContainerCmd(containerId).withTimeout(graceSeconds).exec();
                log.info("Stopped container {} in {} ms (grace {} s)", shortId(containerId), millisSince(start),
                        graceSeconds);
            } catch (NotModifiedException e) {
                log.debug("Container {} already stopped", shortId(containerId));
            } catch (NotFoundException e) {
                log.debug("Container {} to stop is gone", shortId(containerId));
            }
            return null;
        });
    }

    @Override
    public void remove(String containerId) {
        call("remove container " + containerId, () -> {
            if (logFollows.following(containerId) && killQuietly(containerId)) {
                // a forced removal takes the log with it while a follow may still be reading it: the container
                // goes down first, and is removed once its follows have reached the end of its output
                awaitFollows(containerId);
            }
            if (removeQuietly(containerId)) {
                log.info("Removed container {}", shortId(containerId));
            }
            return null;
        });
    }

    @Override
    public ContainerState inspect(String containerId) {
        return call("inspect container " + containerId, () -> {
            try {
                var inspected = client.inspectContainerCmd(containerId).exec();
                return SharedNamespace.withOwnersPorts(client, inspected, ContainerStates.from(inspected));
            } catch (NotFoundException e) {
                return ContainerStates.gone(containerId);
            }
        });
    }

    @Override
    public AutoCloseable followLogs(String containerId, Consumer<LogLine> onLine) {
        return call("follow logs of container " + containerId, () -> {
            ContainerState state = inspect(containerId);
            if (state.status() == ContainerState.Status.GONE) {
                throw new ContainerRuntimeException("Cannot follow logs of container " + containerId
                        + ": No such container");
            }
            return logFollows.follow(containerId, onLine,
                    id -> state.status() == ContainerState.Status.CREATED
                            && inspect(id).status() == ContainerState.Status.CREATED);
        });
    }

    @Override
    public void addListener(ContainerEventListener listener) {
        Objects.requireNonNull(listener, "listener");
        if (events != null) {
            events.addListener(listener);
        }
    }

    @Override
    public int removeAll() {
        return call("remove all containers of instance " + instanceId, () -> {
            List<Container> ours = client.listContainersCmd()
                    .withShowAll(true)
                    .withLabelFilter(Map.of(HangarLabels.MANAGED, "true", HangarLabels.INSTANCE, instanceId))
                    .exec();
            int removed = 0;
            for (Container c : ours) {
                if (removeQuietly(c.getId())) {
                    removed++;
                }
            }
            log.info("Removed {} container(s) of Hangar instance {}", removed, instanceId);
            // after the containers: a volume in use cannot be removed
            volumes.removeAll();
            return removed;
        });
    }

    /**
     * Removes the containers an earlier Hangar left on this engine: labelled hangar.managed=true with another
     * hangar.instance, whose creating process is no longer alive. Containers without Hangar's label are never
     * touched. Call once at start-up. Returns how many were removed.
     */
    public int reapOrphans() {
        return call("reap orphaned containers", () -> {
            int removed = 0;
            for (String id : new OrphanReaper(client, instanceId, self != null).findOrphans()) {
                if (removeQuietly(id)) {
                    log.info("Removed orphaned container {} left by an earlier Hangar", shortId(id));
                    removed++;
                }
            }
            EngineNetworks.removeUnused(client);
            return removed;
        });
    }

    /** The container Hangar runs in on this engine (container mode), or null when it runs on the engine's host. */
    public SelfContainer self() {
        return self;
    }

    /** The engine address, as configured ("unix:///var/run/docker.sock"). */
    public String endpoint() {
        return availability.endpoint();
    }

    /** Probes the engine now rather than waiting for the background re-check. */
    public RuntimeStatus refreshStatus() {
        return availability.probe();
    }

    @Override
    public void close() {
        if (events != null) {
            events.close();
        }
        availability.close();
        if (clients != null) {
            clients.close();
        }
    }

    @Override
    public boolean createVolume(VolumeSpec spec) {
        return call("create volume " + spec.name(), () -> volumes.create(spec));
    }

    @Override
    public boolean volumeExists(String name) {
        return call("inspect volume " + name, () -> volumes.exists(name));
    }

    @Override
    public void removeVolume(String name) {
        call("remove volume " + name, () -> {
            volumes.remove(name);
            return null;
        });
    }

    /** SIGKILL; true when the container is down now (killed, or not running anyway), false when it is gone. */
    private boolean killQuietly(String containerId) {
        try {
            client.killContainerCmd(containerId).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        } catch (ConflictException e) {
            // "is not running", or already being removed: either way nothing more will be written
            return true;
        }
    }

    private void awaitFollows(String containerId) {
        long start = System.nanoTime();
        try {
            if (!logFollows.drain(containerId, DRAIN_WAIT)) {
                log.warn("Log of container {} not read to its end within {} ms; removing it anyway",
                        shortId(containerId), DRAIN_WAIT.toMillis());
            } else {
                log.debug("Log of container {} read to its end {} ms after the kill", shortId(containerId),
                        millisSince(start));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** False when there was nothing to remove. */
    private boolean removeQuietly(String containerId) {
        try {
            client.removeContainerCmd(containerId).withForce(true).withRemoveVolumes(true).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        } catch (ConflictException e) {
            // "removal already in progress": someone else is removing it, which is what we want
            log.debug("Container {} already being removed: {}", shortId(containerId), EngineErrors.engineMessage(e));
            return false;
        }
    }

    private static ImageInfo imageInfo(InspectImageResponse inspected) {
        ContainerConfig config = inspected.getConfig();
        if (config == null) {
            return new ImageInfo(inspected.getId(), List.of(), List.of(), Map.of(), null, null);
        }
        Map<String, String> environment = new LinkedHashMap<>();
        if (config.getEnv() != null) {
            for (String entry : config.getEnv()) {
                int eq = entry.indexOf('=');
                environment.put(eq < 0 ? entry : entry.substring(0, eq), eq < 0 ? "" : entry.substring(eq + 1));
            }
        }
        return new ImageInfo(inspected.getId(), listOf(config.getEntrypoint()), listOf(config.getCmd()), environment,
                config.getWorkingDir(), config.getUser());
    }

    private static List<String> listOf(String[] values) {
        return values == null ? List.of() : Arrays.asList(values);
    }

    private String nameOf(String containerId) {
        String name = client.inspectContainerCmd(containerId).exec().getName();
        return name != null && name.startsWith("/") ? name.substring(1) : name;
    }

    /**
     * Runs one engine call: fails at once when the engine is known to be away, and tells an engine that refused
     * (ContainerRuntimeException with the engine's message) from one that did not answer (RuntimeUnavailableException).
     */
    private <T> T call(String action, Supplier<T> body) {
        if (client == null) {
            throw new RuntimeUnavailableException(availability.status().detail());
        }
        availability.require();
        for (int attempt = 1; ; attempt++) {
            try {
                return body.get();
            } catch (ContainerRuntimeException e) {
                throw e;
            } catch (DockerException e) {
                throw new ContainerRuntimeException("Cannot " + action + ": " + EngineErrors.engineMessage(e), e);
            } catch (RuntimeException e) {
                if (attempt == 1 && EngineErrors.isStaleConnection(e)) {
                    // a pooled connection to an engine that restarted since: the request never reached it
                    log.debug("Retrying {} on a fresh connection: {}", action, EngineErrors.rootMessage(e));
                    continue;
                }
                if (EngineErrors.isUnreachable(e)) {
                    throw availability.lost(e);
                }
                throw new ContainerRuntimeException("Cannot " + action + ": " + EngineErrors.rootMessage(e), e);
            }
        }
    }

    private static String shortId(String id) {
        return id != null && id.length() > 12 ? id.substring(0, 12) : id;
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    @Override
    public EngineInfo engineInfo() {
        return call("read the engine's info", () -> {
            com.github.dockerjava.api.model.Info info = client.infoCmd().exec();
            return new EngineInfo(info.getNCPU() == null ? 0 : info.getNCPU(),
                    info.getMemTotal() == null ? 0 : info.getMemTotal(), info.getServerVersion(),
                    info.getOperatingSystem(), info.getOsType(), info.getArchitecture());
        });
    }

    // ---- networks, namespaces and stats ----

    @Override
    public NetworkSpec ensureNetwork(NetworkSpec spec) {
        return call("ensure network " + spec.name(), () -> EngineNetworks.ensure(client, spec));
    }

    @Override
    public void connectNetwork(String containerId, ContainerSpec.NetworkAttachment attachment) {
        call("connect container " + containerId + " to network " + attachment.network(), () -> {
            EngineNetworks.connect(client, containerId, attachment);
            return null;
        });
    }

    @Override
    public String selfContainerId() {
        SelfContainer s = self;
        if (s == null && client != null && availability.status().available()) {
            s = SelfContainer.current().orElse(null);
            self = s;
        }
        return s == null || s.hostNetwork() ? null : s.id();
    }

    @Override
    public boolean connectSelf(String network, String ipv4Address) {
        String id = selfContainerId();
        if (id == null) {
            return false;
        }
        return call("connect Hangar's container to network " + network, () -> {
            if (!EngineNetworks.attached(client, id, network)) {
                EngineNetworks.connect(client, id, new ContainerSpec.NetworkAttachment(network, ipv4Address, null, null));
                log.info("Connected Hangar's container {} to network {}{}", shortId(id), network,
                        ipv4Address == null ? "" : " at " + ipv4Address);
            }
            return true;
        });
    }

    @Override
    public String pauseImage() {
        return call("make the pause image", () -> PauseImage.ensure(client, clients.streamsHttp));
    }

    @Override
    public ContainerDetails details(String containerId) {
        return call("inspect container " + containerId,
                () -> EngineNetworks.details(client.inspectContainerCmd(containerId).exec()));
    }

    @Override
    public String statsJson(String containerId) {
        return call("read stats of container " + containerId, () -> EngineStats.read(clients.streamsHttp, containerId));
    }
}
