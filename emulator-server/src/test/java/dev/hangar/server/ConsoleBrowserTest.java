package dev.hangar.server;

import dev.hangar.testsupport.Await;
import dev.hangar.testsupport.Zips;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.LogDriver;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.lambda.model.State;

import java.io.File;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The web console in a real headless Chromium (Debian's /usr/bin/chromium driven by playwright-core from
 * tools/browser-test, both installed by scripts/install-test-tools.sh): a running ECS task and an invoked Lambda
 * function are listed with their status, their log tails show what they printed, and the page's screenshot is kept
 * at emulator-server/target/console-screenshot.png. The page's assertions are in src/test/browser/console.spec.mjs.
 */
class ConsoleBrowserTest {

    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path BROWSER_TOOLS = MODULE.resolveSibling("tools").resolve("browser-test");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    static Hangar hangar;
    static EcsClient ecs;
    static LambdaClient lambda;

    @BeforeAll
    static void start() throws Exception {
        hangar = Hangar.start(HangarConfig.fromEnvironment(Map.of("HANGAR_PORT", "0",
                "HANGAR_LAMBDA_IMAGE_PYTHON3_12", "hangar-test/lambda-python:latest")));
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        ecs = EcsClient.builder().endpointOverride(hangar.server().endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
        lambda = LambdaClient.builder().endpointOverride(hangar.server().endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
    }

    @AfterAll
    static void stop() {
        if (hangar != null) {
            hangar.close();
        }
    }

    @Test
    void theConsoleShowsTheTaskAndTheFunctionWithTheirLogs(@TempDir Path dir) throws Exception {
        assertTrue(Files.isExecutable(CHROMIUM), "no " + CHROMIUM + " (scripts/install-test-tools.sh installs it)");
        assertTrue(Files.isDirectory(BROWSER_TOOLS.resolve("node_modules/playwright-core")),
                "no playwright-core in " + BROWSER_TOOLS + " (scripts/install-test-tools.sh runs npm ci there)");

        // a task that prints a line and keeps serving on a published port
        ecs.createCluster(b -> b.clusterName("console"));
        ecs.registerTaskDefinition(b -> b.family("console-web").containerDefinitions(c -> c.name("web")
                .image("hangar-test/busybox:latest").essential(true).memory(128)
                .command("sh", "-c", "echo hello from the console task; exec httpd -f -p 8080")
                .portMappings(p -> p.containerPort(8080))
                .logConfiguration(l -> l.logDriver(LogDriver.AWSLOGS).options(Map.of("awslogs-group", "/ecs/console",
                        "awslogs-region", "us-east-1", "awslogs-stream-prefix", "console",
                        "awslogs-create-group", "true")))));
        String taskArn = ecs.runTask(b -> b.cluster("console").taskDefinition("console-web")).tasks().get(0).taskArn();
        String taskId = taskArn.substring(taskArn.lastIndexOf('/') + 1);
        Await.until("the task RUNNING", () -> ecs.describeTasks(b -> b.cluster("console").tasks(taskArn)).tasks()
                .get(0).lastStatus(), "RUNNING"::equals);

        // a function invoked once: its output goes to /aws/lambda/<name>
        String function = "console-fn";
        SdkBytes code = SdkBytes.fromByteArray(zip());
        lambda.createFunction(b -> b.functionName(function).runtime(Runtime.PYTHON3_12).handler("handler.handler")
                .role("arn:aws:iam::000000000000:role/lambda").code(c -> c.zipFile(code)));
        Await.until("the function Active", () -> lambda.getFunction(b -> b.functionName(function))
                .configuration().state(), State.ACTIVE::equals);
        InvokeResponse invoked = lambda.invoke(b -> b.functionName(function)
                .payload(SdkBytes.fromUtf8String("{\"who\":\"the console\"}")));
        assertEquals("{\"hello\": \"the console\"}", invoked.payload().asUtf8String());

        // the root is the console for a browser, not for an SDK
        HttpResponse<String> root = HttpClient.newHttpClient().send(HttpRequest.newBuilder(hangar.server().endpoint()
                .resolve("/")).header("Accept", "text/html,application/xhtml+xml").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, root.statusCode());
        assertTrue(root.body().contains("<title>Hangar console</title>"), root.body());

        Path screenshot = MODULE.resolve("target").resolve("console-screenshot.png");
        Files.deleteIfExists(screenshot);
        String url = hangar.server().endpoint().resolve("/_hangar/").toString();
        String output = runNode(dir, List.of(MODULE.resolve("src/test/browser/console.spec.mjs").toString(),
                url, taskId, "hello from the console task", function, "handling event from the console",
                screenshot.toString(), dir.resolve("chromium-profile").toString()));
        assertTrue(Files.size(screenshot) > 1000, "no screenshot at " + screenshot + "\n" + output);
        ecs.stopTask(b -> b.cluster("console").task(taskArn));
    }

    /** Runs the page's script; its output is the test's message when it fails. */
    private static String runNode(Path dir, List<String> args) throws Exception {
        File log = dir.resolve("node.log").toFile();
        List<String> command = new java.util.ArrayList<>(List.of("node"));
        command.addAll(args);
        Process node = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        if (!node.waitFor(120, TimeUnit.SECONDS)) {
            node.destroyForcibly();
            fail("the browser script did not end in 120 s:\n" + Files.readString(log.toPath()));
        }
        String output = Files.readString(log.toPath());
        assertEquals(0, node.exitValue(), "the browser script failed:\n" + output);
        return output;
    }

    private static byte[] zip() {
        return Zips.of("handler.py", "def handler(event, context):\n"
                + "    print('handling event from ' + event['who'])\n"
                + "    return {'hello': event['who']}\n");
    }
}
