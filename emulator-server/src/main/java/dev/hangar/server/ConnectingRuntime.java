package dev.hangar.server;

import dev.hangar.runtime.ContainerDetails;
import dev.hangar.runtime.ContainerEventListener;
import dev.hangar.runtime.ContainerHandle;
import dev.hangar.runtime.ContainerRuntime;
import dev.hangar.runtime.ContainerSpec;
import dev.hangar.runtime.ContainerState;
import dev.hangar.runtime.DockerContainerRuntime;
import dev.hangar.runtime.EngineInfo;
import dev.hangar.runtime.ImageInfo;
import dev.hangar.runtime.LogLine;
import dev.hangar.runtime.NetworkSpec;
import dev.hangar.runtime.RuntimeStatus;
import dev.hangar.runtime.RuntimeUnavailableException;
import dev.hangar.runtime.SelfContainer;
import dev.hangar.runtime.VolumeSpec;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The Docker runtime, connected off the start path: setting up docker-java and probing the engine loads ~750
 * classes (httpclient5, docker-java, Guava, Jackson databind) and costs more CPU than the rest of a start, which on a
 * small machine competes with answering the first request. So the connection is made on a thread of its own
 * {@link #CONNECT_DELAY} after the server listens, or at once on first use (an engine call, or health asking for the
 * runtime's state). Engine calls wait for the connection (they run on worker threads, never on an event loop) and then behave
 * exactly as {@link DockerContainerRuntime}'s; listeners are kept to be added on connect.
 */
final class ConnectingRuntime implements ContainerRuntime {

    /**
     * Counted from when the server listens: long enough for a start to answer its first requests before the
     * connection competes with it for the CPU, short enough that orphans are reaped soon after start.
     */
    static final Duration CONNECT_DELAY = Duration.ofSeconds(1);

    private final String instanceId;
    private final CompletableFuture<DockerContainerRuntime> connection = new CompletableFuture<>();
    /** Counted down to connect before the delay is up. */
    private final CountDownLatch wakeUp = new CountDownLatch(1);
    /** Guarded by this: the connector once started; whether it has begun to connect; whether close came first. */
    private Thread connector;
    private boolean connecting;
    private boolean closed;

    /** Not connecting yet: {@link #connectAfter} or first use starts it. */
    ConnectingRuntime(String instanceId) {
        this.instanceId = instanceId;
    }

    /** Connects on a daemon thread after {@code delay}, or earlier on first use. */
    synchronized void connectAfter(Duration delay) {
        if (connector != null || closed) {
            return;
        }
        connector = new Thread(() -> {
            try {
                wakeUp.await(delay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                // no one interrupts this thread; connect as if the delay were up
            }
            if (!beginConnecting()) {
                return;
            }
            try {
                connection.complete(DockerContainerRuntime.connect(instanceId));
            } catch (Throwable t) {
                connection.completeExceptionally(t);
            }
        }, "hangar-docker-connect");
        connector.setDaemon(true);
        connector.start();
    }

    /** Starts connecting now, not waiting for the rest of the delay. */
    void connectNow() {
        connectAfter(Duration.ZERO);
        wakeUp.countDown();
    }

    private synchronized boolean beginConnecting() {
        connecting = !closed;
        return connecting;
    }

    /** Whether connecting has begun or been asked for; false means no engine call has been made yet. */
    private synchronized boolean connectionStarted() {
        return connecting || (wakeUp.getCount() == 0 && !closed);
    }

    /** The connected runtime, connecting now and waiting for the connection when it is not made yet. */
    DockerContainerRuntime docker() {
        connectNow();
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return connection.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("Docker runtime could not be set up", e.getCause());
                } catch (CancellationException e) {
                    throw new RuntimeUnavailableException("Hangar is shutting down: the Docker engine was not connected");
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Runs when connected (at once when it is). */
    void whenConnected(Consumer<DockerContainerRuntime> action) {
        connection.thenAccept(action);
    }

    /**
     * The engine's state as a launch needs it: connects and waits for the connection first, so that a task started
     * in the first second after start is not failed for an engine that is merely not connected yet.
     */
    @Override
    public RuntimeStatus status() {
        try {
            return docker().status();
        } catch (IllegalStateException e) {
            return new RuntimeStatus(false, null, "Docker runtime could not be set up");
        }
    }

    /** The container Hangar runs in (container mode), once connected; null before, or on the engine's host. */
    SelfContainer self() {
        DockerContainerRuntime runtime = connection.getNow(null);
        return runtime == null ? null : runtime.self();
    }

    /** The engine's state without waiting (for health): "connecting" until connected; asking starts connecting. */
    RuntimeStatus statusNow() {
        connectNow();
        if (connection.isCancelled()) {
            return new RuntimeStatus(false, null, "closed before connecting to the Docker engine");
        }
        if (connection.isCompletedExceptionally()) {
            return new RuntimeStatus(false, null, "Docker runtime could not be set up");
        }
        DockerContainerRuntime runtime = connection.getNow(null);
        if (runtime != null) {
            return runtime.status();
        }
        return new RuntimeStatus(false, null, "connecting to the Docker engine");
    }

    @Override
    public String instanceId() {
        return instanceId;
    }

    @Override
    public boolean imagePresent(String image) {
        return docker().imagePresent(image);
    }

    @Override
    public void ensureImage(String image) {
        docker().ensureImage(image);
    }

    @Override
    public ImageInfo inspectImage(String image) {
        return docker().inspectImage(image);
    }

    @Override
    public ContainerHandle create(ContainerSpec spec) {
        return docker().create(spec);
    }

    @Override
    public void start(String containerId) {
        docker().start(containerId);
    }

    @Override
    public void stop(String containerId, Duration grace) {
        docker().stop(containerId, grace);
    }

    @Override
    public void remove(String containerId) {
        docker().remove(containerId);
    }

    @Override
    public ContainerState inspect(String containerId) {
        return docker().inspect(containerId);
    }

    @Override
    public AutoCloseable followLogs(String containerId, Consumer<LogLine> onLine) {
        return docker().followLogs(containerId, onLine);
    }

    /** Services add their listeners while being wired, before the engine is connected: added on connect. */
    @Override
    public void addListener(ContainerEventListener listener) {
        connection.thenAccept(runtime -> runtime.addListener(listener));
    }

    /** Never connected: no engine call was made, so this instance has no containers to remove. */
    @Override
    public int removeAll() {
        return connectionStarted() ? docker().removeAll() : 0;
    }

    @Override
    public boolean createVolume(VolumeSpec spec) {
        return docker().createVolume(spec);
    }

    @Override
    public boolean volumeExists(String name) {
        return docker().volumeExists(name);
    }

    @Override
    public void removeVolume(String name) {
        docker().removeVolume(name);
    }

    @Override
    public void close() {
        synchronized (this) {
            if (!connecting) {
                // the connector is still waiting for its delay: connecting now only to close would be waste
                closed = true;
                connection.cancel(false);
                connectNow();
                return;
            }
        }
        docker().close();
    }

    @Override
    public EngineInfo engineInfo() {
        return docker().engineInfo();
    }

    @Override
    public NetworkSpec ensureNetwork(NetworkSpec spec) {
        return docker().ensureNetwork(spec);
    }

    @Override
    public void connectNetwork(String containerId, ContainerSpec.NetworkAttachment attachment) {
        docker().connectNetwork(containerId, attachment);
    }

    @Override
    public String selfContainerId() {
        return docker().selfContainerId();
    }

    @Override
    public boolean connectSelf(String network, String ipv4Address) {
        return docker().connectSelf(network, ipv4Address);
    }

    @Override
    public String pauseImage() {
        return docker().pauseImage();
    }

    @Override
    public ContainerDetails details(String containerId) {
        return docker().details(containerId);
    }

    @Override
    public String statsJson(String containerId) {
        return docker().statsJson(containerId);
    }
}
