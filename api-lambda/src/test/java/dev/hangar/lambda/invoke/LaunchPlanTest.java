package dev.hangar.lambda.invoke;

import dev.hangar.core.service.AwsException;
import dev.hangar.runtime.ImageInfo;
import dev.hangar.testsupport.junit.FakeContainerRuntime;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static dev.hangar.lambda.invoke.InvokerHarness.function;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which image runs a function and how, from the configuration and what the image says of itself. */
class LaunchPlanTest {

    private static final Path CODE = Path.of("/srv/code");

    @Test
    void configurationReadsTheEnvironmentWithAwsDefaults() {
        InvokeConfig defaults = InvokeConfig.fromEnvironment(Map.of());
        assertEquals("public.ecr.aws/lambda/python:3.12", defaults.imageFor("python3.12"));
        assertEquals("public.ecr.aws/lambda/nodejs:20", defaults.imageFor("nodejs20.x"));
        assertEquals("public.ecr.aws/lambda/java:21", defaults.imageFor("java21"));
        assertEquals("public.ecr.aws/lambda/java:8", defaults.imageFor("java8.al2"));
        assertEquals("public.ecr.aws/lambda/provided:al2023", defaults.imageFor("provided.al2023"));
        assertEquals("public.ecr.aws/lambda/ruby:3.3", defaults.imageFor("ruby3.3"));
        assertNull(defaults.imageFor("cobol1"));
        assertEquals(Duration.ofMinutes(10), defaults.keepAlive());
        assertEquals(1000, defaults.accountConcurrency());
        assertEquals(List.of(Duration.ofMinutes(1), Duration.ofMinutes(2)), defaults.asyncRetryDelays());
        assertEquals("host", defaults.networkMode());
        assertEquals("127.0.0.1", defaults.runtimeApiHost());

        assertEquals("PYTHON3_12", InvokeConfig.variableSuffix("python3.12"));
        assertEquals("PROVIDED_AL2023", InvokeConfig.variableSuffix("provided.al2023"));
        InvokeConfig custom = InvokeConfig.fromEnvironment(Map.of("HANGAR_LAMBDA_IMAGE_PYTHON3_12", "my/python:1",
                "HANGAR_LAMBDA_KEEP_ALIVE_SECONDS", "1.5", "HANGAR_LAMBDA_ASYNC_RETRY_DELAYS_SECONDS", "0.1, 2"));
        assertEquals("my/python:1", custom.imageFor("python3.12"));
        assertEquals(Duration.ofMillis(1500), custom.keepAlive());
        assertEquals(List.of(Duration.ofMillis(100), Duration.ofSeconds(2)), custom.asyncRetryDelays());
    }

    @Test
    void anImageWithARuntimeClientGetsTheHandlerAsCommand() {
        LaunchPlan plan = LaunchPlan.of(function("f", "python3.12", "app.handler", CODE),
                InvokeConfig.fromEnvironment(Map.of()), null, image -> true);
        assertEquals("public.ecr.aws/lambda/python:3.12", plan.image());
        assertNull(plan.entrypoint());
        assertEquals(List.of("app.handler"), plan.command());
        assertEquals("app.handler", plan.handler());
        assertEquals(List.of(new dev.hangar.runtime.ContainerSpec.Mount("/srv/code", "/var/task", true)), plan.mounts());
    }

    @Test
    void aPlainImageGetsHangarsClientMounted() throws Exception {
        Path clients = Files.createTempDirectory("clients");
        InvokeConfig config = InvokeConfig.fromEnvironment(Map.of("HANGAR_LAMBDA_IMAGE_NODEJS20_X", "node:20",
                "HANGAR_LAMBDA_IMAGE_PYTHON3_12", "python:3.12-slim"));
        BundledRuntimeClients bundled = new BundledRuntimeClients(clients);
        LaunchPlan node = LaunchPlan.of(function("f", "nodejs20.x", "index.handler", CODE), config, bundled,
                image -> false);
        assertEquals(List.of("node", "/var/runtime/bootstrap.js"), node.entrypoint());
        assertEquals(List.of("index.handler"), node.command());
        assertTrue(node.mounts().contains(new dev.hangar.runtime.ContainerSpec.Mount(
                clients.resolve("nodejs").toString(), "/var/runtime", true)));

        // the packaged copy, unpacked once to a host folder the engine can mount
        LaunchPlan python = LaunchPlan.of(function("f", "python3.12", "app.handler", CODE), config,
                new BundledRuntimeClients(null), image -> false);
        assertEquals(List.of("python3", "-u", "/var/runtime/bootstrap.py"), python.entrypoint());
        Path unpacked = Path.of(python.mounts().get(1).hostPath());
        assertTrue(Files.readString(unpacked.resolve("bootstrap.py")).contains("Runtime API"));

        AwsException java = assertThrows(AwsException.class, () -> LaunchPlan.of(
                function("f", "java21", "a.B::handle", CODE),
                config.with(Map.of("HANGAR_LAMBDA_IMAGE_JAVA21", "eclipse-temurin:21")), bundled, image -> false));
        assertEquals("InvalidRuntimeException", java.code());
    }

