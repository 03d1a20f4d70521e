package dev.hangar.testsupport.junit;

import dev.hangar.runtime.ContainerEvent;
import dev.hangar.runtime.ContainerEventListener;
import dev.hangar.runtime.ContainerHandle;
import dev.hangar.runtime.ContainerDetails;
import dev.hangar.runtime.ContainerRuntime;
import dev.hangar.runtime.ContainerRuntimeException;
import dev.hangar.runtime.ContainerSpec;
import dev.hangar.runtime.ContainerState;
import dev.hangar.runtime.EngineInfo;
import dev.hangar.runtime.HangarLabels;
import dev.hangar.runtime.ImageInfo;
import dev.hangar.runtime.ImageNotFoundException;
import dev.hangar.runtime.ImagePullException;
import dev.hangar.runtime.LogLine;
import dev.hangar.runtime.NetworkSpec;
import dev.hangar.runtime.RuntimeStatus;
import dev.hangar.runtime.VolumeSpec;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A container engine that runs no process: containers are {@link FakeContainer}s that "run" until stopped, or until
 * the test or their {@link Program} makes them print, exit or run out of memory. It reports start, oom and die events
 * on an event thread of its own, in order, as the Docker engine's event stream does (a stop or a forced removal of a
 * running container is a die too: 143 after SIGTERM, 137 after SIGKILL). Published ports get made-up host ports.
 *
 * <p>Tests steer it: images that are missing or fail to pull, creates and starts that fail, an engine that is
 * unavailable, calls that take a while or are held until released. It records each call with the thread that made
 * it. Every method is thread-safe.
 */
public final class FakeContainerRuntime implements ContainerRuntime {

    /** What a container does once started, on a thread of its own; stopping the container interrupts it. */
    @FunctionalInterface
    public interface Program {
        void run(FakeContainer container) throws Exception;

        /** Exits at once with the code. */
        static Program exiting(int code) {
            return c -> c.exit(code);
        }

        /** Prints the lines on stdout, then keeps running. */
        static Program printing(String... lines) {
            return c -> {
                for (String line : lines) {
                    c.print(line);
                }
            };
        }

        default Program then(Program next) {
            return c -> {
                run(c);
                next.run(c);
            };
        }
    }

    /** A container as it was started: its id and what it was created from. */
    public record Started(String id, ContainerSpec spec) {
        /** The port of a "host:port" variable in the container's environment (AWS_LAMBDA_RUNTIME_API ...). */
        public int portIn(String variable) {
            String address = spec.environment().get(variable);
            if (address == null) {
                throw new AssertionError(variable + " not set in " + spec.environment());
            }
            return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
        }
    }

    private static final SecureRandom IDS = new SecureRandom();
    private static final AtomicInteger INSTANCES = new AtomicInteger();
    private static final int FIRST_HOST_PORT = 32768;

    private final String instanceId = "fake-" + INSTANCES.incrementAndGet();
    private final Map<String, FakeContainer> containers = new ConcurrentHashMap<>();
    private final List<ContainerEventListener> listeners = new CopyOnWriteArrayList<>();
    private final BlockingQueue<Started> started = new LinkedBlockingQueue<>();
    private final List<String> callThreads = new CopyOnWriteArrayList<>();
    private final List<String> imageCalls = new CopyOnWriteArrayList<>();
    private final Map<String, ImageInfo> images = new ConcurrentHashMap<>();
    private final EngineFaults faults = new EngineFaults();
    private final Map<Predicate<ContainerSpec>, Program> programs = new LinkedHashMap<>();
    private final Map<String, Future<?>> running = new ConcurrentHashMap<>();
    /** Named volumes, created by this runtime or declared by the test (see {@link #volume}). */
    private final FakeVolumes volumes = new FakeVolumes();
    private final AtomicInteger nextHostPort = new AtomicInteger(FIRST_HOST_PORT);
    private final ExecutorService events = Executors.newSingleThreadExecutor(daemon("fake-engine-events"));
    private final ExecutorService processes = Executors.newCachedThreadPool(daemon("fake-container"));
    private volatile int stopExitCode = 143;

