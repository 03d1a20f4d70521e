package dev.hangar.testsupport.junit;

import dev.hangar.core.http.HangarServer;
import dev.hangar.core.port.Ports;
import dev.hangar.core.service.AwsService;
import dev.hangar.core.service.BoundService;
import dev.hangar.core.service.HandlerBinder;
import dev.hangar.core.service.ServiceContext;
import dev.hangar.core.service.ServiceFactory;
import dev.hangar.core.time.HangarClock;
import dev.hangar.core.time.ManualClock;
import dev.hangar.runtime.ContainerRuntime;
import dev.hangar.testsupport.Await;
import dev.hangar.testsupport.AwsCli;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.function.Supplier;

/**
 * An in-process Hangar for a test class or a single test: a {@link HangarServer} on 127.0.0.1, port 0, with the
 * services made by their production factories ({@code EcsService::new} ...) so that the tests go through the same
 * {@link ServiceContext} wiring as {@code Hangar.start}, the container runtime port filled by a
 * {@link FakeContainerRuntime} or the local Docker engine, and SDK clients and the AWS CLI pointed at it.
 *
 * <pre>
 * &#64;RegisterExtension
 * static final HangarExtension hangar = HangarExtension.builder().service(EcsService::new).fakeRuntime().build();
 * </pre>
 *
 * <p>In a static field one Hangar serves the whole class (JUnit calls {@code beforeAll}); in an instance field each
 * test gets its own (only {@code beforeEach} is called). It fails the class when a service's handlers are mis-shaped
 * ({@link HandlerBinder#problems}). Closing removes the clients, the server, and a Docker runtime's containers.
 * Outside JUnit, {@link #start()} and {@link #close()} do the same by hand.
 */
public final class HangarExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, AutoCloseable {

    private final Builder config;
    private Running running;
    /** Whether the running Hangar is the class's (started in beforeAll) rather than the current test's. */
    private boolean perClass;
    /** Classes inside the one that started it (@Nested) share its Hangar: closed when the outermost ends. */
    private int classDepth;

    private HangarExtension(Builder config) {
        this.config = config;
    }

    public static Builder builder() {
        return new Builder();
    }

    // ---- JUnit ----

