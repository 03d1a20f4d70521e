package dev.hangar.lambda.invoke;

import dev.hangar.core.http.HangarServer;
import dev.hangar.lambda.LambdaService;
import dev.hangar.runtime.DockerContainerRuntime;
import dev.hangar.testsupport.TestClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.lambda.model.State;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real SDK against an in-process Hangar: CreateFunction with a zip, then Invoke runs it in a container. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LambdaClientEndToEndTest {

    private HangarServer server;
    private DockerContainerRuntime runtime;
    private Invoker invoker;
    private LambdaClient lambda;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final ExecutorService workers = Executors.newFixedThreadPool(16);
    private final RecordingLogSink logs = new RecordingLogSink();
    private Path data;

    @BeforeAll
    void start() throws Exception {
        DockerHarness.start(Map.of()).close(); // fails early with a clear message when the images are missing
        data = Files.createTempDirectory("hangar-linv-e2e");
        runtime = DockerContainerRuntime.connect("linv-e2e-" + UUID.randomUUID().toString().substring(0, 8));
        AtomicReference<HangarServer> serverRef = new AtomicReference<>();
        invoker = new Invoker(runtime, h -> serverRef.get().listen("127.0.0.1", 0, h), logs,
                InvokeConfig.fromEnvironment(DockerHarness.IMAGES), scheduler, workers);
        LambdaService service = new LambdaService(invoker, workers, data, 1000, runtime);
        server = HangarServer.builder().port(0).workers(workers).service(service).build().start();
        serverRef.set(server);
        lambda = TestClients.pointedAt(LambdaClient.builder(), URI.create("http://127.0.0.1:" + server.port()));
    }

    @AfterAll
    void stop() {
        if (lambda != null) {
            lambda.close();
        }
        InvokerHarness.shutDown(invoker, scheduler, workers, server, runtime);
    }

    @Test
    void createFunctionFromAZipThenInvokeIt() throws Exception {
        String name = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        lambda.createFunction(b -> b.functionName(name).runtime(Runtime.PYTHON3_12).handler("app.handler")
                .role("arn:aws:iam::000000000000:role/lambda").timeout(3)
                .code(c -> c.zipFile(SdkBytes.fromByteArray(zip("app.py",
                        "def handler(event, context):\n    print('got', event)\n    return {'answer': event['q'] * 2}\n")))));
        awaitActive(name);

        InvokeResponse r = lambda.invoke(b -> b.functionName(name).logType(LogType.TAIL)
                .payload(SdkBytes.fromUtf8String("{\"q\":21}")));
        assertEquals(200, r.statusCode());
        assertNull(r.functionError());
        assertEquals("{\"answer\": 42}", r.payload().asUtf8String());
        assertEquals("$LATEST", r.executedVersion());
        String tail = new String(Base64.getDecoder().decode(r.logResult()), StandardCharsets.UTF_8);
        assertTrue(tail.contains("got {'q': 21}\n"), tail);
        assertTrue(tail.contains("REPORT RequestId: " + r.responseMetadata().requestId()), tail);

        // a new zip retires the warm environment: the next call runs the new code
        lambda.updateFunctionCode(b -> b.functionName(name).zipFile(SdkBytes.fromByteArray(zip("app.py",
                "def handler(event, context):\n    return 'v2'\n"))));
        awaitUpdated(name);
        assertEquals("\"v2\"", lambda.invoke(b -> b.functionName(name)).payload().asUtf8String());

        InvokeResponse event = lambda.invoke(b -> b.functionName(name).invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromUtf8String("{}")));
        assertEquals(202, event.statusCode());
    }

    @Test
    void aHandlerErrorIsUnhandledWithThePythonPayload() throws Exception {
        String name = "e2e-err-" + UUID.randomUUID().toString().substring(0, 8);
        lambda.createFunction(b -> b.functionName(name).runtime(Runtime.PYTHON3_12).handler("app.handler")
                .role("arn:aws:iam::000000000000:role/lambda")
                .code(c -> c.zipFile(SdkBytes.fromByteArray(zip("app.py",
                        "def handler(event, context):\n    raise ValueError('bad input')\n")))));
        awaitActive(name);
        InvokeResponse r = lambda.invoke(b -> b.functionName(name));
        assertEquals(200, r.statusCode());
        assertEquals("Unhandled", r.functionError());
        assertTrue(r.payload().asUtf8String().startsWith("{\"errorMessage\": \"bad input\", \"errorType\": \"ValueError\""),
                r.payload().asUtf8String());
    }

    @Test
    void reservedConcurrencyZeroThrottlesThroughTheSdk() throws Exception {
        String name = "e2e-thr-" + UUID.randomUUID().toString().substring(0, 8);
        lambda.createFunction(b -> b.functionName(name).runtime(Runtime.PYTHON3_12).handler("app.handler")
                .role("arn:aws:iam::000000000000:role/lambda")
                .code(c -> c.zipFile(SdkBytes.fromByteArray(zip("app.py",
                        "def handler(event, context):\n    return 1\n")))));
        awaitActive(name);
        lambda.putFunctionConcurrency(b -> b.functionName(name).reservedConcurrentExecutions(0));
        TooManyRequestsException e = assertThrows(TooManyRequestsException.class,
                () -> lambda.invoke(b -> b.functionName(name)));
        assertEquals(429, e.statusCode());
        assertEquals("ReservedFunctionConcurrentInvocationLimitExceeded", e.reasonAsString());
        assertEquals("User", e.type());
    }

    private void awaitActive(String name) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (lambda.getFunction(b -> b.functionName(name)).configuration().state() != State.ACTIVE) {
            assertTrue(System.nanoTime() < deadline, name + " never became Active");
            Thread.sleep(50);
        }
    }

    private void awaitUpdated(String name) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!"Successful".equals(lambda.getFunction(b -> b.functionName(name)).configuration().lastUpdateStatusAsString())) {
            assertTrue(System.nanoTime() < deadline, name + " update never finished");
            Thread.sleep(50);
        }
    }

    private static byte[] zip(String file, String content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(file));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