    // ---- steering ----

    /** From now on the engine does not answer: {@link #status()} says why and every call throws. */
    public void unavailable(String detail) {
        faults.unavailable = detail;
    }

    public void available() {
        faults.unavailable = null;
    }

    /** What {@link #inspectImage} answers for the image; others look like AWS's Lambda base images. */
    public void image(String image, ImageInfo info) {
        images.put(image, info);
    }

    /** The image is not present locally: imagePresent says no and inspectImage throws (a pull still succeeds). */
    public void absentImage(String image) {
        faults.absentImages.put(image, image);
    }

    /** Pulls of images starting with the prefix fail with the engine's message; such images are not present. */
    public void failPull(String imagePrefix, String message) {
        faults.pullFailures.put(imagePrefix, message);
    }

    /** Creating containers from images starting with the prefix fails with the engine's message. */
    public void failCreate(String imagePrefix, String message) {
        faults.createFailures.put(imagePrefix, message);
    }

    /** Starting containers from images starting with the prefix fails with the engine's message (a bad command). */
    public void failStart(String imagePrefix, String message) {
        faults.startFailures.put(imagePrefix, message);
    }

    /** Every call of the named method ("ensureImage", "create", "start", "stop", "remove" ...) takes this long. */
    public void delay(String call, Duration duration) {
        faults.delays.put(call, duration);
    }

    /** Containers whose spec matches run the program once started, instead of running until stopped. */
    public void program(Predicate<ContainerSpec> which, Program program) {
        synchronized (programs) {
            programs.put(which, program);
        }
    }

    /** Containers of the image run the program once started. */
    public void program(String image, Program program) {
        program(spec -> image.equals(spec.image()), program);
    }

    /** The exit code a stop leaves: 143 (SIGTERM, under an init process) unless said otherwise. */
    public void stopExitCode(int code) {
        stopExitCode = code;
    }

    /** The next pull of {@code image} blocks until the returned latch is released (at most 30 s), as a slow pull. */
    public CountDownLatch holdPull(String image) {
        CountDownLatch hold = new CountDownLatch(1);
        faults.pullHolds.put(image, hold);
        return hold;
    }

    /** Images whose held pull has begun (see {@link #holdPull}), in order. */
    public BlockingQueue<String> pullsHeld() {
        return faults.pullsHeld;
    }

    /**
     * The next removal of container {@code id} waits until the returned latch is released (at most 10 s), as a real
     * removal waits for the container's output still on its way to be read.
     */
    public CountDownLatch holdRemoval(String id) {
        CountDownLatch hold = new CountDownLatch(1);
        faults.removalHolds.put(id, hold);
        return hold;
    }

    // ---- what the test sees ----

    /** Containers started, in order; {@link #awaitStart} takes from it. */
    public BlockingQueue<Started> started() {
        return started;
    }

    /** The next container started, within 10 s. */
    public Started awaitStart() throws InterruptedException {
        Started s = started.poll(10, TimeUnit.SECONDS);
        if (s == null) {
            throw new AssertionError("no container started within 10 s");
        }
        return s;
    }

    /** Every engine call as "call@thread name", in order. */
    public List<String> callThreads() {
        return callThreads;
    }

    /** Image calls in order: "ensure &lt;image&gt;" and "inspect &lt;image&gt;". */
    public List<String> imageCalls() {
        return imageCalls;
    }

    /** @throws AssertionError when the runtime never created it */
    public FakeContainer container(String id) {
        FakeContainer c = containers.get(id);
        if (c == null) {
            throw new AssertionError("no container " + id + " was created");
        }
        return c;
    }

    /** Every container created, removed ones too. */
    public List<FakeContainer> containers() {
        return List.copyOf(containers.values());
    }

    /** Containers not removed yet. */
    public List<FakeContainer> present() {
        return containers.values().stream().filter(c -> c.status() != ContainerState.Status.GONE).toList();
    }