    @Override
    public void beforeAll(ExtensionContext context) {
        if (classDepth++ == 0) {
            perClass = true;
            start();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (running == null) {
            perClass = false;
            start();
        } else if (perClass && config.resetBetweenTests) {
            reset();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            close();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (--classDepth == 0) {
            close();
        }
    }

    // ---- by hand ----

    /**
     * Starts the Hangar (JUnit does it through the callbacks).
     *
     * @throws IllegalStateException when one is running already
     * @throws AssertionError        when a service's handlers are mis-shaped, or the runtime cannot be had
     */
    public HangarExtension start() {
        if (running != null) {
            throw new IllegalStateException("this HangarExtension runs a Hangar already");
        }
        running = Running.start(config);
        return this;
    }

    /** Closes the clients, the server and the runtime (a Docker runtime's containers are removed first). */
    @Override
    public void close() {
        Running r = running;
        running = null;
        if (r != null) {
            r.close();
        }
    }

    // ---- what the tests use ----

    /** Hangar's API endpoint, http://127.0.0.1:&lt;port&gt;. */
    public URI endpoint() {
        return running().server.endpoint();
    }

    public HangarServer server() {
        return running().server;
    }

    /** What every service was made with (to make a part of a service the way its constructor would). */
    public ServiceContext context() {
        return running().server.context();
    }

    /** The ports services meet through (the container runtime, LogSink, ...). */
    public Ports ports() {
        return running().server.ports();
    }

    /**
     * A synchronous SDK client of the given type ({@code EcsClient.class}) pointed at this Hangar: us-east-1, static
     * credentials test/test (account 000000000000), the URLConnection HTTP client. One per type, closed with the
     * extension.
     */
    public <C extends AutoCloseable> C client(Class<C> type) {
        return running().clients.get(type);
    }

    /** The first AWS CLI on the PATH, pointed at this Hangar. */
    public AwsCli cli() {
        return AwsCli.firstOnPath().at(endpoint());
    }

    /** That AWS CLI ({@link AwsCli#v1()}, {@link AwsCli#v2()}), pointed at this Hangar. */
    public AwsCli cli(AwsCli which) {
        return which.at(endpoint());
    }

    /** The container runtime port, or null when the extension provides none. */
    public ContainerRuntime runtime() {
        return running().runtime;
    }

    /** @throws IllegalStateException unless the runtime is the fake */
    public FakeContainerRuntime fake() {
        if (running().runtime instanceof FakeContainerRuntime fake) {
            return fake;
        }
        throw new IllegalStateException("this Hangar runs on " + running().runtime + ", not the fake runtime");
    }

    public HangarClock clock() {
        return running().server.clock();
    }

    /** @throws IllegalStateException unless the extension was given a ManualClock */
    public ManualClock manualClock() {
        if (clock() instanceof ManualClock manual) {
            return manual;
        }
        throw new IllegalStateException("this Hangar runs on " + clock() + ", not a ManualClock");
    }

    /** The running service of that class ({@code LambdaService.class}). */
    public <S extends AwsService> S service(Class<S> type) {
        for (BoundService bound : running().server.services()) {
            if (type.isInstance(bound.service())) {
                return type.cast(bound.service());
            }
        }
        throw new IllegalStateException("no " + type.getSimpleName() + " runs in this Hangar");
    }

    /**
     * Waits (bounded, see {@link Await}) until the server's worker and engine pools run and hold no job: everything
     * a service handed them so far is done, including what those jobs handed on. Timers not yet due do not count.
     */
    public void awaitIdle() {
        HangarServer server = running().server;
        Await.until("Hangar's worker and engine pools to be idle",
                () -> idle(server.workers()) && idle(server.engine()));
    }

    private static boolean idle(ExecutorService pool) {
        if (pool instanceof ThreadPoolExecutor executor) {
            return executor.getActiveCount() == 0 && executor.getQueue().isEmpty();
        }
        throw new IllegalStateException("cannot tell whether " + pool + " is idle");
    }

    /** What the admin reset does: every service drops its state, then the runtime removes this Hangar's containers. */
    public void reset() {
        Running r = running();
        r.server.services().forEach(s -> s.service().reset());
        if (r.runtime != null) {
            r.runtime.removeAll();
        }
    }

    private Running running() {
        if (running == null) {
            throw new IllegalStateException("the Hangar is not running: register the extension with"
                    + " @RegisterExtension, or call start()");
        }
        return running;
    }

    /** How the Hangar is made; each {@code build()} gives an extension that makes its own. */
    public static final class Builder {
        private final List<ServiceFactory> services = new ArrayList<>();
        private final Map<Class<?>, Object> ports = new LinkedHashMap<>();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private RuntimeChoice runtime = RuntimeChoice.NONE;
        private Supplier<? extends HangarClock> clock;
        private Integer workerThreads;
        private Integer engineThreads;
        private boolean resetBetweenTests;

        private Builder() {
        }

        /** A service, by its production factory ({@code EcsService::new}), made in the order given. */
        public Builder service(ServiceFactory factory) {
            services.add(factory);
            return this;
        }

        /** Containers that run without Docker: a new {@link FakeContainerRuntime} for each Hangar. */
        public Builder fakeRuntime() {
            runtime = RuntimeChoice.fake();
            return this;
        }

        /** The local Docker engine, under an instance id of its own whose containers are removed at close. */
        public Builder dockerRuntime() {
            runtime = RuntimeChoice.docker();
            return this;
        }

        /** A runtime the test makes (an engine at an unreachable address ...); closed with the Hangar. */
        public Builder runtime(Supplier<? extends ContainerRuntime> make) {
            runtime = RuntimeChoice.custom(make);
            return this;
        }

        /** Another port the wiring provides before the services are made (a LogSink that records ...). */
        public <T> Builder port(Class<T> type, T implementation) {
            ports.put(type, implementation);
            return this;
        }

        /** A setting services read from the environment (HANGAR_LAMBDA_KEEP_ALIVE_SECONDS ...). */
        public Builder environment(String name, String value) {
            environment.put(name, value);
            return this;
        }

        public Builder environment(Map<String, String> settings) {
            environment.putAll(settings);
            return this;
        }

        /** Hangar's clock, shared by every Hangar this extension starts (a per-class ManualClock). */
        public Builder clock(HangarClock clock) {
            this.clock = () -> clock;
            return this;
        }

        /** A new clock for each Hangar (a per-test ManualClock). */
        public Builder clock(Supplier<? extends HangarClock> clock) {
            this.clock = clock;
            return this;
        }

        /** Threads of the pool handlers and services' background work run on (hangar-worker-N). */
        public Builder workerThreads(int threads) {
            this.workerThreads = threads;
            return this;
        }

        /** Threads of the pool container engine calls run on (hangar-engine-N). */
        public Builder engineThreads(int threads) {
            this.engineThreads = threads;
            return this;
        }

        /** With a per-class Hangar: {@link #reset()} before every test but the first. */
        public Builder resetBetweenTests() {
            this.resetBetweenTests = true;
            return this;
        }

        public HangarExtension build() {
            return new HangarExtension(copy());
        }

        private Builder copy() {
            Builder b = new Builder();
            b.services.addAll(services);
            b.ports.putAll(ports);
            b.environment.putAll(environment);
            b.runtime = runtime;
            b.clock = clock;
            b.workerThreads = workerThreads;
            b.engineThreads = engineThreads;
            b.resetBetweenTests = resetBetweenTests;
            return b;
        }

        List<ServiceFactory> services() {
            return services;
        }

        Map<Class<?>, Object> ports() {
            return ports;
        }

        Map<String, String> environment() {
            return environment;
        }

        RuntimeChoice runtimeChoice() {
            return runtime;
        }

        HangarClock newClock() {
            return clock == null ? null : clock.get();
        }

        Integer workerThreads() {
            return workerThreads;
        }

        Integer engineThreads() {
            return engineThreads;
        }
    }
}
