package dev.hangar.lambda.invoke;

import dev.hangar.core.port.LogSink;
import dev.hangar.runtime.ContainerRuntime;
import dev.hangar.testsupport.junit.HangarExtension;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;

/**
 * Lambda's invocation side without its control plane: the {@link Invoker} that {@code LambdaService(ServiceContext)}
 * makes ({@link Invoker#create}), on a {@link HangarExtension}'s context, so on its runtime (the fake engine or
 * Docker), clock, pools, listeners and settings. The invocation tests need it: they call the invoker with
 * {@link RunnableFunction}s the control plane never builds (code directories of the test functions, hot reload,
 * other accounts, a stopped engine under an invocation) and look at its environments, which no Lambda API shows.
 * Close it (before the extension closes) to tear its environments down.
 */
final class InvokerHarness implements AutoCloseable {

    static final String ACCOUNT = "123456789012";
    static final String REGION = "us-east-1";

    final HangarExtension hangar;
    final ContainerRuntime runtime;
    /** The function output, when the Hangar's LogSink is a recording one (null when it is CloudWatch Logs). */
    final RecordingLogSink logs;
    /** Where the invoker's blocking work that is not the engine's runs: the server's workers. */
    final ExecutorService workers;
    final Invoker invoker;

    /** A Hangar on the fake engine whose function output a {@link RecordingLogSink} keeps. */
    static HangarExtension.Builder onFakeEngine() {
        return HangarExtension.builder().fakeRuntime().port(LogSink.class, new RecordingLogSink());
    }

    /**
     * A Hangar on the local engine with the test images as the runtimes' images (see {@link DockerHarness}), its
     * function output kept by a {@link RecordingLogSink}.
     */
    static HangarExtension.Builder onDocker(Map<String, String> settings) {
        return HangarExtension.builder().dockerRuntime().environment(DockerHarness.IMAGES).environment(settings)
                .port(LogSink.class, new RecordingLogSink());
    }

    InvokerHarness(HangarExtension hangar) {
        this.hangar = hangar;
        this.runtime = hangar.runtime();
        this.logs = hangar.ports().find(LogSink.class).filter(RecordingLogSink.class::isInstance)
                .map(RecordingLogSink.class::cast).orElse(null);
        this.workers = hangar.server().workers();
        this.invoker = Invoker.create(hangar.context());
    }

    static RunnableFunction function(String name, String runtime, String handler, Path code) {
        return new RunnableFunction(ACCOUNT, REGION, name, arn(name), "$LATEST", runtime, handler, 128, 3,
                Map.of(), "Zip", null, null, null, null, code, false, "sha-" + name, null, null,
                "arn:aws:iam::" + ACCOUNT + ":role/test");
    }

    /** A Python function whose code directory is never read: the fake engine starts nothing. */
    static RunnableFunction fn(String name) {
        return function(name, "python3.12", "handlers.echo", Path.of("/tmp/code-" + name));
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

    /**
     * Ends every environment, as Hangar's shutdown does, and waits for the teardown on the pools: it closes Runtime
     * API listeners, which must happen before the extension closes the server's event loops.
     */
    @Override
    public void close() {
        invoker.reset();
        hangar.awaitIdle();
    }
}
