package dev.hangar.lambda.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hangar.runtime.ContainerRuntime;
import dev.hangar.runtime.ContainerState;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real containers: the local engine and the images of scripts/build-lambda-images.sh. Fails (never skips) when they
 * are missing, as CI builds them before the suite.
 */
final class DockerHarness {

    static final Path REPO = locateRepo();
    static final Path PYTHON = REPO.resolve("lambda-runtimes/test-functions/python");
    static final Path NODE = REPO.resolve("lambda-runtimes/test-functions/nodejs");
    static final Path PROVIDED = REPO.resolve("lambda-runtimes/test-functions/provided");
    static final Path JAVA = REPO.resolve("lambda-runtimes/test-functions/java/build");

    /** Runtime ids the tests use and the image each runs on: both kinds, image client and Hangar's own. */
    static final Map<String, String> IMAGES = Map.of(
            "HANGAR_LAMBDA_IMAGE_PYTHON3_12", "hangar-test/lambda-python:latest",
            "HANGAR_LAMBDA_IMAGE_PYTHON3_11", "hangar-test/python-plain:latest",
            "HANGAR_LAMBDA_IMAGE_NODEJS20_X", "hangar-test/lambda-nodejs:latest",
            "HANGAR_LAMBDA_IMAGE_NODEJS18_X", "hangar-test/nodejs-plain:latest",
            "HANGAR_LAMBDA_IMAGE_PROVIDED_AL2023", "hangar-test/lambda-provided:latest",
            "HANGAR_LAMBDA_IMAGE_JAVA17", "hangar-test/lambda-java:latest");

    private static final ObjectMapper JSON = new ObjectMapper();

    private DockerHarness() {
    }

    /**
     * Checks that the engine has what the tests run: the images and the compiled Java test function. Fails, never
     * skips, naming the script that makes what is missing.
     */
    static void checkImages(ContainerRuntime runtime) {
        for (String image : IMAGES.values()) {
            assertTrue(runtime.imagePresent(image), image + " missing: run bash scripts/build-lambda-images.sh");
        }
        // git-ignored, so a fresh clone or worktree has none until the script compiles it
        assertTrue(Files.isRegularFile(JAVA.resolve("hangar/test/EchoHandler.class")),
                JAVA + " holds no compiled Java test function: run bash scripts/build-lambda-images.sh");
    }

    static InvocationResult call(InvokerHarness h, RunnableFunction fn, String json) throws Exception {
        return h.invoker.invoke(fn, InvokerHarness.request(json)).get(60, TimeUnit.SECONDS);
    }

    static InvocationResult callWithTail(InvokerHarness h, RunnableFunction fn, String json) throws Exception {
        return h.invoker.invoke(fn, InvokerHarness.tailRequest(json)).get(60, TimeUnit.SECONDS);
    }

    static JsonNode json(InvocationResult r) {
        try {
            return JSON.readTree(r.payload());
        } catch (IOException e) {
            throw new UncheckedIOException(new String(r.payload(), StandardCharsets.UTF_8), e);
        }
    }

    static String text(InvocationResult r) {
        return new String(r.payload(), StandardCharsets.UTF_8);
    }

    static String tail(InvocationResult r) {
        return new String(java.util.Base64.getDecoder().decode(r.logTailBase64()), StandardCharsets.UTF_8);
    }

    /** Waits until the engine no longer has the container. */
    static boolean awaitGone(InvokerHarness h, String containerId, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            if (h.runtime.inspect(containerId).status() == ContainerState.Status.GONE) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    static List<String> containerIds(InvokerHarness h, RunnableFunction fn) {
        return h.invoker.environments(fn.functionArn(), fn.version()).stream()
                .map(ExecutionEnvironment::containerId).toList();
    }

    /** A copy of a test-function folder the test may edit (hot reload) or write code into. */
    static Path copyOf(Path source) {
        try {
            Path target = Files.createTempDirectory("hangar-linv-code");
            try (var files = Files.walk(source)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Path to = target.resolve(source.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(p, to);
                    }
                }
            }
            target.toFile().setReadable(true, false);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path locateRepo() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("lambda-runtimes"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("lambda-runtimes not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