    @Test
    void theRuntimeClientSettingOverridesTheImageAndSavesAskingIt() {
        InvokeConfig config = InvokeConfig.fromEnvironment(Map.of("HANGAR_LAMBDA_RUNTIME_CLIENT_NODEJS20_X", "image",
                "HANGAR_LAMBDA_RUNTIME_CLIENT_PYTHON3_12", "hangar"));
        Predicate<String> notAsked = image -> {
            throw new AssertionError("image " + image + " inspected although the setting decides");
        };
        assertTrue(config.imageHasRuntimeClient("nodejs20.x", "node:20", notAsked));
        assertFalse(config.imageHasRuntimeClient("python3.12", "public.ecr.aws/lambda/python:3.12", notAsked));
        assertNull(config.runtimeClientSetting("python3.11"));
        // unset: the image's configuration decides, whatever its name says
        assertTrue(config.imageHasRuntimeClient("python3.11", "me/python", image -> true));
        assertFalse(config.imageHasRuntimeClient("python3.11", "me/lambda-python", image -> false));

        LaunchPlan plan = LaunchPlan.of(function("f", "python3.12", "app.handler", CODE), config,
                new BundledRuntimeClients(null), notAsked);
        assertEquals(List.of("python3", "-u", "/var/runtime/bootstrap.py"), plan.entrypoint());
        assertEquals("/var/runtime", plan.mounts().get(1).containerPath());
    }

    @Test
    void anImageBringsItsOwnClientWhenItsEntrypointIsMoreThanAWrapper() {
        assertTrue(ImageRuntimeClients.bringsOwnClient(info(List.of("/lambda-entrypoint.sh"))));
        assertTrue(ImageRuntimeClients.bringsOwnClient(info(List.of("python3", "-u", "/var/runtime/bootstrap.py"))));
        assertTrue(ImageRuntimeClients.bringsOwnClient(info(List.of("/usr/bin/tini", "--", "docker-entrypoint.sh"))));
        assertFalse(ImageRuntimeClients.bringsOwnClient(info(List.of())));
        assertFalse(ImageRuntimeClients.bringsOwnClient(info(List.of(""))));
        assertFalse(ImageRuntimeClients.bringsOwnClient(info(List.of("docker-entrypoint.sh"))));
        assertFalse(ImageRuntimeClients.bringsOwnClient(info(List.of("/usr/local/bin/docker-entrypoint.sh"))));
    }

    @Test
    void eachImageIsMadePresentThenInspectedOnce() {
        FakeContainerRuntime engine = new FakeContainerRuntime();
        engine.image("plain/python:1", info(List.of()));
        ImageRuntimeClients clients = new ImageRuntimeClients(engine, engine::ensureImage);
        assertFalse(clients.bringsOwnClient("plain/python:1"));
        assertFalse(clients.bringsOwnClient("plain/python:1"));
        assertTrue(clients.bringsOwnClient("aws/base:1"));
        assertTrue(clients.bringsOwnClient("aws/base:1"));
        assertEquals(List.of("ensure plain/python:1", "inspect plain/python:1", "ensure aws/base:1",
                "inspect aws/base:1"), engine.imageCalls());
    }

    private static ImageInfo info(List<String> entrypoint) {
        return new ImageInfo("sha256:x", entrypoint, List.of("python3"), Map.of(), "/var/task", null);
    }

    @Test
    void providedRunsTheBootstrapOfTheCode() {
        LaunchPlan plan = LaunchPlan.of(function("f", "provided.al2023", "ignored", CODE),
                InvokeConfig.fromEnvironment(Map.of()), null, image -> {
                    throw new AssertionError("provided images are not inspected");
                });
        assertEquals("public.ecr.aws/lambda/provided:al2023", plan.image());
        assertEquals(List.of("/var/task/bootstrap"), plan.entrypoint());
        assertNull(plan.command());
    }

    @Test
    void anImageFunctionKeepsItsImageAndImageConfig() {
        RunnableFunction fn = new RunnableFunction("123456789012", "us-east-1", "img", "arn", "$LATEST", null, null,
                128, 3, Map.of(), "Image", "me/fn:1", List.of("/entry"), List.of("app.handler"), "/work", null,
                false, "sha", null, null, null);
        LaunchPlan plan = LaunchPlan.of(fn, InvokeConfig.fromEnvironment(Map.of()), null, image -> {
            throw new AssertionError("an Image function's image is not inspected");
        });
        assertEquals("me/fn:1", plan.image());
        assertEquals(List.of("/entry"), plan.entrypoint());
        assertEquals(List.of("app.handler"), plan.command());
        assertEquals("/work", plan.workingDir());
        assertEquals("app.handler", plan.handler());
        assertTrue(plan.mounts().isEmpty());
    }
}
