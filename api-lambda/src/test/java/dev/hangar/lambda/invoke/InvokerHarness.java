package dev.hangar.lambda.invoke;

import ch.qos.logback.classic.Level;
import dev.hangar.core.http.HangarServer;
import dev.hangar.core.time.HangarClock;
import dev.hangar.runtime.ContainerRuntime;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** An in-process Hangar server and an Invoker on the given engine, with a recording log sink. */
final class InvokerHarness implements AutoCloseable {

    static final String ACCOUNT = "123456789012";
    static final String REGION = "us-east-1";

    static {
        // the module has no logback-test.xml of its own: keep the engine client's debug chatter out of test output
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.INFO);
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("dev.hangar.lambda")).setLevel(Level.DEBUG);
    }

    final HangarServer server;
    final ContainerRuntime runtime;
    final RecordingLogSink logs = new RecordingLogSink();
    final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    final ExecutorService workers;
    /** Engine calls, apart from the workers as in Hangar. */
    final ExecutorService engine;
    final InvokeConfig config;
    final Invoker invoker;

    InvokerHarness(ContainerRuntime runtime, Map<String, String> settings) throws InterruptedException {
        this(runtime, settings, Executors.newFixedThreadPool(16), Executors.newFixedThreadPool(8));
    }

    /** On these pools, which it shuts down when closed. */
    InvokerHarness(ContainerRuntime runtime, Map<String, String> settings, ExecutorService workers,
                   ExecutorService engine) {
        this(runtime, settings, null, workers, engine);
    }

    /** @param clock Hangar's clock (a ManualClock), or null for the wall clock with its timers on {@link #scheduler} */
    InvokerHarness(ContainerRuntime runtime, Map<String, String> settings, HangarClock clock, ExecutorService workers,
                   ExecutorService engine) {
        this.runtime = runtime;
        this.workers = workers;
        this.engine = engine;
        this.server = HangarServer.builder().port(0).build().start();
        Map<String, String> env = new HashMap<>(settings);
        this.config = InvokeConfig.fromEnvironment(env);
        this.invoker = new Invoker(runtime, h -> server.listen("127.0.0.1", 0, h), logs, config,
                clock != null ? clock : new WallClock(scheduler), scheduler, workers, engine);
    }

    static RunnableFunction function(String name, String runtime, String handler, Path code) {
        return new RunnableFunction(ACCOUNT, REGION, name, arn(name), "$LATEST", runtime, handler, 128, 3,
                Map.of(), "Zip", null, null, null, null, code, false, "sha-" + name, null, null,
                "arn:aws:iam::" + ACCOUNT + ":role/test");
    }

    static String arn(String name) {
        return "arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":function:" + name;
    }

    static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static InvocationRequest request(String json) {
        return new InvocationRequest(UUID.randomUUID().toString(), json.getBytes(StandardCharsets.UTF_8), null, false);
    }

    static InvocationRequest tailRequest(String json) {
        return new InvocationRequest(UUID.randomUUID().toString(), json.getBytes(StandardCharsets.UTF_8), null, true);
    }

    static RunnableFunction with(RunnableFunction f, int timeoutSeconds, Integer reserved) {
        return new RunnableFunction(f.account(), f.region(), f.functionName(), f.functionArn(), f.version(),
                f.runtime(), f.handler(), f.memoryMb(), timeoutSeconds, f.environment(), f.packageType(), f.imageUri(),
                f.imageEntryPoint(), f.imageCommand(), f.imageWorkingDir(), f.codeDirectory(), f.hotReload(),
                f.codeSha256(), reserved, f.logGroup(), f.roleArn());
    }

    static RunnableFunction withEnvironment(RunnableFunction f, Map<String, String> variables) {
        return new RunnableFunction(f.account(), f.region(), f.functionName(), f.functionArn(), f.version(),
                f.runtime(), f.handler(), f.memoryMb(), f.timeoutSeconds(), variables, f.packageType(), f.imageUri(),
                f.imageEntryPoint(), f.imageCommand(), f.imageWorkingDir(), f.codeDirectory(), f.hotReload(),
                f.codeSha256(), f.reservedConcurrency(), f.logGroup(), f.roleArn());
    }

    static RunnableFunction hotReload(RunnableFunction f) {
        return new RunnableFunction(f.account(), f.region(), f.functionName(), f.functionArn(), f.version(),
                f.runtime(), f.handler(), f.memoryMb(), f.timeoutSeconds(), f.environment(), f.packageType(),
                f.imageUri(), f.imageEntryPoint(), f.imageCommand(), f.imageWorkingDir(), f.codeDirectory(), true,
                "hot-reload", f.reservedConcurrency(), f.logGroup(), f.roleArn());
    }

    static RunnableFunction withHandler(RunnableFunction f, String handler) {
        return new RunnableFunction(f.account(), f.region(), f.functionName(), f.functionArn(), f.version(),
                f.runtime(), handler, f.memoryMb(), f.timeoutSeconds(), f.environment(), f.packageType(),
                f.imageUri(), f.imageEntryPoint(), f.imageCommand(), f.imageWorkingDir(), f.codeDirectory(),
                f.hotReload(), f.codeSha256(), f.reservedConcurrency(), f.logGroup(), f.roleArn());
    }

    static RunnableFunction inAccount(RunnableFunction f, String account) {
        return new RunnableFunction(account, f.region(), f.functionName(),
                f.functionArn().replace(":" + f.account() + ":", ":" + account + ":"), f.version(), f.runtime(),
                f.handler(), f.memoryMb(), f.timeoutSeconds(), f.environment(), f.packageType(), f.imageUri(),
                f.imageEntryPoint(), f.imageCommand(), f.imageWorkingDir(), f.codeDirectory(), f.hotReload(),
                f.codeSha256(), f.reservedConcurrency(), f.logGroup(), f.roleArn());
    }

    static List<String> lines(String text) {
        return List.of(text.split("\n"));
    }

    @Override
    public void close() {
        shutDown(invoker, scheduler, workers, engine, server, runtime);
    }

    static void shutDown(Invoker invoker, ScheduledExecutorService scheduler, ExecutorService workers,
                         HangarServer server, ContainerRuntime runtime) {
        shutDown(invoker, scheduler, workers, null, server, runtime);
    }

    /**
     * What every invocation test stops, in order: environments, timers, workers and engine pool (given time to
     * finish), the server, then the containers of a real engine. Any of them may be null when set-up failed part-way.
     */
    static void shutDown(Invoker invoker, ScheduledExecutorService scheduler, ExecutorService workers,
                         ExecutorService engine, HangarServer server, ContainerRuntime runtime) {
        if (invoker != null) {
            invoker.reset();
        }
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        for (ExecutorService pool : new ExecutorService[] {workers, engine}) {
            if (pool != null) {
                pool.shutdown();
                try {
                    pool.awaitTermination(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        if (server != null) {
            server.close();
        }
        if (runtime instanceof dev.hangar.runtime.DockerContainerRuntime docker) {
            docker.removeAll();
            docker.close();
        }
    }
}
