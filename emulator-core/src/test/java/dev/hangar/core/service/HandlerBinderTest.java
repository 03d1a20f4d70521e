package dev.hangar.core.service;

import dev.hangar.core.protocol.ServiceModel;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DescribeClustersRequest;
import software.amazon.awssdk.services.ecs.model.ListClustersRequest;
import software.amazon.awssdk.services.ecs.model.ListClustersResponse;
import software.amazon.awssdk.services.ecs.model.ListServicesRequest;
import software.amazon.awssdk.services.ecs.model.ListServicesResponse;
import software.amazon.awssdk.services.ecs.model.ListTasksRequest;
import software.amazon.awssdk.services.ecs.model.ListTasksResponse;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Handlers spread over several objects, each saying where it runs; mistakes are found, not silently left at 501. */
class HandlerBinderTest {

    private static final ServiceDescriptor ECS = ServiceDescriptor.builder("ecs").protocols(Protocol.AWS_JSON_1_1)
            .targetPrefix("AmazonEC2ContainerServiceV20141113").sdkClient(EcsClient.class).build();

    @RunsOn(RunsOn.Pool.EVENT_LOOP)
    public static final class Clusters {
        public ListClustersResponse listClusters(RequestContext ctx, ListClustersRequest r) {
            return ListClustersResponse.builder().build();
        }
    }

    public static final class Services {
        @RunsOn(RunsOn.Pool.WORKERS)
        public ListServicesResponse listServices(RequestContext ctx, ListServicesRequest r) {
            return ListServicesResponse.builder().build();
        }

        /** No @RunsOn here nor on the class. */
        public ListTasksResponse listTasks(RequestContext ctx, ListTasksRequest r) {
            return ListTasksResponse.builder().build();
        }

        /** Shaped like a handler, but DescribeClusters takes a DescribeClustersRequest under another name. */
        public ListClustersResponse describeCluster(RequestContext ctx, DescribeClustersRequest r) {
            return ListClustersResponse.builder().build();
        }
    }

    private static AwsService service(Object... handlers) {
        return new AwsService() {
            @Override
            public ServiceDescriptor descriptor() {
                return ECS;
            }

            @Override
            public List<Object> handlers() {
                return List.of(handlers);
            }
        };
    }

    @Test
    void handlersAreFoundOnEveryHandlerObjectWithThePoolTheyDeclare() {
        ServiceModel model = ServiceModel.of(ECS);
        AwsService service = service(new Clusters(), new Services());
        OperationHandler clusters = HandlerBinder.bind(service, model.operation("ListClusters"));
        assertNotNull(clusters);
        assertEquals(RunsOn.Pool.EVENT_LOOP, clusters.pool());
        assertEquals(RunsOn.Pool.WORKERS, HandlerBinder.bind(service, model.operation("ListServices")).pool());
        assertNull(HandlerBinder.bind(service, model.operation("RunTask")));
    }

    @Test
    void aHandlerThatSaysNotWhereItRunsIsRefused() {
        ServiceModel model = ServiceModel.of(ECS);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> HandlerBinder.bind(service(new Services()), model.operation("ListTasks")));
        assertTrue(e.getMessage().contains("@RunsOn"), e.getMessage());
    }

    @Test
    void problemsNameUnboundLookalikesDuplicatesAndMissingDeclarations() {
        ServiceModel model = ServiceModel.of(ECS);
        List<String> problems = HandlerBinder.problems(service(new Clusters(), new Services(), new Clusters()), model);
        assertEquals(3, problems.size(), String.join("\n", problems));
        assertTrue(problems.stream().anyMatch(p -> p.contains("describeCluster") && p.contains("binds to no operation")),
                String.join("\n", problems));
        assertTrue(problems.stream().anyMatch(p -> p.contains("ListClusters is handled twice")),
                String.join("\n", problems));
        assertTrue(problems.stream().anyMatch(p -> p.contains("listTasks") && p.contains("@RunsOn")),
                String.join("\n", problems));
        assertEquals(List.of(), HandlerBinder.problems(service(new Clusters()), model));
    }
}
