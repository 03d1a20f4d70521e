package dev.hangar.runtime;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * Everything Hangar asks of a container engine. Calls block (they talk to the engine): callers run them on a worker
 * pool, never on an event loop. Every container created is labelled hangar.managed=true and
 * hangar.instance=&lt;instanceId&gt;, so that reset and the next start's orphan reaping find them and only them.
 * When no engine is reachable every method but {@link #status()}, {@link #addListener} and {@link #close()} throws
 * {@link RuntimeUnavailableException}.
 */
public interface ContainerRuntime extends AutoCloseable {

    /** Whether an engine answers, its version, or why not. Cheap: cached and refreshed in the background. */
    RuntimeStatus status();

    /** This Hangar instance's id, the value of every container's hangar.instance label. */
    String instanceId();

    boolean imagePresent(String image);

    /** Pulls the image only when it is missing; throws {@link ImagePullException} with the engine's message. */
    void ensureImage(String image);

    /**
     * The configuration of a local image (entrypoint, command, environment...). Never pulls: an image that is not
     * present throws {@link ImageNotFoundException} with the engine's message, so call {@link #ensureImage} first.
     */
    ImageInfo inspectImage(String image);

    /** Creates (does not start) a container. */
    ContainerHandle create(ContainerSpec spec);

    void start(String containerId);

    /** SIGTERM (or the image's stop signal), then SIGKILL after the grace period. No error if already stopped. */
    void stop(String containerId, Duration grace);

    /**
     * Removes the container, forcing it down if running. No error if it is already gone. A log follow still open on
     * it gets the rest of its output first: the container is killed and the removal waits (a few seconds at most)
     * for the follow to reach the end of the log.
     */
    void remove(String containerId);

    ContainerState inspect(String containerId);

    /**
     * Follows the container's stdout and stderr from its start, one line at a time, until the container stops or
     * the returned handle is closed.
     */
    AutoCloseable followLogs(String containerId, Consumer<LogLine> onLine);

    /**
     * Start, die, oom and health events of this instance's containers, learned from the engine's event stream. A container's
     * oom event always comes before its die event, so a listener can tell an OOM kill at the die event.
     */
    void addListener(ContainerEventListener listener);

    /** Removes every container this instance created, then its volumes (admin reset). Returns how many containers. */
    int removeAll();

    @Override
    void close();

    /** The engine host's CPUs, memory and version (docker info): what an ECS container instance registers. */
    EngineInfo engineInfo();

    // ---- networks, namespaces and stats ----

    /**
     * The user-defined bridge network of that name, made with the spec's subnet and gateway when missing (labelled
     * hangar.managed); an existing one is returned as the engine has it, which the caller checks.
     */
    NetworkSpec ensureNetwork(NetworkSpec spec);

    /** Joins a container (created, or running) to one more user-defined network. */
    void connectNetwork(String containerId, ContainerSpec.NetworkAttachment attachment);

    /**
     * The id of the container Hangar runs in when it has a network namespace of its own on this engine (container
     * mode, not --network host), else null.
     */
    String selfContainerId();

    /**
     * In container mode, joins Hangar's own container to the network (at that address, null = the engine's pick),
     * unless it is on it already, so that Hangar reaches what runs there; false on the host, where nothing is needed.
     */
    boolean connectSelf(String network, String ipv4Address);

    /**
     * The image of namespace-holding containers (entrypoint {@code /pause}: it waits forever), imported by Hangar from
     * a program it writes itself when the engine lacks it: no registry is needed.
     */
    String pauseImage();

    /** What the engine says of a container: image id, times, labels, networks. */
    ContainerDetails details(String containerId);

    /** One reading of the container's resource usage, the engine's stats JSON as it writes it (about a second). */
    String statsJson(String containerId);
    // ---- named volumes ----

    /**
     * Creates a named volume, labelled as this instance's, unless one of that name exists already (which is then
     * left as it is). Returns whether it created it.
     */
    boolean createVolume(VolumeSpec spec);

    boolean volumeExists(String name);

    /** Removes the volume; no error when it is gone. One still in use by a container throws. */
    void removeVolume(String name);
}