    /** The container's program prints a line, stamped by the engine at {@code at}. */
    public void print(String id, String text, Instant at) {
        container(id).print(LogLine.Stream.STDOUT, text, at);
    }

    /** The container's process exits with the code. */
    public void die(String id, int exitCode) {
        container(id).exit(exitCode);
    }

    /** The container is killed for memory: oom, then die with 137. */
    public void oom(String id) {
        container(id).oom();
    }

    /** The container's health check moved to that status: the engine's health_status event. */
    public void health(String id, ContainerEvent.Health status) {
        FakeContainer c = container(id);
        ContainerEvent event = new ContainerEvent(c.id(), ContainerEvent.Type.HEALTH, null, c.labels(), Instant.now(),
                status);
        events.execute(() -> listeners.forEach(l -> l.onEvent(event)));
    }

    /** A volume that exists on the engine, as one a user created before (it is not this instance's). */
    public void volume(String name) {
        volumes.declare(name);
    }

    /** The named volumes present now, by name. */
    public Map<String, VolumeSpec> volumes() {
        return volumes.snapshot();
    }

    public boolean removed(String id) {
        FakeContainer c = containers.get(id);
        return c != null && c.status() == ContainerState.Status.GONE;
    }

    // ---- ContainerRuntime ----

    @Override
    public RuntimeStatus status() {
        String why = faults.unavailable;
        return why != null ? new RuntimeStatus(false, null, why) : new RuntimeStatus(true, "fake", "fake engine");
    }

    @Override
    public String instanceId() {
        return instanceId;
    }

    @Override
    public boolean imagePresent(String image) {
        called("imagePresent");
        return faults.present(image);
    }

    @Override
    public void ensureImage(String image) {
        called("ensureImage");
        imageCalls.add("ensure " + image);
        faults.pulling(image);
        String failure = EngineFaults.prefixed(faults.pullFailures, image);
        if (failure != null) {
            throw new ImagePullException(failure, null);
        }
        faults.absentImages.remove(image);
    }

    @Override
    public ImageInfo inspectImage(String image) {
        called("inspectImage");
        imageCalls.add("inspect " + image);
        if (!imagePresent(image)) {
            throw new ImageNotFoundException("No such image: " + image, null);
        }
        ImageInfo info = images.get(image);
        return info != null ? info : new ImageInfo("sha256:fake", List.of("/lambda-entrypoint.sh"), List.of(),
                Map.of(), "/var/task", null);
    }

    @Override
    public ContainerHandle create(ContainerSpec spec) {
        called("create");
        String failure = EngineFaults.prefixed(faults.createFailures, spec.image());
        if (failure != null) {
            throw new ContainerRuntimeException(failure);
        }
        byte[] bytes = new byte[32];
        IDS.nextBytes(bytes);
        String id = HexFormat.of().formatHex(bytes);
        Map<String, String> labels = new LinkedHashMap<>(spec.labels());
        labels.put(HangarLabels.MANAGED, "true");
        labels.put(HangarLabels.INSTANCE, instanceId);
        containers.put(id, new FakeContainer(this, id, spec, labels));
        return new ContainerHandle(id, spec.name());
    }

