package dev.hangar.core.http;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.EcsException;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HangarServerTest {

    static FakeEcsService ecs = new FakeEcsService();
    static HangarServer server;
    static HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        server = HangarServer.builder().port(0).maxRequestBytes(64 * 1024).service(ecs)
                .plannedServices(java.util.List.of("ecs", "lambda")).build().start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    static EcsClient client(String accessKey, Region region) {
        return EcsClient.builder().endpointOverride(server.endpoint()).region(region)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, "secret")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @Test
    void routesBySigningNameAndTakesAccountAndRegionFromTheCredentials() {
        try (EcsClient client = client("123456789012", Region.EU_WEST_1)) {
            assertEquals("arn:aws:ecs:eu-west-1:123456789012:cluster/default",
                    client.listClusters().clusterArns().get(0));
        }
        try (EcsClient client = client("test", Region.US_EAST_1)) {
            assertEquals("arn:aws:ecs:us-east-1:000000000000:cluster/default",
                    client.listClusters().clusterArns().get(0));
            assertNotNull(client.listClusters().responseMetadata().requestId());
        }
    }

    @Test
    void asynchronousHandlersAndModelledErrorsReachTheClient() {
        try (EcsClient client = client("test", Region.US_EAST_1)) {
            client.describeClusters(b -> b.clusters("a"));
            ClusterNotFoundException e = assertThrows(ClusterNotFoundException.class,
                    () -> client.describeClusters(b -> b.clusters("missing")));
            assertEquals(400, e.statusCode());
            assertEquals("Cluster not found.", e.awsErrorDetails().errorMessage());
            assertNotNull(e.requestId());
        }
    }

    @Test
    void unimplementedOperationAnswers501NamingIt() {
        try (EcsClient client = client("test", Region.US_EAST_1)) {
            EcsException e = assertThrows(EcsException.class, () -> client.listServices());
            assertEquals(501, e.statusCode());
            assertTrue(e.getMessage().contains("not implemented in Hangar: ecs:ListServices"), e.getMessage());
        }
    }

    @Test
    void unknownServiceGetsAJsonErrorNotACrash() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.endpoint().resolve("/nothing/here"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, response.statusCode());
        assertEquals("UnknownServiceException", response.headers().firstValue("x-amzn-errortype").orElseThrow());
        assertTrue(response.headers().firstValue("x-amzn-requestid").isPresent());
        assertTrue(response.body().contains("\"__type\":\"UnknownServiceException\""), response.body());
    }

    @Test
    void oversizedRequestGets413InAwsShape() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.endpoint().resolve("/"))
                .header("X-Amz-Target", "AmazonEC2ContainerServiceV20141113.ListClusters")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[100 * 1024])).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(413, response.statusCode());
        assertTrue(response.body().contains("RequestEntityTooLargeException"), response.body());
    }

    @Test
    void healthListsServicesAndResetClearsState() throws Exception {
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(server.endpoint().resolve("/_hangar/health"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode());
        assertTrue(health.body().contains("\"ecs\":{\"implemented\":true"), health.body());
        assertTrue(health.body().contains("\"lambda\":{\"implemented\":false}"), health.body());
        assertTrue(health.body().contains("\"runtime\":{\"engine\":\"none\",\"available\":false"), health.body());

        int before = ecs.resets.get();
        HttpResponse<String> reset = http.send(HttpRequest.newBuilder(server.endpoint().resolve("/_hangar/state/reset"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, reset.statusCode());
        assertEquals(before + 1, ecs.resets.get());
    }

    @Test
    void keepsConnectionsAlive() throws Exception {
        URI uri = server.endpoint().resolve("/_hangar/health");
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
            assertTrue(response.headers().firstValue("connection").map(v -> !v.equals("close")).orElse(true));
        }
    }
}
