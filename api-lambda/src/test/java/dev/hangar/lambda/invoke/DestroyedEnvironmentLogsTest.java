package dev.hangar.lambda.invoke;

import dev.hangar.core.service.ServiceCalls;
import dev.hangar.logs.LogsService;
import dev.hangar.runtime.ContainerRuntime;
import dev.hangar.runtime.ContainerState;
import dev.hangar.testsupport.Await;
import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogStreamsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogStreamsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogStream;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static dev.hangar.lambda.invoke.InvokerHarness.ACCOUNT;
import static dev.hangar.lambda.invoke.InvokerHarness.REGION;
import static dev.hangar.lambda.invoke.InvokerHarness.function;
import static dev.hangar.lambda.invoke.InvokerHarness.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a handler printed before it timed out or crashed is in its log stream, read back through GetLogEvents as a
 * user would: an environment destroyed with output still on its way must not lose it. The handlers print a burst of
 * numbered lines at the last moment, so the log follow is still behind when the environment goes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DestroyedEnvironmentLogsTest {

    private static final int LINES = 2000;
    private static final ServiceCalls.Caller CALLER = new ServiceCalls.Caller(ACCOUNT, REGION);

    /** Function output goes to CloudWatch Logs, as Hangar wires it: LogsService provides the LogSink of the ports. */
    @RegisterExtension
    static final HangarExtension hangar = HangarExtension.builder().service(LogsService::new).dockerRuntime()
            .environment(DockerHarness.IMAGES).build();
    /** CloudWatch Logs read as another service would: its own handlers, in process. */
    private ServiceCalls logs;
    private ContainerRuntime runtime;
    private InvokerHarness harness;
    private Invoker invoker;
    private Path code;

    @BeforeAll
    void start() throws Exception {
        DockerHarness.checkImages(hangar.runtime());
        logs = hangar.context().calls();
        runtime = hangar.runtime();
        harness = new InvokerHarness(hangar);
        invoker = harness.invoker;
        code = Files.createTempDirectory("hangar-linv-dead");
        code.toFile().setReadable(true, false);
        Files.writeString(code.resolve("burst.py"), String.join("\n",
                "import os, sys, time",
                "",
                "def burst(n):",
                "    sys.stdout.write(''.join('line %d of %d\\n' % (i, n) for i in range(1, n + 1)))",
                "    sys.stdout.flush()",
                "",
                "def then_time_out(event, context):",
                "    # the burst just before the deadline: its output is still being read when the timeout comes",
                "    while context.get_remaining_time_in_millis() > event['margin_ms']:",
                "        time.sleep(0.005)",
                "    burst(event['lines'])",
                "    time.sleep(60)",
                "",
                "def then_crash(event, context):",
                "    time.sleep(0.5)",
                "    burst(event['lines'])",
                "    os._exit(3)",
                ""));
    }

    @AfterAll
    void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void whatATimedOutHandlerPrintedIsInItsStreamBeforeEnd() throws Exception {
        RunnableFunction fn = InvokerHarness.with(
                function(uniqueName("dead-timeout"), "python3.12", "burst.then_time_out", code), 1, null);
        InvocationRequest request = InvokerHarness.request("{\"lines\":" + LINES + ",\"margin_ms\":150}");
        CompletableFuture<InvocationResult> answer = invoker.invoke(fn, request);
        String container = awaitContainer(fn);
        InvocationResult r = answer.get(60, TimeUnit.SECONDS);
        assertEquals("Unhandled", r.functionError());
        assertTrue(DockerHarness.text(r).contains("Sandbox.Timedout"), DockerHarness.text(r));

        List<String> stream = awaitStream(fn, container, "REPORT RequestId: " + request.requestId());
        assertAllLinesBefore(stream, "END RequestId: " + request.requestId());
    }

    @Test
    void whatACrashedHandlerPrintedIsInItsStreamBeforeTheErrorReport() throws Exception {
        RunnableFunction fn = function(uniqueName("dead-crash"), "python3.12", "burst.then_crash", code);
        InvocationRequest request = InvokerHarness.request("{\"lines\":" + LINES + "}");
        CompletableFuture<InvocationResult> answer = invoker.invoke(fn, request);
        String container = awaitContainer(fn);
        InvocationResult r = answer.get(60, TimeUnit.SECONDS);
        assertTrue(DockerHarness.text(r).contains("Runtime.ExitError"), DockerHarness.text(r));

        List<String> stream = awaitStream(fn, container, "REPORT RequestId: " + request.requestId());
        assertAllLinesBefore(stream, "RequestId: " + request.requestId() + " Error: ");
    }

    /**
     * The function's one log stream through GetLogEvents, once it holds the REPORT and every burst line and the
     * container is gone. A line the follow had in hand when the container went can reach the sink a moment after the
     * REPORT (sorted by its time, before END): what the test asserts is where the lines are, so it waits for all.
     */
    private List<String> awaitStream(RunnableFunction fn, String container, String report) {
        String group = "/aws/lambda/" + fn.functionName();
        return Await.until("the REPORT and " + LINES + " lines in " + group + " and " + container + " gone", () -> {
            List<LogStream> streams = logs.<DescribeLogStreamsResponse>callAndWait(CALLER,
                    DescribeLogStreamsRequest.builder().logGroupName(group).build()).logStreams();
            return streams.size() == 1 ? read(group, streams.get(0).logStreamName()) : List.<String>of();
        }, messages -> messages.stream().anyMatch(m -> m.startsWith(report)) && allLinesIn(messages)
                && runtime.inspect(container).status() == ContainerState.Status.GONE);
    }

    private static boolean allLinesIn(List<String> stream) {
        java.util.Set<String> present = new java.util.HashSet<>(stream);
        return IntStream.rangeClosed(1, LINES).allMatch(i -> present.contains("line " + i + " of " + LINES + "\n"));
    }

    /** The container of the function's (one) environment, once it has one. */
    private String awaitContainer(RunnableFunction fn) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            for (ExecutionEnvironment env : invoker.environments(fn.functionArn(), fn.version())) {
                if (env.containerId() != null) {
                    return env.containerId();
                }
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no container for " + fn.functionName());
    }

    private List<String> read(String group, String stream) {
        List<String> out = new ArrayList<>();
        String token = null;
        while (true) {
            String from = token;
            GetLogEventsResponse page = logs.callAndWait(CALLER, GetLogEventsRequest.builder().logGroupName(group)
                    .logStreamName(stream).startFromHead(true).nextToken(from).build());
            page.events().stream().map(OutputLogEvent::message).forEach(out::add);
            if (page.events().isEmpty() || page.nextForwardToken().equals(from)) {
                return out;
            }
            token = page.nextForwardToken();
        }
    }

    private static void assertAllLinesBefore(List<String> stream, String marker) {
        int markerAt = -1;
        for (int i = 0; i < stream.size(); i++) {
            if (stream.get(i).startsWith(marker)) {
                markerAt = i;
                break;
            }
        }
        assertTrue(markerAt >= 0, "no '" + marker + "' in the stream");
        List<String> missing = new ArrayList<>();
        List<String> before = stream.subList(0, markerAt);
        for (int i = 1; i <= LINES; i++) {
            String line = "line " + i + " of " + LINES + "\n";
            if (!before.contains(line)) {
                missing.add(stream.contains(line) ? i + " (after)" : String.valueOf(i));
            }
        }
        assertTrue(missing.isEmpty(), missing.size() + " of " + LINES + " lines missing before '" + marker + "': "
                + (missing.size() > 20 ? missing.subList(0, 20) + "..." : missing));
    }
}
