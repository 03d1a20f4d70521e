package dev.hangar.junit5;

import dev.hangar.testsupport.Zips;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateFunctionResponse;
import software.amazon.awssdk.services.lambda.model.Runtime;

import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A user's test class: the annotation, injected clients doing real calls, one Hangar for the class. */
@HangarTest
class HangarTestAnnotationTest {

    @Test
    void ecsClientMakesAndListsClusters(EcsClient ecs, HangarInfo hangar) {
        Cluster cluster = ecs.createCluster(b -> b.clusterName("orders")).cluster();
        assertEquals("arn:aws:ecs:us-east-1:000000000000:cluster/orders", cluster.clusterArn());
        assertEquals("000000000000", hangar.account());
        assertTrue(ecs.listClusters().clusterArns().contains(cluster.clusterArn()));
    }

    @Test
    void logsClientMakesLogGroups(CloudWatchLogsClient logs) {
        logs.createLogGroup(b -> b.logGroupName("/orders/app"));
        assertEquals("/orders/app", logs.describeLogGroups(b -> b.logGroupNamePrefix("/orders/"))
                .logGroups().get(0).logGroupName());
    }

    @Test
    void lambdaClientMakesFunctionsFromAZip(LambdaClient lambda) {
        CreateFunctionResponse made = lambda.createFunction(b -> b.functionName("greeter").runtime(Runtime.PYTHON3_12)
                .handler("app.handler").role("arn:aws:iam::000000000000:role/lambda")
                .code(c -> c.zipFile(SdkBytes.fromByteArray(Zips.of("app.py",
                        "def handler(event, context):\n    return 'hi'\n")))));
        assertEquals("arn:aws:lambda:us-east-1:000000000000:function:greeter", made.functionArn());
        assertTrue(lambda.listFunctions().functions().stream().anyMatch(f -> f.functionName().equals("greeter")));
    }

    @Test
    void endpointIsTheRunningHangar(@HangarEndpoint URI endpoint, HangarInfo info) throws Exception {
        assertEquals(info.endpoint(), endpoint);
        assertEquals("127.0.0.1", endpoint.getHost());
        assertTrue(endpoint.getPort() > 0, endpoint.toString());
        HttpURLConnection health = (HttpURLConnection) endpoint.resolve("/_hangar/health").toURL().openConnection();
        assertEquals(200, health.getResponseCode());
        String body = new String(health.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(body.contains("\"ecs\":{\"implemented\":true"), body);
    }

    /** Hangar's log reaches the tests' own binding (slf4j-simple here, writing the file the pom names). */
    @Test
    void hangarLogsToTheTestsSlf4jBinding(@HangarEndpoint URI endpoint) throws Exception {
        assertEquals("org.slf4j.simple.SimpleLoggerFactory", LoggerFactory.getILoggerFactory().getClass().getName());
        assertThrows(ClassNotFoundException.class, () -> Class.forName("ch.qos.logback.classic.Logger"));
        Path log = Path.of(System.getProperty("org.slf4j.simpleLogger.logFile"));
        String text = Files.readString(log);
        assertTrue(text.contains("listening on " + endpoint + " in "), text);
    }

    @Nested
    class NestedClass {
        @Test
        void sharesTheEnclosingClassHangar(EcsClient ecs) {
            ecs.createCluster(b -> b.clusterName("nested"));
            assertTrue(ecs.listClusters().clusterArns().stream().anyMatch(a -> a.endsWith("/nested")));
        }
    }
}
