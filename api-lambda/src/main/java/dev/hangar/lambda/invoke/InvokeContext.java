package dev.hangar.lambda.invoke;

import dev.hangar.core.http.Listener;
import dev.hangar.core.http.HttpHandler;
import dev.hangar.core.port.LogSink;
import dev.hangar.core.time.HangarClock;
import dev.hangar.runtime.ContainerRuntime;

import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import java.util.function.Supplier;

/** What every pool and environment shares: the engine, the server, the log sink, the settings and the threads. */
final class InvokeContext {

    final ContainerRuntime runtime;
    final Function<HttpHandler, Listener> listenerFactory;
    final LogSink logs;
    final InvokeConfig config;
    /**
     * Hangar's clock (HANGAR_TIME_SCALE): the timers of Lambda's own behaviour, which AWS runs on minutes and hours
     * and a scaled clock shortens (async retry delays, throttle backoff, the maximum event age, the idle keep-alive),
     * and the time log lines are stamped with, so that they agree with what Logs reports.
     */
    final HangarClock clock;
    /**
     * Timers of durations that measure real work and so must not scale: a function's timeout (the runtime's deadline
     * is real), the init budget, the quiet period a log waits for the engine's late lines. REPORT durations are
     * measured with System.nanoTime, whatever the scale. Short tasks only.
     */
    final ScheduledExecutorService realTimeTimers;
    /** Blocking work that is not the engine's: file walks and copies, listener binds and closes. */
    final ExecutorService workers;
    /** Calls to the container engine (pulls, inspections, create, start, removal): a slow pull waits here only. */
    final ExecutorService engine;
    final BundledRuntimeClients clients;
    final LogDelay logDelay;
    /** Which runtime images bring their own runtime client, from their configuration: asked once per image. */
    final ImageRuntimeClients imageClients;

    /**
     * Hangar's own endpoint, for functions' AWS_ENDPOINT_URL when HANGAR_LAMBDA_AWS_ENDPOINT_URL is not set: on
     * port 0 it is known only once the server listens, after the service is made. Null until Invoker.create sets it.
     */
    volatile Supplier<URI> hangarEndpoint = () -> null;

    /** Live environments by container id, for the engine's die and oom events. */
    private final Map<String, ExecutionEnvironment> byContainer = new ConcurrentHashMap<>();
    private final Set<String> imagesPresent = ConcurrentHashMap.newKeySet();

    InvokeContext(ContainerRuntime runtime, Function<HttpHandler, Listener> listenerFactory, LogSink logs,
                  InvokeConfig config, HangarClock clock, ScheduledExecutorService realTimeTimers,
                  ExecutorService workers, ExecutorService engine) {
        this.runtime = runtime;
        this.listenerFactory = listenerFactory;
        this.logs = logs;
        this.config = config;
        this.clock = clock;
        this.realTimeTimers = realTimeTimers;
        this.workers = workers;
        this.engine = engine;
        this.clients = new BundledRuntimeClients(config.runtimeClientsDir());
        this.logDelay = new LogDelay(config.logSettle());
        this.imageClients = new ImageRuntimeClients(runtime, this::ensureImage);
    }

    /** Pulls a missing image (blocking: on the engine's threads); an image once seen is not asked about again. */
    void ensureImage(String image) {
        if (imagesPresent.contains(image)) {
            return;
        }
        runtime.ensureImage(image);
        imagesPresent.add(image);
    }

    void register(String containerId, ExecutionEnvironment env) {
        byContainer.put(containerId, env);
    }

    void unregister(String containerId) {
        byContainer.remove(containerId);
    }

    ExecutionEnvironment environmentOf(String containerId) {
        return byContainer.get(containerId);
    }
}
