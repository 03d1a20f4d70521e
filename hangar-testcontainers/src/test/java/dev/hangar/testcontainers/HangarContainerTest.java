package dev.hangar.testcontainers;

import com.github.dockerjava.api.exception.NotFoundException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.Runtime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * HangarContainer from the locally built image (scripts/build-image.sh), used as a user would: an ECS task and a
 * Lambda function through SDK v2 clients. Hangar runs in a container here, so this proves container mode: function
 * containers reach the Runtime API and AWS_ENDPOINT_URL across the bridge, and function code (a bind mount on the
 * host) arrives as a copy.
 */
class HangarContainerTest {

    private static final String PYTHON_IMAGE = "hangar-test/lambda-python:latest";
    /** No runtime client of its own: Hangar brings its bootstrap.py, a second folder copied in container mode. */
    private static final String PLAIN_PYTHON_IMAGE = "hangar-test/python-plain:latest";
    private static final String BUSYBOX = "hangar-test/busybox:latest";
    /** Bounded: the SDK's waiters poll every second or so, for at most a minute here. */
    private static final Consumer<WaiterOverrideConfiguration.Builder> WAIT =
            w -> w.maxAttempts(120).waitTimeout(Duration.ofSeconds(60));

    private static HangarContainer hangar;

    @BeforeAll
    static void startHangar() {
        requireImage(HangarContainer.IMAGE + ":" + HangarVersion.current(), "scripts/build-image.sh");
        requireImage(PYTHON_IMAGE, "scripts/build-lambda-images.sh");
        requireImage(PLAIN_PYTHON_IMAGE, "scripts/build-lambda-images.sh");
        requireImage(BUSYBOX, "scripts/build-test-images.sh");
        hangar = new HangarContainer()
                .withLambdaImage("python3.12", PYTHON_IMAGE)
                .withLambdaImage("python3.11", PLAIN_PYTHON_IMAGE)
                .withDefaultRegion("eu-west-1");
        hangar.start();
    }

    @AfterAll
    static void stopHangar() {
        if (hangar != null) {
            hangar.stop();
        }
    }

    @Test
    void healthSaysContainerModeWithItsNetwork() throws Exception {
        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(hangar.getEndpoint().resolve(HangarContainer.HEALTH_PATH)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode());
        assertTrue(health.body().contains("\"mode\":\"container\""), health.body());
        assertTrue(health.body().contains("\"network\":\"bridge\""), health.body());
        assertEquals(hangar.getEndpoint(), hangar.getEndpointOverride("lambda"));
    }

    @Test
    void runsAnEcsTaskToItsExit() {
        try (EcsClient ecs = client(EcsClient.builder())) {
            ecs.createCluster(b -> b.clusterName("tc"));
            ecs.registerTaskDefinition(b -> b.family("hello").containerDefinitions(c -> c.name("main")
                    .image(BUSYBOX).memory(64).essential(true).command("echo", "hi")));
            Task started = ecs.runTask(b -> b.cluster("tc").taskDefinition("hello")).tasks().get(0);

            ecs.waiter().waitUntilTasksStopped(b -> b.cluster("tc").tasks(started.taskArn()), WAIT);
            Task stopped = ecs.describeTasks(b -> b.cluster("tc").tasks(started.taskArn())).tasks().get(0);
            assertEquals("STOPPED", stopped.lastStatus());
            assertEquals(0, stopped.containers().get(0).exitCode(), stopped.toString());
            assertTrue(stopped.taskArn().startsWith("arn:aws:ecs:eu-west-1:"), stopped.taskArn());
        }
    }

    @Test
    void createsAndInvokesAPythonFunction() throws IOException {
        assertGreets("greet", Runtime.PYTHON3_12);
    }

    @Test
    void runsAFunctionInAPlainImageWithHangarsRuntimeClientCopiedIn() throws IOException {
        assertGreets("greet-plain", Runtime.PYTHON3_11);
    }

    private static void assertGreets(String name, Runtime runtime) throws IOException {
        SdkBytes code = SdkBytes.fromByteArray(zip("app.py", HANDLER));
        try (LambdaClient lambda = client(LambdaClient.builder())) {
            lambda.createFunction(b -> b.functionName(name).runtime(runtime).handler("app.handler")
                    .role("arn:aws:iam::000000000000:role/lambda").timeout(30)
                    .code(c -> c.zipFile(code)));
            lambda.waiter().waitUntilFunctionActiveV2(b -> b.functionName(name), WAIT);

            InvokeResponse response = lambda.invoke(b -> b.functionName(name)
                    .payload(SdkBytes.fromUtf8String("{\"name\":\"hangar\"}")));

            assertEquals(200, response.statusCode());
            assertEquals(null, response.functionError(), response.payload().asUtf8String());
            // the handler read its event, and called Hangar back at AWS_ENDPOINT_URL (Hangar's address on the bridge)
            assertEquals("{\"greeting\": \"hello hangar\", \"health\": 200}", response.payload().asUtf8String());
        }
    }

    /** Answers a greeting, and the status of Hangar's health at the AWS_ENDPOINT_URL the function was given. */
    private static final String HANDLER = String.join("\n",
            "import os, urllib.request",
            "def handler(event, context):",
            "    with urllib.request.urlopen(os.environ['AWS_ENDPOINT_URL'] + '/_hangar/health', timeout=10) as r:",
            "        status = r.status",
            "    return {'greeting': 'hello ' + event['name'], 'health': status}",
            "");

    private static <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, C>
            & software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<B, C>, C> C client(B builder) {
        return builder.endpointOverride(hangar.getEndpoint())
                .region(Region.of(hangar.getRegion()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(hangar.getAccessKey(), hangar.getSecretKey())))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    private static byte[] zip(String name, String content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static void requireImage(String image, String script) {
        try {
            DockerClientFactory.instance().client().inspectImageCmd(image).exec();
        } catch (NotFoundException e) {
            fail("image " + image + " is missing: build it with " + script);
        }
    }
}
