package dev.hangar.core.http;

import dev.hangar.core.service.AwsException;
import dev.hangar.core.service.AwsService;
import dev.hangar.core.service.Protocol;
import dev.hangar.core.service.RequestContext;
import dev.hangar.core.service.RunsOn;
import dev.hangar.core.service.ServiceCalls;
import dev.hangar.core.service.ServiceDescriptor;
import dev.hangar.core.service.ServiceFacts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.DescribeClustersRequest;
import software.amazon.awssdk.services.ecs.model.ListClustersRequest;
import software.amazon.awssdk.services.ecs.model.ListClustersResponse;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;

import java.util.List;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One service calling another through the in-process client, and requests signed with keys Hangar issued. */
class InProcessCallsTest {

    /** FakeEcsService plus RunTask on the worker pool, whose taskDefinition is required. */
    @RunsOn(RunsOn.Pool.EVENT_LOOP)
    static final class Ecs implements AwsService {
        final FakeEcsService fake = new FakeEcsService();
        volatile String runTaskThread;

        @Override
        public ServiceDescriptor descriptor() {
            return ServiceDescriptor.builder("ecs").protocols(Protocol.AWS_JSON_1_1)
                    .targetPrefix("AmazonEC2ContainerServiceV20141113").sdkClient(EcsClient.class)
                    .facts(ServiceFacts.of("RunTask 200 taskDefinition")).build();
        }

        @Override
        public List<Object> handlers() {
            return List.of(fake, this);
        }

        @RunsOn(RunsOn.Pool.WORKERS)
        public RunTaskResponse runTask(RequestContext ctx, RunTaskRequest request) {
            runTaskThread = Thread.currentThread().getName();
            return RunTaskResponse.builder().build();
        }
    }

    static final Ecs service = new Ecs();
    static HangarServer server;

    @BeforeAll
    static void start() {
        server = HangarServer.builder().port(0).service(service).build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anotherServiceCallsTheSameHandlersWithSdkRequests() {
        ServiceCalls.Caller caller = new ServiceCalls.Caller("111122223333", "eu-west-1");
        ListClustersResponse listed = server.calls().callAndWait(caller, ListClustersRequest.builder().build());
        assertEquals(List.of("arn:aws:ecs:eu-west-1:111122223333:cluster/default"), listed.clusterArns());

        ClusterNotFoundException missing = assertThrows(ClusterNotFoundException.class, () -> server.calls()
                .callAndWait(caller, DescribeClustersRequest.builder().clusters("missing").build()));
        assertEquals("Cluster not found.", missing.awsErrorDetails() == null ? missing.getMessage()
                : missing.awsErrorDetails().errorMessage());

        server.calls().callAndWait(caller, RunTaskRequest.builder().taskDefinition("web").build());
        assertTrue(service.runTaskThread.startsWith("hangar-worker"), service.runTaskThread);
    }

    @Test
    void theChecksOfAnHttpCallApplyAndUnservedRequestsAreRefused() {
        ServiceCalls.Caller caller = new ServiceCalls.Caller("000000000000", "us-east-1");
        AwsException invalid = assertThrows(AwsException.class,
                () -> server.calls().callAndWait(caller, RunTaskRequest.builder().build()));
        assertEquals("ValidationException", invalid.code());
        assertEquals("1 validation error detected: Value null at 'taskDefinition' failed to satisfy constraint: "
                + "Member must not be null", invalid.getMessage());

        CompletionException unserved = assertThrows(CompletionException.class, () -> server.calls()
                .call(caller, InvokeRequest.builder().functionName("f").build()).join());
        AwsException cause = assertInstanceOf(AwsException.class, unserved.getCause());
        assertEquals(501, cause.status());
    }

    @Test
    void aKeyHangarIssuedSignsInTheAccountItWasIssuedIn() {
        server.accounts().issued("ASIAISSUEDBYHANGAR01", "444455556666");
        try (EcsClient client = EcsClient.builder().endpointOverride(server.endpoint()).region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("ASIAISSUEDBYHANGAR01", "secret")))
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            assertEquals(List.of("arn:aws:ecs:eu-west-1:444455556666:cluster/default"),
                    client.listClusters().clusterArns());
        }
    }
}
