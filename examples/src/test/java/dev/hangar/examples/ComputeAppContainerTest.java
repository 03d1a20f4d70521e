package dev.hangar.examples;

import dev.hangar.testcontainers.HangarContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The same application against Hangar's image, started by Testcontainers: Hangar runs in a container and starts the
 * tasks and functions next to it on the same engine. Image: scripts/build-image.sh makes hangar/hangar.
 */
class ComputeAppContainerTest {

    static HangarContainer hangar = new HangarContainer()
            .withLambdaImage("python3.12", "hangar-test/lambda-python:latest");
    static EcsClient ecs;
    static LambdaClient lambda;

    @BeforeAll
    static void start() {
        hangar.start();
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(hangar.getAccessKey(), hangar.getSecretKey()));
        ecs = EcsClient.builder().endpointOverride(hangar.getEndpoint()).region(Region.of(hangar.getRegion()))
                .credentialsProvider(credentials).build();
        lambda = LambdaClient.builder().endpointOverride(hangar.getEndpoint()).region(Region.of(hangar.getRegion()))
                .credentialsProvider(credentials).build();
    }

    @AfterAll
    static void stop() {
        ecs.close();
        lambda.close();
        hangar.stop();
    }

    @Test
    void aJobRunsAsAnEcsTaskToItsExitCode() {
        ComputeApp app = new ComputeApp(ecs, lambda);
        ecs.createCluster(b -> b.clusterName("jobs"));

        String task = app.startJob("jobs", "nightly-report", "hangar-test/busybox:latest",
                "sh", "-c", "echo building the report; exit 7");

        assertEquals(7, app.awaitJobExit("jobs", task));
    }

    @Test
    void theGreeterRunsOnLambda() {
        ComputeApp app = new ComputeApp(ecs, lambda);

        app.deployGreeter("greeter", "arn:aws:iam::000000000000:role/greeter");

        assertEquals("{\"greeting\": \"Hello, Hangar!\"}", app.greet("greeter", "Hangar"));
    }
}
