package dev.hangar.lambda.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static dev.hangar.lambda.invoke.DockerHarness.PYTHON;
import static dev.hangar.lambda.invoke.DockerHarness.call;
import static dev.hangar.lambda.invoke.DockerHarness.json;
import static dev.hangar.lambda.invoke.InvokerHarness.ACCOUNT;
import static dev.hangar.lambda.invoke.InvokerHarness.REGION;
import static dev.hangar.lambda.invoke.InvokerHarness.arn;
import static dev.hangar.lambda.invoke.InvokerHarness.function;
import static dev.hangar.lambda.invoke.InvokerHarness.uniqueName;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PackageType Image (the user's image and its ImageConfig) and a runtime that cannot even start. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImageFunctionInvocationTest {

    /** One Hangar on the local engine for the class; the invoker's environments end after its last test. */
    @RegisterExtension
    static final HangarExtension hangar = InvokerHarness.onDocker(Map.of()).build();
    InvokerHarness h;

    @AfterAll
    void closeHarness() {
        if (h != null) {
            h.close();
        }
    }

    private static final String BASE = "hangar-test/lambda-python:latest";
    private static final String DOCKERFILE =
            "FROM " + BASE + "\nCOPY handlers.py /var/task/handlers.py\nCMD [\"handlers.fail\"]\n";

    /**
     * Built by the test from {@link #BASE} with the Python test handlers baked in, and kept for the next run. Its tag
     * says what it was built from: an image another run or branch left, from other handlers or another base, is not
     * this one.
     */
    private String image;

    @BeforeAll
    void buildImage() throws Exception {
        DockerHarness.checkImages(hangar.runtime());
        h = new InvokerHarness(hangar);
        byte[] handlers = Files.readAllBytes(PYTHON.resolve("handlers.py"));
        String inputs = DOCKERFILE + h.runtime.inspectImage(BASE).id() + "\n" + new String(handlers, UTF_8);
        image = "hangar-linv/image-function:" + HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(inputs.getBytes(UTF_8))).substring(0, 16);
        if (!h.runtime.imagePresent(image)) {
            Path context = Files.createTempDirectory("hangar-linv-image");
            Files.write(context.resolve("handlers.py"), handlers);
            Files.writeString(context.resolve("Dockerfile"), DOCKERFILE);
            ProcessBuilder build = new ProcessBuilder("docker", "build", "-q", "-t", image, context.toString())
                    .redirectErrorStream(true);
            build.environment().put("DOCKER_BUILDKIT", "0");
            Process p = build.start();
            String output = new String(p.getInputStream().readAllBytes());
            assertTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, "docker build: " + output);
        }
    }

    private RunnableFunction imageFunction(String name, List<String> command) {
        return new RunnableFunction(ACCOUNT, REGION, name, arn(name), "$LATEST", null, null, 256, 3, Map.of(),
                "Image", image, null, command, null, null, false, "sha-image", null, null, null);
    }

    @Test
    void anImageFunctionRunsItsImageWithTheImageConfigCommand() throws Exception {
        RunnableFunction fn = imageFunction(uniqueName("img"), List.of("handlers.echo"));
        InvocationResult r = call(h, fn, "{\"img\":1}");
        assertNull(r.functionError(), DockerHarness.text(r));
        JsonNode body = json(r);
        assertEquals(1, body.at("/event/img").asInt());
        assertEquals("handlers.echo", body.at("/env/_HANDLER").asText());
        assertEquals("256", body.at("/env/AWS_LAMBDA_FUNCTION_MEMORY_SIZE").asText());
        assertTrue(body.at("/env/AWS_EXECUTION_ENV").isNull(), body.toString());
    }

    @Test
    void withoutImageConfigTheImagesOwnCommandApplies() throws Exception {
        InvocationResult r = call(h, imageFunction(uniqueName("img"), null), "{}");
        assertEquals("Unhandled", r.functionError());
        assertEquals("Handler fails", json(r).get("errorMessage").asText());
    }

    @Test
    void aProvidedFunctionWithoutBootstrapFailsAsItsRuntimeExits() throws Exception {
        Path empty = Files.createTempDirectory("hangar-linv-empty");
        empty.toFile().setReadable(true, false);
        RunnableFunction fn = function(uniqueName("noboot"), "provided.al2023", "x", empty);
        InvocationResult r = call(h, fn, "{}");
        assertEquals("Unhandled", r.functionError());
        assertEquals("Runtime.ExitError", json(r).get("errorType").asText());
        assertTrue(json(r).get("errorMessage").asText().endsWith("Runtime exited with error: exit status 127"),
                json(r).toString());
    }
}
