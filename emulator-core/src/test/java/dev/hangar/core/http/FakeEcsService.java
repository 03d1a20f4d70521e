package dev.hangar.core.http;

import dev.hangar.core.service.AwsService;
import dev.hangar.core.service.Protocol;
import dev.hangar.core.service.RequestContext;
import dev.hangar.core.service.RunsOn;
import dev.hangar.core.service.ServiceDescriptor;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.DescribeClustersRequest;
import software.amazon.awssdk.services.ecs.model.DescribeClustersResponse;
import software.amazon.awssdk.services.ecs.model.ListClustersRequest;
import software.amazon.awssdk.services.ecs.model.ListClustersResponse;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/** Two ECS operations, enough to drive the server's routing, dispatch and error paths with the real SDK client. */
@RunsOn(RunsOn.Pool.EVENT_LOOP)
final class FakeEcsService implements AwsService {

    final AtomicInteger resets = new AtomicInteger();
    volatile RequestContext lastContext;

    @Override
    public ServiceDescriptor descriptor() {
        return ServiceDescriptor.builder("ecs").protocols(Protocol.AWS_JSON_1_1)
                .targetPrefix("AmazonEC2ContainerServiceV20141113").sdkClient(EcsClient.class).build();
    }

    public ListClustersResponse listClusters(RequestContext ctx, ListClustersRequest request) {
        lastContext = ctx;
        return ListClustersResponse.builder()
                .clusterArns("arn:aws:ecs:" + ctx.region() + ":" + ctx.accountId() + ":cluster/default").build();
    }

    /** Answers later, as a handler waiting on a container would. */
    public CompletableFuture<DescribeClustersResponse> describeClusters(RequestContext ctx, DescribeClustersRequest request) {
        if (request.clusters().contains("missing")) {
            return CompletableFuture.failedFuture(ClusterNotFoundException.builder().message("Cluster not found.").build());
        }
        return CompletableFuture.supplyAsync(() -> DescribeClustersResponse.builder().build());
    }

    @Override
    public void reset() {
        resets.incrementAndGet();
    }
}
