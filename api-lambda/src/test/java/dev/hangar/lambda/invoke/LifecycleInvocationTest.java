package dev.hangar.lambda.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hangar.testsupport.Await;
import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static dev.hangar.lambda.invoke.DockerHarness.PYTHON;
import static dev.hangar.lambda.invoke.DockerHarness.call;
import static dev.hangar.lambda.invoke.DockerHarness.json;
import static dev.hangar.lambda.invoke.InvokerHarness.function;
import static dev.hangar.lambda.invoke.InvokerHarness.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Environments coming and going in real containers: keep-alive, retirement, hot reload, Event retries. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LifecycleInvocationTest {

    /** One Hangar on the local engine for the class; the invoker's environments end after its last test. */
    @RegisterExtension
    static final HangarExtension hangar = InvokerHarness.onDocker(Map.of(
            "HANGAR_LAMBDA_KEEP_ALIVE_SECONDS", "2",
            "HANGAR_LAMBDA_ASYNC_RETRY_DELAYS_SECONDS", "0.3,0.3",
            "HANGAR_LAMBDA_ASYNC_THROTTLE_BACKOFF_SECONDS", "0.1")).build();
    InvokerHarness h;

    @BeforeAll
    void harness() {
        DockerHarness.checkImages(hangar.runtime());
        h = new InvokerHarness(hangar);
    }

    @AfterAll
    void closeHarness() {
        if (h != null) {
            h.close();
        }
    }

    @Test
    void anIdleEnvironmentIsStoppedAfterTheKeepAlive() throws Exception {
        RunnableFunction fn = function(uniqueName("idle"), "python3.12", "handlers.echo", PYTHON);
        call(h, fn, "{}");
        String container = DockerHarness.containerIds(h, fn).get(0);
        // the sleeps let keep-alive time pass on purpose: 2.5 s after the first use, 1.5 s after the second
        Thread.sleep(1000);
        call(h, fn, "{}"); // use restarts the clock
        Thread.sleep(1500);
        assertEquals(List.of(container), DockerHarness.containerIds(h, fn), "still warm 1.5 s after its last use");
        assertTrue(DockerHarness.awaitGone(h, container, 5000), "stopped after the keep-alive");
        assertEquals(0, h.invoker.environmentCount(fn.functionArn(), "$LATEST"));
        assertNull(call(h, fn, "{}").functionError());
    }

    @Test
    void retireStopsTheEnvironmentsOfAVersion() throws Exception {
        RunnableFunction fn = function(uniqueName("retire"), "python3.12", "handlers.echo", PYTHON);
        JsonNode before = json(call(h, fn, "{}"));
        String container = DockerHarness.containerIds(h, fn).get(0);
        h.invoker.retire(fn.functionArn(), "$LATEST");
        assertTrue(DockerHarness.awaitGone(h, container, 5000));
        JsonNode after = json(call(h, fn, "{}"));
        assertEquals(1, after.get("invocations").asInt(), "a fresh environment");
        assertNotEquals(before.at("/env/AWS_LAMBDA_LOG_STREAM_NAME").asText(),
                after.at("/env/AWS_LAMBDA_LOG_STREAM_NAME").asText());
    }

    @Test
    void hotReloadSeesAnEditOnTheNextCall() throws Exception {
        Path code = Files.createTempDirectory("hangar-linv-hot");
        code.toFile().setReadable(true, false);
        Path module = code.resolve("app.py");
        Files.writeString(module, "def handler(event, context):\n    return 'v1'\n");
        RunnableFunction fn = InvokerHarness.hotReload(function(uniqueName("hot"), "python3.12", "app.handler", code));
        assertEquals("\"v1\"", DockerHarness.text(call(h, fn, "{}")));
        assertEquals("\"v1\"", DockerHarness.text(call(h, fn, "{}")));
        Files.writeString(module, "def handler(event, context):\n    return 'version two'\n");
        assertEquals("\"version two\"", DockerHarness.text(call(h, fn, "{}")));
        assertEquals(1, h.invoker.environmentCount(fn.functionArn(), "$LATEST"));
    }

    @Test
    void eventsAreRetriedAfterAFunctionErrorAndNoneIsLost() throws Exception {
        Path code = Files.createTempDirectory("hangar-linv-events");
        code.toFile().setReadable(true, false);
        // fails the first attempt of each event, succeeds on the retry (same warm environment, its /tmp remembers)
        Files.writeString(code.resolve("flaky.py"), String.join("\n",
                "import os",
                "def handler(event, context):",
                "    marker = '/tmp/seen-' + event['id']",
                "    if not os.path.exists(marker):",
                "        open(marker, 'w').close()",
                "        raise Exception('first attempt of ' + event['id'] + ' fails')",
                "    print('done ' + event['id'])",
                "    return event['id']",
                ""));
        RunnableFunction fn = InvokerHarness.with(
                function(uniqueName("events"), "python3.12", "flaky.handler", code), 10, 1);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            h.invoker.enqueue(fn, new InvocationRequest(id, ("{\"id\":\"e" + i + "\"}").getBytes(), null, false));
        }
        Await.until("the five events to run to an end", h.invoker::pendingEvents, pending -> pending == 0);
        assertEquals(0, h.invoker.pendingEvents());
        // an event ends with its answer; the output it printed comes through the container's log follow later
        String group = "/aws/lambda/" + fn.functionName();
        String log = Await.until("each event's output and two STARTs in " + group, () -> h.logs.text(group),
                text -> IntStream.range(0, 5).allMatch(i -> text.contains("done e" + i + "\n")
                        && starts(text, ids.get(i)) == 2));
        for (int i = 0; i < 5; i++) {
            assertTrue(log.contains("done e" + i + "\n"), "event " + i + " ran to success:\n" + log);
            String id = ids.get(i);
            assertEquals(2, starts(log, id), "two attempts of " + id);
        }
    }

    private static int starts(String log, String requestId) {
        return log.split("START RequestId: " + requestId, -1).length - 1;
    }
}