    @Override
    public void start(String containerId) {
        called("start");
        FakeContainer c = known(containerId);
        String failure = EngineFaults.prefixed(faults.startFailures, c.spec().image());
        if (failure != null) {
            throw new ContainerRuntimeException(failure);
        }
        if (!c.start(publish(c.spec()), Instant.now())) {
            return;
        }
        started.add(new Started(c.id(), c.spec()));
        emit(c, ContainerEvent.Type.START, null);
        Program program = programFor(c.spec());
        if (program != null) {
            running.put(c.id(), processes.submit(() -> {
                try {
                    program.run(c);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (Exception e) {
                    c.print(LogLine.Stream.STDERR, e.toString(), Instant.now());
                    c.exit(1);
                }
                return null;
            }));
        }
    }

    @Override
    public void stop(String containerId, Duration grace) {
        called("stop");
        FakeContainer c = containers.get(containerId);
        if (c != null) {
            ended(c, stopExitCode, false);
        }
    }

    @Override
    public void remove(String containerId) {
        called("remove");
        faults.removing(containerId);
        FakeContainer c = containers.get(containerId);
        if (c != null) {
            ended(c, 137, false);
            c.gone();
        }
    }

    @Override
    public ContainerState inspect(String containerId) {
        called("inspect");
        FakeContainer c = containers.get(containerId);
        return c != null ? c.state()
                : new ContainerState(containerId, ContainerState.Status.GONE, null, false, null, null, List.of(), null);
    }

    @Override
    public AutoCloseable followLogs(String containerId, Consumer<LogLine> onLine) {
        called("followLogs");
        FakeContainer c = known(containerId);
        Consumer<LogLine> follow = onLine::accept;
        c.follow(follow);
        return () -> {
            called("closeLogFollow");
            c.unfollow(follow);
        };
    }

    @Override
    public void addListener(ContainerEventListener listener) {
        listeners.add(listener);
    }

    @Override
    public int removeAll() {
        int removed = 0;
        for (FakeContainer c : present()) {
            remove(c.id());
            removed++;
        }
        // the volumes this runtime created go; the test's own (volume(name)), like a user's, stay
        volumes.removeCreated();
        return removed;
    }

    @Override
    public boolean createVolume(VolumeSpec spec) {
        called("createVolume");
        return volumes.create(spec);
    }

    @Override
    public boolean volumeExists(String name) {
        called("volumeExists");
        return volumes.exists(name);
    }

    @Override
    public void removeVolume(String name) {
        called("removeVolume");
        volumes.remove(name);
    }

    @Override
    public void close() {
        processes.shutdownNow();
        events.shutdown();
    }

    // ---- inside ----

    /** The process ended (exit, oom, stop, forced removal): report it once, as the engine would. */
    void ended(FakeContainer c, int code, boolean oom) {
        if (!c.end(code, oom, Instant.now())) {
            return;
        }
        Future<?> process = running.remove(c.id());
        if (process != null) {
            process.cancel(true);
        }
        if (oom) {
            emit(c, ContainerEvent.Type.OOM, null);
        }
        emit(c, ContainerEvent.Type.DIE, code);
    }

    private void emit(FakeContainer c, ContainerEvent.Type type, Integer exitCode) {
        ContainerEvent event = new ContainerEvent(c.id(), type, exitCode, c.labels(), Instant.now());
        events.execute(() -> listeners.forEach(l -> l.onEvent(event)));
    }

    private List<ContainerSpec.PortMapping> publish(ContainerSpec spec) {
        List<ContainerSpec.PortMapping> out = new ArrayList<>();
        for (ContainerSpec.PortMapping p : spec.ports()) {
            int hostPort = p.hostPort() != 0 ? p.hostPort() : nextHostPort.getAndIncrement();
            out.add(new ContainerSpec.PortMapping(p.containerPort(), hostPort, p.protocol() == null ? "tcp"
                    : p.protocol(), p.hostIp() == null ? "127.0.0.1" : p.hostIp()));
        }
        return out;
    }

    private Program programFor(ContainerSpec spec) {
        synchronized (programs) {
            for (Map.Entry<Predicate<ContainerSpec>, Program> e : programs.entrySet()) {
                if (e.getKey().test(spec)) {
                    return e.getValue();
                }
            }
        }
        return null;
    }

    private FakeContainer known(String id) {
        FakeContainer c = containers.get(id);
        if (c == null || c.status() == ContainerState.Status.GONE) {
            throw new ContainerRuntimeException("No such container: " + id);
        }
        return c;
    }

    /** Records the call, fails it when the engine is unavailable, and makes it take its time. */
    private void called(String call) {
        callThreads.add(call + "@" + Thread.currentThread().getName());
        faults.enter(call);
    }

    private static java.util.concurrent.ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    // ---- engine info ----

    /** What the fake host offers when a test says nothing: 2 CPUs and 4 GiB, as a small machine. */
    public static final EngineInfo DEFAULT_ENGINE_INFO = new EngineInfo(2, 4096L * 1024 * 1024, "fake", "Fake OS",
            "linux", "x86_64");

    private volatile EngineInfo engineInfo = DEFAULT_ENGINE_INFO;

    /** From now on {@link #engineInfo()} answers this host (CPUs, memory). */
    public void engineInfo(EngineInfo info) {
        this.engineInfo = info;
    }

    @Override
    public EngineInfo engineInfo() {
        called("engineInfo");
        return engineInfo;
    }

    // ---- networks, namespaces and stats ----

    private final Map<String, NetworkSpec> networks = new ConcurrentHashMap<>();
    private final List<String> connections = new CopyOnWriteArrayList<>();

    /** The networks made so far, by name. */
    public Map<String, NetworkSpec> networks() {
        return Map.copyOf(networks);
    }

    /** Every join made after create: "containerId network ipv4Address". */
    public List<String> connections() {
        return List.copyOf(connections);
    }

    @Override
    public NetworkSpec ensureNetwork(NetworkSpec spec) {
        called("ensureNetwork");
        return networks.computeIfAbsent(spec.name(), name -> spec);
    }

    @Override
    public void connectNetwork(String containerId, ContainerSpec.NetworkAttachment attachment) {
        called("connectNetwork");
        known(containerId);
        if (!networks.containsKey(attachment.network())) {
            throw new ContainerRuntimeException("network " + attachment.network() + " not found");
        }
        connections.add(containerId + " " + attachment.network() + " " + attachment.ipv4Address());
    }

    @Override
    public String selfContainerId() {
        return null;
    }

    @Override
    public boolean connectSelf(String network, String ipv4Address) {
        return false;
    }

    @Override
    public String pauseImage() {
        called("pauseImage");
        return "hangar/pause:fake";
    }

    @Override
    public ContainerDetails details(String containerId) {
        called("details");
        FakeContainer c = known(containerId);
        ContainerState state = c.state();
        Map<String, ContainerDetails.Endpoint> endpoints = new LinkedHashMap<>();
        String mode = c.spec().networkMode();
        if (mode != null && networks.containsKey(mode)) {
            endpoints.put(mode, new ContainerDetails.Endpoint(c.spec().ipv4Address(), 16, null, null));
        }
        for (ContainerSpec.NetworkAttachment a : c.spec().moreNetworks()) {
            endpoints.put(a.network(), new ContainerDetails.Endpoint(a.ipv4Address(), 24, null, null));
        }
        return new ContainerDetails(c.id(), c.spec().name(), c.spec().image(), "sha256:fake",
                state.startedAt() != null ? state.startedAt() : Instant.now(), state.startedAt(), state.finishedAt(),
                c.labels(), mode, endpoints, 0);
    }

    @Override
    public String statsJson(String containerId) {
        called("statsJson");
        FakeContainer c = known(containerId);
        String now = Instant.now().toString();
        return "{\"read\":\"" + now + "\",\"preread\":\"" + now + "\",\"id\":\"" + c.id() + "\",\"name\":\"/"
                + c.spec().name() + "\",\"num_procs\":0,\"pids_stats\":{\"current\":1},"
                + "\"cpu_stats\":{\"cpu_usage\":{\"total_usage\":0},\"system_cpu_usage\":0,\"online_cpus\":1},"
                + "\"precpu_stats\":{\"cpu_usage\":{\"total_usage\":0},\"system_cpu_usage\":0,\"online_cpus\":1},"
                + "\"memory_stats\":{\"usage\":0,\"limit\":" + (c.spec().memoryBytes() == null ? 0 : c.spec().memoryBytes())
                + "},\"networks\":{\"eth0\":{\"rx_bytes\":0,\"rx_packets\":0,\"tx_bytes\":0,\"tx_packets\":0}}}";
    }
}
