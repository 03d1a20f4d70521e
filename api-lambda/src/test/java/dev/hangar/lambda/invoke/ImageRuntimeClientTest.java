package dev.hangar.lambda.invoke;

import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static dev.hangar.lambda.invoke.DockerHarness.PYTHON;
import static dev.hangar.lambda.invoke.DockerHarness.call;
import static dev.hangar.lambda.invoke.DockerHarness.json;
import static dev.hangar.lambda.invoke.InvokerHarness.function;
import static dev.hangar.lambda.invoke.InvokerHarness.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whether a runtime image brings its own runtime client is read from the image, not guessed from its name: the test
 * images under names that would have fooled the old guess.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImageRuntimeClientTest {

    /** hangar-test/python-plain (no ENTRYPOINT) under a name that says "lambda". */
    private static final String PLAIN_LAMBDA_NAMED = "hangar-test/plain-lambda-named:latest";
    /** hangar-test/lambda-python (its client as ENTRYPOINT) under a name that does not. */
    private static final String OWN_CLIENT_PLAIN_NAMED = "hangar-test/own-client-python:latest";

    @RegisterExtension
    static final HangarExtension hangar = InvokerHarness.onDocker(Map.of(
            "HANGAR_LAMBDA_IMAGE_PYTHON3_10", PLAIN_LAMBDA_NAMED,
            "HANGAR_LAMBDA_IMAGE_PYTHON3_9", OWN_CLIENT_PLAIN_NAMED)).build();
    private InvokerHarness h;

    @BeforeAll
    void start() throws Exception {
        docker("tag", "hangar-test/python-plain:latest", PLAIN_LAMBDA_NAMED);
        docker("tag", "hangar-test/lambda-python:latest", OWN_CLIENT_PLAIN_NAMED);
        DockerHarness.checkImages(hangar.runtime());
        h = new InvokerHarness(hangar);
    }

    @AfterAll
    void stop() throws Exception {
        if (h != null) {
            h.close();
        }
        // only the extra names: the images keep their own
        docker("rmi", PLAIN_LAMBDA_NAMED, OWN_CLIENT_PLAIN_NAMED);
    }

    @Test
    void aPlainImageWhoseNameSaysLambdaGetsHangarsClient() throws Exception {
        RunnableFunction fn = function(uniqueName("plain-named"), "python3.10", "handlers.echo", PYTHON);
        InvocationResult r = call(h, fn, "{\"k\":\"v\"}");
        assertNull(r.functionError(), DockerHarness.text(r));
        assertEquals("v", json(r).at("/event/k").asText());
        assertFalse(h.invoker.context().imageClients.bringsOwnClient(PLAIN_LAMBDA_NAMED));
        String container = DockerHarness.containerIds(h, fn).get(0);
        assertEquals("[\"python3\",\"-u\",\"/var/runtime/bootstrap.py\"]", docker("inspect", "-f",
                "{{json .Config.Entrypoint}}", container));
        assertTrue(mountTargets(container).contains("/var/runtime"), mountTargets(container).toString());
    }

    @Test
    void anImageWithAClientEntrypointAndAPlainNameUsesItsOwn() throws Exception {
        RunnableFunction fn = function(uniqueName("own-client"), "python3.9", "handlers.echo", PYTHON);
        InvocationResult r = call(h, fn, "{\"k\":\"w\"}");
        assertNull(r.functionError(), DockerHarness.text(r));
        assertEquals("w", json(r).at("/event/k").asText());
        assertTrue(h.invoker.context().imageClients.bringsOwnClient(OWN_CLIENT_PLAIN_NAMED));
        String container = DockerHarness.containerIds(h, fn).get(0);
        // the image's own client runs (no mount over /var/runtime), the handler as its command
        assertFalse(mountTargets(container).contains("/var/runtime"), mountTargets(container).toString());
        assertEquals("[\"handlers.echo\"]", docker("inspect", "-f", "{{json .Config.Cmd}}", container));
    }

    private static List<String> mountTargets(String container) throws Exception {
        return List.of(docker("inspect", "-f", "{{range .Mounts}}{{.Destination}} {{end}}", container).split(" "));
    }

    /** Runs the docker CLI; its trimmed standard output. Never pulls: tag, rmi and inspect are local. */
    private static String docker(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "docker " + String.join(" ", args) + " hung");
        assertEquals(0, p.exitValue(), "docker " + String.join(" ", args) + ": " + out);
        return out;
    }
}
