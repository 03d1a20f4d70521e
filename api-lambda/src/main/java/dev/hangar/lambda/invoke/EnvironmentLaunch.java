package dev.hangar.lambda.invoke;

import dev.hangar.core.http.Listener;
import dev.hangar.runtime.ContainerHandle;
import dev.hangar.runtime.ContainerSpec;
import dev.hangar.runtime.HangarLabels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/**
 * An execution environment's cold start up to its runtime's first request for work: the image, the plan of how the
 * runtime starts, the Runtime API listener, the container and its log follow, then the init budget. Each thing it
 * makes is handed to the environment's {@link EnvironmentResources} at once, and the launch stops as soon as the
 * environment died meanwhile (destroyed while it started).
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

    /** Starts the container: blocking engine calls, run on a worker. */
    void run() {
        try {
            LaunchPlan plan = LaunchPlan.of(function, ctx.config, ctx.clients, ctx.imageClients::bringsOwnClient);
            ctx.ensureImage(plan.image());
            Listener l = ctx.listenerFactory.apply(new RuntimeApiHandler(env));
            if (!resources.keepListener(l) || env.dead()) {
                return;
            }
            ContainerHandle handle = ctx.runtime.create(containerSpec(plan, l.port()));
            ctx.register(handle.id(), env);
            if (!resources.keepContainer(handle.id()) || env.dead()) {
                return;
            }
            AutoCloseable follow = ctx.runtime.followLogs(handle.id(), env.logs::onLine);
            if (!resources.keepLogFollow(follow) || env.dead()) {
                return;
            }
            env.logs.platformLine(initStartLine(), Instant.now());
            env.runtimeStarting();
            ctx.runtime.start(handle.id());
            env.initBudgetStarts(ctx.config.initTimeout().toMillis() + function.timeoutSeconds() * 1000L);
            log.debug("Environment {} of {} started in container {}", env.id, function.functionName(), handle.id());
        } catch (RuntimeException e) {
            env.launchFailed(e);
        }
    }

    private ContainerSpec containerSpec(LaunchPlan plan, int runtimeApiPort) {
        return ContainerSpec.builder(plan.image())
                .name("hangar-lambda-" + safeName(function.functionName()) + "-" + env.id.substring(0, 12))
                .entrypoint(plan.entrypoint())
                .command(plan.command())
                .environment(StandardVariables.of(function, plan, env.logs.stream(), runtimeApiPort, ctx.config))
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
