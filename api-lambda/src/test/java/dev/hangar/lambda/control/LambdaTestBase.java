package dev.hangar.lambda.control;

import dev.hangar.core.http.HangarServer;
import dev.hangar.lambda.LambdaService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.lambda.model.CreateFunctionResponse;
import software.amazon.awssdk.services.lambda.model.FunctionCode;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Hangar in this JVM on an ephemeral port with only the Lambda service, a recording stand-in for the invocation
 * side, and a real SDK v2 LambdaClient pointed at it.
 */
abstract class LambdaTestBase {

    static final String ROLE = "arn:aws:iam::000000000000:role/lambda-role";
    static final String ACCOUNT = "000000000000";

    static ExecutorService workers;
    static Path dataDir;
    static RecordingInvoker invoker;
    static LambdaService lambda;
    static HangarServer server;
    static LambdaClient client;
    private static final AtomicInteger names = new AtomicInteger();

    static {
        // the SDK's and Netty's debug output would bury the test report
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.INFO);
    }

    @BeforeAll
    static void startHangar() throws Exception {
        AtomicInteger n = new AtomicInteger();
        workers = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "lambda-test-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        dataDir = Files.createTempDirectory("hangar-lambda-test");
        invoker = new RecordingInvoker();
        lambda = new LambdaService(invoker, workers, dataDir, 1000);
        server = HangarServer.builder().host("127.0.0.1").port(0).workers(workers).service(lambda)
                .route(dev.hangar.lambda.CodeDownloads.PREFIX, lambda.codeDownloads()).build().start();
        client = LambdaClient.builder()
                .endpointOverride(server.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(60)).build())
                .build();
    }

    @AfterAll
    static void stopHangar() throws IOException {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
        if (lambda != null) {
            lambda.reset();
        }
        if (workers != null) {
            workers.shutdownNow();
        }
        deleteTree(dataDir);
    }

    static String uniqueName(String prefix) {
        return prefix + "-" + names.incrementAndGet();
    }

    static String arn(String name) {
        return "arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:" + name;
    }

    static byte[] zip(Map<String, String> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> f : files.entrySet()) {
                out.putNextEntry(new ZipEntry(f.getKey()));
                out.write(f.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] handlerZip() {
        return zip(Map.of("handler.py", "def handler(event, context):\n    return event\n"));
    }

    static CreateFunctionRequest.Builder zipFunction(String name, byte[] zip) {
        return CreateFunctionRequest.builder().functionName(name).runtime("python3.12").handler("handler.handler")
                .role(ROLE).code(FunctionCode.builder().zipFile(SdkBytes.fromByteArray(zip)).build());
    }

    static CreateFunctionResponse createZipFunction(String name) {
        return client.createFunction(zipFunction(name, handlerZip()).build());
    }

    static FunctionConfiguration configuration(String name) {
        return client.getFunction(b -> b.functionName(name)).configuration();
    }

    /** Polls GetFunction until the configuration matches, failing with the last one seen after the deadline. */
    static FunctionConfiguration await(String name, Predicate<FunctionConfiguration> condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        FunctionConfiguration last = null;
        while (Instant.now().isBefore(deadline)) {
            last = configuration(name);
            if (condition.test(last)) {
                return last;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return fail("function " + name + " did not reach the expected state; last: " + last);
    }

    static FunctionConfiguration awaitActive(String name) {
        return await(name, c -> "Active".equals(c.stateAsString()) && "Successful".equals(c.lastUpdateStatusAsString()));
    }

    static FunctionConfiguration createActive(String name) {
        createZipFunction(name);
        return awaitActive(name);
    }

    /** Asserts an AWS error as the SDK sees it: HTTP status, error code and message. */
    static AwsServiceException assertAwsError(int status, String code, String message, Executable call) {
        AwsServiceException e = assertThrows(AwsServiceException.class, call);
        assertEquals(status, e.statusCode(), () -> "status of " + e);
        assertEquals(code, e.awsErrorDetails().errorCode(), () -> "code of " + e);
        if (message != null) {
            assertEquals(message, e.awsErrorDetails().errorMessage());
        }
        return e;
    }

    static void deleteTree(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
