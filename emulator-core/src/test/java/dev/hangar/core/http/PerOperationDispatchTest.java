package dev.hangar.core.http;

import dev.hangar.core.service.AwsService;
import dev.hangar.core.service.Protocol;
import dev.hangar.core.service.RequestContext;
import dev.hangar.core.service.RunsOn;
import dev.hangar.core.service.ServiceDescriptor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DescribeClustersRequest;
import software.amazon.awssdk.services.ecs.model.DescribeClustersResponse;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.ecs.model.ListClustersRequest;
import software.amazon.awssdk.services.ecs.model.ListClustersResponse;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A service whose handlers mostly block can let single handlers run on the event loop. */
class PerOperationDispatchTest {

    /** ListClusters may run on the event loop; DescribeClusters stays on the worker pool. */
    @RunsOn(RunsOn.Pool.WORKERS)
    static final class MixedService implements AwsService {
        volatile String listThread;
        volatile String describeThread;

        @Override
        public ServiceDescriptor descriptor() {
            return ServiceDescriptor.builder("ecs").protocols(Protocol.AWS_JSON_1_1)
                    .targetPrefix("AmazonEC2ContainerServiceV20141113").sdkClient(EcsClient.class).build();
        }

        @RunsOn(RunsOn.Pool.EVENT_LOOP)
        public ListClustersResponse listClusters(RequestContext ctx, ListClustersRequest request) {
            listThread = Thread.currentThread().getName();
            return ListClustersResponse.builder().build();
        }

        public DescribeClustersResponse describeClusters(RequestContext ctx, DescribeClustersRequest request) {
            describeThread = Thread.currentThread().getName();
            return DescribeClustersResponse.builder().build();
        }

        @Override
        public void reset() {
        }
    }

    static final MixedService service = new MixedService();
    static HangarServer server;

    @BeforeAll
    static void start() throws Exception {
        server = HangarServer.builder().port(0).workerThreads(2).service(service).build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static EcsClient client() {
        return EcsClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "secret")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @Test
    void namedOperationsRunOnTheEventLoopAndTheRestOnWorkers() {
        try (EcsClient client = client()) {
            client.listClusters();
            client.describeClusters(b -> b.clusters("a"));
        }
        assertFalse(service.listThread.startsWith("hangar-worker"), service.listThread);
        assertTrue(service.describeThread.startsWith("hangar-worker"), service.describeThread);
    }

    @Test
    void unimplementedAndUnknownOperationsStillGetTheServiceErrorShape() throws Exception {
        try (EcsClient client = client()) {
            EcsException e = assertThrows(EcsException.class, client::listServices);
            assertEquals(501, e.statusCode());
        }
        HttpResponse<String> unknown = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.endpoint())
                        .header("X-Amz-Target", "AmazonEC2ContainerServiceV20141113.NoSuchThing")
                        .header("Content-Type", "application/x-amz-json-1.1")
                        .header("Authorization", "AWS4-HMAC-SHA256 Credential=test/20261125/us-east-1/ecs/aws4_request")
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, unknown.statusCode());
        assertTrue(unknown.body().contains("UnknownOperationException"), unknown.body());
    }
}
