package dev.hangar.core.http;

import dev.hangar.core.admin.AdminHandler;
import dev.hangar.core.admin.RuntimeAdmin;
import dev.hangar.core.dataplane.DataPlaneRoute;
import dev.hangar.core.dataplane.DataPlaneRouter;
import dev.hangar.core.port.Accounts;
import dev.hangar.core.port.CredentialsPort;
import dev.hangar.core.port.LocalCredentials;
import dev.hangar.core.port.Ports;
import dev.hangar.core.routing.ServiceResolver;
import dev.hangar.core.service.AwsService;
import dev.hangar.core.service.BoundService;
import dev.hangar.core.service.ServiceCalls;
import dev.hangar.core.service.ServiceContext;
import dev.hangar.core.service.ServiceDescriptor;
import dev.hangar.core.service.ServiceFactory;
import dev.hangar.core.state.TemporaryDirectory;
import dev.hangar.core.time.HangarClock;
import dev.hangar.core.time.ScaledClock;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Hangar's HTTP/1.1 endpoint: one Netty server in front of every emulated service, the data-plane endpoints and the
 * admin endpoints. It makes, in this order, what every service shares (listeners, clock, executors, ports, the
 * in-process client, the data-plane router), then the services from their factories, then its own listener.
 */
public final class HangarServer implements AutoCloseable {

    /** The largest AWS request Hangar accepts: Lambda's CreateFunction limit. */
    public static final int DEFAULT_MAX_REQUEST_BYTES = 70_167_211;
    /** How long a close lets the pools it owns finish their work (teardown of environments and tasks). */
    private static final long DRAIN_SECONDS = 3;

    private final Builder config;
    private final List<BoundService> services = new ArrayList<>();
    private Listeners listeners;
    private ScaledClock ownClock;
    /** A clock of the server's own whose only use is its real-time timer threads (a caller's clock was given). */
    private ScaledClock ownTimers;
    private HangarClock clock;
    private ExecutorService workers;
    private ExecutorService engine;
    private Ports ports;
    private Accounts accounts;
    private ServiceCalls calls;
    private DataPlaneRouter dataPlane;
    private ServiceContext context;
    private volatile Listener listener;
    /** The data directory the server made itself, removed at close. */
    private Path ownDataDirectory;

