package dev.hangar.server;

import dev.hangar.runtime.ContainerEventListener;
import dev.hangar.runtime.ContainerHandle;
import dev.hangar.runtime.ContainerRuntime;
import dev.hangar.runtime.ContainerSpec;
import dev.hangar.runtime.ContainerState;
import dev.hangar.runtime.DockerContainerRuntime;
import dev.hangar.runtime.ImageInfo;
import dev.hangar.runtime.LogLine;
import dev.hangar.runtime.RuntimeStatus;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The Docker runtime, connecting on a thread of its own while the server binds: setting up docker-java and probing
 * the engine costs more than the rest of a start. Until connected, {@link #status()} says so and listeners are kept
 * to be added on connect; every engine call waits for the connection (engine calls run on worker threads, never on
 * an event loop), and then behaves exactly as {@link DockerContainerRuntime}'s.
 */
final class ConnectingRuntime implements ContainerRuntime {

    private final String instanceId;
    private final CompletableFuture<DockerContainerRuntime> connection;

    private ConnectingRuntime(String instanceId, CompletableFuture<DockerContainerRuntime> connection) {
        this.instanceId = instanceId;
        this.connection = connection;
    }

    /** Starts connecting at once on a daemon thread. */
    static ConnectingRuntime connect(String instanceId) {
        CompletableFuture<DockerContainerRuntime> connection = new CompletableFuture<>();
        Thread connecting = new Thread(() -> {
            try {
                connection.complete(DockerContainerRuntime.connect(instanceId));
            } catch (Throwable t) {
                connection.completeExceptionally(t);
            }
        }, "hangar-docker-connect");
        connecting.setDaemon(true);
        connecting.start();
        return new ConnectingRuntime(instanceId, connection);
    }

    /** The connected runtime, waiting for the connection when it is still being made. */
    DockerContainerRuntime docker() {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return connection.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("Docker runtime could not be set up", e.getCause());
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

    @Override
    public RuntimeStatus status() {
        DockerContainerRuntime runtime = connection.getNow(null);
        if (runtime != null) {
            return runtime.status();
        }
        if (connection.isCompletedExceptionally()) {
            return new RuntimeStatus(false, null, "Docker runtime could not be set up");
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

    @Override
    public int removeAll() {
        return docker().removeAll();
    }

    @Override
    public void close() {
        docker().close();
    }
}
