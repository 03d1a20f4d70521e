package dev.hangar.lambda.invoke;

import dev.hangar.runtime.ContainerEvent;
import dev.hangar.runtime.ContainerEventListener;
import dev.hangar.runtime.ContainerHandle;
import dev.hangar.runtime.ContainerRuntime;
import dev.hangar.runtime.ContainerSpec;
import dev.hangar.runtime.ContainerState;
import dev.hangar.runtime.ImageInfo;
import dev.hangar.runtime.LogLine;
import dev.hangar.runtime.RuntimeStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A container engine that runs nothing: the test plays the runtime inside the "container" by calling the Runtime
 * API itself, writes its log lines, and ends it with a die event. Lets the protocol and the races be tested exactly.
 */
final class FakeContainerRuntime implements ContainerRuntime {

    record Started(String id, ContainerSpec spec) {
        int runtimeApiPort() {
            String address = spec.environment().get("AWS_LAMBDA_RUNTIME_API");
            return Integer.parseInt(address.substring(address.indexOf(':') + 1));
        }
    }

    private final AtomicInteger ids = new AtomicInteger();
    private final List<ContainerEventListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, Consumer<LogLine>> logConsumers = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> removalHolds = new ConcurrentHashMap<>();
    final BlockingQueue<Started> started = new LinkedBlockingQueue<>();
    final Map<String, ContainerState.Status> status = new ConcurrentHashMap<>();
    /** What inspectImage answers per image; others look like AWS's base images, with a runtime client entrypoint. */
    final Map<String, ImageInfo> images = new ConcurrentHashMap<>();
    /** Image calls in order: "ensure &lt;image&gt;" and "inspect &lt;image&gt;". */
    final List<String> imageCalls = new CopyOnWriteArrayList<>();
    /** Every engine call as "call@thread name", in order. */
    final List<String> callThreads = new CopyOnWriteArrayList<>();
    private final Map<String, CountDownLatch> pullHolds = new ConcurrentHashMap<>();
    /** Images whose held pull has begun (see {@link #holdPull}). */
    final BlockingQueue<String> pullsHeld = new LinkedBlockingQueue<>();

    /** The next pull of {@code image} blocks until the returned latch is released (at most 30 s), as a slow pull. */
    CountDownLatch holdPull(String image) {
        CountDownLatch hold = new CountDownLatch(1);
        pullHolds.put(image, hold);
        return hold;
    }

    private void called(String call) {
        callThreads.add(call + "@" + Thread.currentThread().getName());
    }

    Started awaitStart() throws InterruptedException {
        Started s = started.poll(10, TimeUnit.SECONDS);
        if (s == null) {
            throw new AssertionError("no container started within 10 s");
        }
        return s;
    }

    /** The runtime in container {@code id} prints a line, stamped by the engine at {@code at}. */
    void print(String id, String text, Instant at) {
        Consumer<LogLine> consumer = logConsumers.get(id);
        if (consumer != null) {
            consumer.accept(new LogLine(id, LogLine.Stream.STDOUT, text, at));
        }
    }

    void die(String id, int exitCode) {
        status.put(id, ContainerState.Status.EXITED);
        ContainerEvent event = new ContainerEvent(id, ContainerEvent.Type.DIE, exitCode, Map.of(), Instant.now());
        listeners.forEach(l -> l.onEvent(event));
    }

    boolean removed(String id) {
        return status.get(id) == ContainerState.Status.GONE;
    }

    @Override
    public RuntimeStatus status() {
        return new RuntimeStatus(true, "fake", "fake engine");
    }

    @Override
    public String instanceId() {
        return "fake";
    }

    @Override
    public boolean imagePresent(String image) {
        return true;
    }

    @Override
    public void ensureImage(String image) {
        called("ensureImage");
        imageCalls.add("ensure " + image);
        CountDownLatch hold = pullHolds.remove(image);
        if (hold != null) {
            pullsHeld.add(image);
            await(hold, 30);
        }
    }

    @Override
    public ImageInfo inspectImage(String image) {
        called("inspectImage");
        imageCalls.add("inspect " + image);
        ImageInfo info = images.get(image);
        return info != null ? info : new ImageInfo("sha256:fake", List.of("/lambda-entrypoint.sh"), List.of(),
                Map.of(), "/var/task", null);
    }

    @Override
    public ContainerHandle create(ContainerSpec spec) {
        called("create");
        String id = "fake" + ids.incrementAndGet();
        status.put(id, ContainerState.Status.CREATED);
        pending.put(id, spec);
        return new ContainerHandle(id, spec.name());
    }

    private final Map<String, ContainerSpec> pending = new ConcurrentHashMap<>();

    @Override
    public void start(String containerId) {
        called("start");
        status.put(containerId, ContainerState.Status.RUNNING);
        started.add(new Started(containerId, pending.remove(containerId)));
    }

    @Override
    public void stop(String containerId, Duration grace) {
        called("stop");
        status.put(containerId, ContainerState.Status.EXITED);
    }

    /**
     * The next removal of container {@code id} waits until the returned latch is released (at most 10 s), as a real
     * removal waits for the container's output still on its way to be read.
     */
    CountDownLatch holdRemoval(String id) {
        CountDownLatch hold = new CountDownLatch(1);
        removalHolds.put(id, hold);
        return hold;
    }

    @Override
    public void remove(String containerId) {
        called("remove");
        CountDownLatch hold = removalHolds.remove(containerId);
        if (hold != null) {
            await(hold, 10);
        }
        status.put(containerId, ContainerState.Status.GONE);
        logConsumers.remove(containerId);
    }

    @Override
    public ContainerState inspect(String containerId) {
        return new ContainerState(containerId, status.getOrDefault(containerId, ContainerState.Status.GONE), null,
                false, null, null, List.of(), null);
    }

    @Override
    public AutoCloseable followLogs(String containerId, Consumer<LogLine> onLine) {
        called("followLogs");
        logConsumers.put(containerId, onLine);
        return () -> {
            called("closeLogFollow");
            logConsumers.remove(containerId);
        };
    }

    private static void await(CountDownLatch latch, int seconds) {
        try {
            latch.await(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void addListener(ContainerEventListener listener) {
        listeners.add(listener);
    }

    @Override
    public int removeAll() {
        return 0;
    }

    @Override
    public void close() {
    }
}
