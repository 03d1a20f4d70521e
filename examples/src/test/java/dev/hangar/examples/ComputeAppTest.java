package dev.hangar.examples;

import dev.hangar.junit5.HangarTest;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The application against a Hangar started in this JVM: real ECS tasks and Lambda functions in containers on the
 * local Docker engine. Images: scripts/build-test-images.sh and scripts/build-lambda-images.sh make them (a
 * machine that can pull uses AWS's public Lambda base images without the env setting).
 */
@HangarTest(resetBetweenTests = true,
        env = "HANGAR_LAMBDA_IMAGE_PYTHON3_12=hangar-test/lambda-python:latest")
class ComputeAppTest {

    @Test
    void aJobRunsAsAnEcsTaskToItsExitCode(EcsClient ecs, LambdaClient lambda) {
        ComputeApp app = new ComputeApp(ecs, lambda);
        ecs.createCluster(b -> b.clusterName("jobs"));

        String task = app.startJob("jobs", "nightly-report", "hangar-test/busybox:latest",
                "sh", "-c", "echo building the report; exit 7");

        assertEquals(7, app.awaitJobExit("jobs", task));
    }

    @Test
    void theGreeterRunsOnLambda(EcsClient ecs, LambdaClient lambda) {
        ComputeApp app = new ComputeApp(ecs, lambda);

        app.deployGreeter("greeter", "arn:aws:iam::000000000000:role/greeter");

        assertEquals("{\"greeting\": \"Hello, Hangar!\"}", app.greet("greeter", "Hangar"));
    }
}