    private HangarServer(Builder config) {
        this.config = config;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Loads the network transport ahead of {@link #start}: the epoll native library (extracted from the jar to a
     * temporary file, whose random name sets up the JDK's SecureRandom), the event loop classes and the buffer
     * allocator. A start calls it on a thread of its own while the main thread sets up logging and the services, so
     * that the two overlap on a machine with more than one core; {@link #start} does the same work itself without it.
     */
    public static void prepareTransport() {
        if (Epoll.isAvailable()) {
            EpollIoHandler.newFactory();
        }
        ByteBufAllocator.DEFAULT.directBuffer(1).release();
    }

    /**
     * @throws IllegalStateException when the address cannot be bound, or a service cannot be made
     */
    public HangarServer start() {
        Instant startedAt = Instant.now();
        listeners = new Listeners(config.eventLoopThreads, config.maxRequestBytes);
        try {
            startServices(startedAt);
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
        return this;
    }

    private void startServices(Instant startedAt) {
        if (config.clock != null) {
            clock = config.clock;
        } else {
            ownClock = ScaledClock.scaled(config.timeScale);
            clock = ownClock;
        }
        ScheduledExecutorService realTimeTimers = config.realTimeTimers;
        if (realTimeTimers == null) {
            if (ownClock == null) {
                ownTimers = ScaledClock.system();
            }
            realTimeTimers = (ownClock != null ? ownClock : ownTimers).realTimeTimers();
        }
        workers = config.workers != null ? config.workers : WorkerPool.create("hangar-worker", config.workerThreads);
        engine = config.engine != null ? config.engine : WorkerPool.create("hangar-engine", config.engineThreads);
        ports = new Ports();
        config.ports.forEach((type, implementation) -> provideUnchecked(type, implementation));
        accounts = new Accounts(config.defaultAccount);
        calls = new ServiceCalls(clock, workers);
        dataPlane = new DataPlaneRouter();
        config.routes.forEach(dataPlane::add);
        Path dataDirectory = config.dataDirectory;
        if (dataDirectory == null) {
            try {
                ownDataDirectory = TemporaryDirectory.create("hangar-");
            } catch (java.io.IOException e) {
                throw new IllegalStateException("cannot make a data directory under "
                        + System.getProperty("java.io.tmpdir") + ": " + e.getMessage(), e);
            }
            dataDirectory = ownDataDirectory;
        }
        context = new ServiceContext(config.defaultRegion, clock, realTimeTimers, workers, engine,
                ports, accounts, calls, dataPlane, listeners, this::endpoint, dataDirectory,
                Map.copyOf(config.environment));
        List<ServiceResolver.Route<BoundService>> routes = new ArrayList<>();
        for (ServiceFactory factory : config.services) {
            AwsService service = factory.create(context);
            BoundService bound = new BoundService(service);
            services.add(bound);
            ServiceDescriptor d = service.descriptor();
            routes.add(new ServiceResolver.Route<>(bound, d.signingName(), d.targetPrefix(), d.pathPrefixes(),
                    d.apiVersion(), operation -> bound.model().operation(operation) != null));
        }
        if (ports.find(CredentialsPort.class).isEmpty()) {
            ports.provide(CredentialsPort.class, new LocalCredentials(accounts, clock));
        }
        calls.bind(services);
        List<String> planned = new ArrayList<>(config.plannedServices);
        services.stream().map(BoundService::name).filter(n -> !planned.contains(n)).forEach(planned::add);
        AdminHandler admin = new AdminHandler(config.version, startedAt, services, planned, config.runtime, workers);
        RequestPipeline pipeline = new RequestPipeline(new ServiceResolver<>(routes), admin, dataPlane, workers,
                accounts, config.defaultRegion, clock);
        listeners.api(pipeline::handle);
        listener = listeners.open(config.host, config.port, pipeline::handle);
    }

    @SuppressWarnings("unchecked")
    private <T> void provideUnchecked(Class<T> type, Object implementation) {
        ports.provide(type, (T) implementation);
    }

    /**
     * An extra HTTP listener on the server's event loops, for an endpoint that must have an address of its own.
     * Close it when done.
     */
    public Listener listen(String host, int port, HttpHandler handler) {
        return listeners.open(host, port, handler);
    }

    /**
     * An extra listener of one data-plane route's own, on the server's event loops: see
     * {@link Listeners#open(String, int, DataPlaneRoute)}. Close it when done.
     */
    public Listener listen(String host, int port, DataPlaneRoute route) {
        return listeners.open(host, port, route);
    }

    public int port() {
        return listener.port();
    }

    public String host() {
        return listener.host();
    }

    /** The API endpoint; null until the server listens. */
    public URI endpoint() {
        Listener l = listener;
        return l == null ? null : l.endpoint();
    }

    public List<BoundService> services() {
        return List.copyOf(services);
    }

    /** The worker pool handlers that may block run on; services may share it for their background work. */
    public ExecutorService workers() {
        return workers;
    }

    public ExecutorService engine() {
        return engine;
    }

    public HangarClock clock() {
        return clock;
    }

    public Ports ports() {
        return ports;
    }

    /** Which account each access key id belongs to. */
    public Accounts accounts() {
        return accounts;
    }

    /** The in-process client: other services' handlers called with SDK request objects. */
    public ServiceCalls calls() {
        return calls;
    }

    public DataPlaneRouter dataPlane() {
        return dataPlane;
    }

    /**
     * What every service was made with, once started: tests make parts of a service on it (Lambda's invocation side
     * without its control plane) exactly as the service's own constructor would.
     */
    public ServiceContext context() {
        return context;
    }

    /**
     * Stops in the order the parts depend on each other: the services end their background work (which may still
     * need the pools and the event loops: a Lambda environment closes its Runtime API listener on a worker), the API
     * listener stops taking requests, the pools the server owns finish what was handed to them (at most a few
     * seconds), then the event loops, the timers and the data directory go.
     */
    @Override
    public void close() {
        for (BoundService service : services) {
            try {
                service.service().close();
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(HangarServer.class).warn("{} did not close cleanly: {}",
                        service.name(), e.toString());
            }
        }
        if (listener != null) {
            listener.close();
        }
        if (config.workers == null) {
            drain(workers);
        }
        if (config.engine == null) {
            drain(engine);
        }
        if (listeners != null) {
            listeners.close();
        }
        if (ownClock != null) {
            ownClock.close();
        }
        if (ownTimers != null) {
            ownTimers.close();
        }
        if (ownDataDirectory != null) {
            TemporaryDirectory.deleteTree(ownDataDirectory);
        }
    }

    private static void drain(ExecutorService pool) {
        if (pool == null) {
            return;
        }
        pool.shutdown();
        try {
            pool.awaitTermination(DRAIN_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pool.shutdownNow();
    }

    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 4566;
        private int maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES;
        private String defaultAccount = "000000000000";
        private String defaultRegion = "us-east-1";
        private String version = "dev";
        private int eventLoopThreads = 0;
        private int workerThreads = Math.max(8, Runtime.getRuntime().availableProcessors() * 4);
        private int engineThreads = Math.max(8, Runtime.getRuntime().availableProcessors() * 4);
        private double timeScale = 1;
        private HangarClock clock;
        private ScheduledExecutorService realTimeTimers;
        private ExecutorService workers;
        private ExecutorService engine;
        private Path dataDirectory;
        private RuntimeAdmin runtime = RuntimeAdmin.NONE;
        private final List<ServiceFactory> services = new ArrayList<>();
        private final List<String> plannedServices = new ArrayList<>();
        private final List<DataPlaneRoute> routes = new ArrayList<>();
        private final Map<Class<?>, Object> ports = new LinkedHashMap<>();
        private final Map<String, String> environment = new LinkedHashMap<>();

        public Builder host(String v) { this.host = v; return this; }
        public Builder port(int v) { this.port = v; return this; }
        public Builder maxRequestBytes(int v) { this.maxRequestBytes = v; return this; }
        public Builder defaultAccount(String v) { this.defaultAccount = v; return this; }
        public Builder defaultRegion(String v) { this.defaultRegion = v; return this; }
        public Builder version(String v) { this.version = v; return this; }
        /** 0 = Netty's default (twice the cores). */
        public Builder eventLoopThreads(int v) { this.eventLoopThreads = v; return this; }
        public Builder workerThreads(int v) { this.workerThreads = v; return this; }
        public Builder engineThreads(int v) { this.engineThreads = v; return this; }
        /** HANGAR_TIME_SCALE: Hangar's own timers run this many times faster (ignored when a clock is given). */
        public Builder timeScale(double v) { this.timeScale = v; return this; }
        /** A clock of the caller's (tests: a ManualClock); the server then does not stop it. */
        public Builder clock(HangarClock v) { this.clock = v; return this; }
        /** Timers for real durations; with a caller's clock, the caller's (default: a pool of the server's). */
        public Builder realTimeTimers(ScheduledExecutorService v) { this.realTimeTimers = v; return this; }
        /** A shared pool for handlers; the server then does not shut it down. */
        public Builder workers(ExecutorService v) { this.workers = v; return this; }
        /** A shared pool for container engine calls; the server then does not shut it down. */
        public Builder engine(ExecutorService v) { this.engine = v; return this; }
        /** Where services keep files; without one the server makes a temporary folder, removed at close. */
        public Builder dataDirectory(Path v) { this.dataDirectory = v; return this; }
        public Builder environment(Map<String, String> v) { this.environment.putAll(v); return this; }
        public Builder runtime(RuntimeAdmin v) { this.runtime = v; return this; }
        /** A port the wiring provides (the container runtime), before any service is made. */
        public <T> Builder port(Class<T> type, T implementation) { this.ports.put(type, implementation); return this; }
        /** A service, made when the server starts, in the order given. */
        public Builder service(ServiceFactory v) { this.services.add(v); return this; }
        /** A service made by the caller (tests). */
        public Builder service(AwsService v) { this.services.add(ctx -> v); return this; }
        /** Services listed in health even before they are implemented. */
        public Builder plannedServices(List<String> v) { this.plannedServices.addAll(v); return this; }
        /** A data-plane endpoint known before the services are made. */
        public Builder route(DataPlaneRoute v) { this.routes.add(v); return this; }
        /** A plain HTTP endpoint for every path under the prefix, on any host, checked before AWS service routing. */
        public Builder route(String pathPrefix, HttpHandler handler) {
            this.routes.add(DataPlaneRoute.onPath(pathPrefix, pathPrefix, r -> handler.handle(r.http())));
            return this;
        }

        public HangarServer build() {
            return new HangarServer(this);
        }
    }
}
