package dev.hangar.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The wired Hangar as `java -jar` runs it: ECS answers through the SDK, health sees the Docker engine. */
class HangarEndToEndTest {

    static Hangar hangar;

    @BeforeAll
    static void start() throws Exception {
        hangar = Hangar.start(HangarConfig.fromEnvironment(Map.of("HANGAR_PORT", "0")));
    }

    @AfterAll
    static void stop() {
        hangar.close();
    }

    @Test
    void ecsAnswersThroughTheSdk() {
        try (EcsClient ecs = EcsClient.builder().endpointOverride(hangar.server().endpoint()).region(Region.US_WEST_2)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            String arn = ecs.createCluster(b -> b.clusterName("e2e")).cluster().clusterArn();
            assertEquals("arn:aws:ecs:us-west-2:000000000000:cluster/e2e", arn);
            assertTrue(ecs.listClusters().clusterArns().contains(arn));
        }
    }

    @Test
    void healthReportsTheDockerEngine() throws Exception {
        // the engine connects while the server binds: health says "connecting" for the first moments
        HttpResponse<String> health;
        long deadline = System.nanoTime() + 15_000_000_000L;
        do {
            health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(hangar.server().endpoint().resolve("/_hangar/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode());
        } while (health.body().contains("connecting to the Docker engine") && System.nanoTime() < deadline
                && sleep(50));
        assertTrue(health.body().contains("\"runtime\":{\"engine\":\"docker\",\"available\":true"), health.body());
        assertTrue(health.body().contains("\"ecs\":{\"implemented\":true"), health.body());
    }

    private static boolean sleep(long millis) throws InterruptedException {
        Thread.sleep(millis);
        return true;
    }
}
