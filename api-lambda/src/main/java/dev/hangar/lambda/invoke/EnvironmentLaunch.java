package dev.hangar.lambda.invoke;

import dev.hangar.core.http.Listener;
import dev.hangar.runtime.ContainerHandle;
import dev.hangar.runtime.ContainerSpec;
import dev.hangar.runtime.HangarLabels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * An execution environment's cold start up to its runtime's first request for work, in three steps, each on the
 * threads its work belongs on: the image (present, pulled if need be, and asked whether it brings a runtime client)
 * on the engine's; the plan of how the runtime starts (which may unpack Hangar's runtime client, file work) and the
 * Runtime API listener (whose bind waits for an event loop) on the workers; the container, its log follow and its
 * start on the engine's again. So a slow pull holds up only engine threads, never the workers the control planes
 * run on, nor an event loop or a timer. Each thing it makes is handed to the environment's
 * {@link EnvironmentResources} at once, and the launch stops as soon as the environment died meanwhile (destroyed
 * while it started). A cold start takes three thread hops, a warm invocation none.
 */
final class EnvironmentLaunch {

    private static final Logger log = LoggerFactory.getLogger(EnvironmentLaunch.class);

    private final ExecutionEnvironment env;
    private final RunnableFunction function;
    private final InvokeContext ctx;
    private final EnvironmentResources resources;

    EnvironmentLaunch(ExecutionEnvironment env, InvokeContext ctx, EnvironmentResources resources) {
        this.env = env;
        this.function = env.function;
        this.ctx = ctx;
        this.resources = resources;
    }

    /** Starts the launch; returns at once. */
    void start() {
        step(ctx.engine, () -> {
            prepareImage();
            step(ctx.workers, this::planAndListen);
        });
    }

    /** Engine: the image present, and the question LaunchPlan may ask of it answered (and remembered). */
    private void prepareImage() {
        String image = LaunchPlan.imageOf(function, ctx.config);
        if (image == null) {
            return; // LaunchPlan says why
        }
        ctx.ensureImage(image);
        if (LaunchPlan.asksImage(function, ctx.config)) {
            ctx.imageClients.bringsOwnClient(image);
        }
    }

    /** Workers: the plan (the image's answer is known by now) and the Runtime API listener. */
    private void planAndListen() {
        LaunchPlan plan = LaunchPlan.of(function, ctx.config, ctx.clients, ctx.imageClients::bringsOwnClient);
        Listener l = ctx.listenerFactory.apply(new RuntimeApiHandler(env));
        if (!resources.keepListener(l) || env.dead()) {
            return;
        }
        step(ctx.engine, () -> startContainer(plan, l.port()));
    }

    /** Engine: the container, its log follow, its start; then the runtime's init budget runs. */
    private void startContainer(LaunchPlan plan, int runtimeApiPort) {
        ContainerHandle handle = ctx.runtime.create(containerSpec(plan, runtimeApiPort));
        ctx.register(handle.id(), env);
        if (!resources.keepContainer(handle.id()) || env.dead()) {
            return;
        }
        AutoCloseable follow = ctx.runtime.followLogs(handle.id(), env.logs::onLine);
        if (!resources.keepLogFollow(follow) || env.dead()) {
            return;
        }
        env.logs.platformLine(initStartLine(), ctx.clock.now());
        env.runtimeStarting();
        ctx.runtime.start(handle.id());
        env.initBudgetStarts(ctx.config.initTimeout().toMillis() + function.timeoutSeconds() * 1000L);
        log.debug("Environment {} of {} started in container {}", env.id, function.functionName(), handle.id());
    }

    /**
     * Runs one step of the launch on the executor, unless the environment died meanwhile. A step that throws fails
     * the launch (its first invocation gets the reason); one the executor refuses (Hangar shutting down) stops it.
     */
    private void step(Executor executor, Runnable work) {
        try {
            executor.execute(() -> {
                if (env.dead()) {
                    return;
                }
                try {
                    work.run();
                } catch (RuntimeException e) {
                    env.launchFailed(e);
                }
            });
        } catch (RejectedExecutionException e) {
            env.destroy("Hangar is shutting down");
        }
    }

    private ContainerSpec containerSpec(LaunchPlan plan, int runtimeApiPort) {
        return ContainerSpec.builder(plan.image())
                .name("hangar-lambda-" + safeName(function.functionName()) + "-" + env.id.substring(0, 12))
                .entrypoint(plan.entrypoint())
                .command(plan.command())
                .environment(StandardVariables.of(function, plan, env.logs.stream(), runtimeApiPort, ctx.config,
                        ctx.hangarEndpoint.get()))
                .labels(Map.of(HangarLabels.RESOURCE, function.functionArn(),
                        "hangar.lambda.version", function.version(),
                        "hangar.lambda.environment", env.id))
                .memoryBytes(function.memoryMb() * 1024L * 1024L)
                .init(true)
                .mounts(plan.mounts())
                // with host networking the runtime reaches its Runtime API on 127.0.0.1, where Hangar listens
                .networkMode(ctx.config.networkMode())
                .workingDir(plan.workingDir())
                .build();
    }

    private String initStartLine() {
        String runtime = function.runtime() != null ? function.runtime() : "image";
        return "INIT_START Runtime Version: " + runtime + ".hangar\tRuntime Version ARN: arn:aws:lambda:"
                + function.region() + "::runtime:" + sha256Hex(runtime);
    }

    private static String safeName(String name) {
        String cleaned = name.replaceAll("[^a-zA-Z0-9_.-]", "-");
        return cleaned.length() > 40 ? cleaned.substring(0, 40) : cleaned;
    }

    private static String sha256Hex(String text) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
