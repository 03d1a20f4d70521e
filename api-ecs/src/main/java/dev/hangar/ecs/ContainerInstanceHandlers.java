package dev.hangar.ecs;

import dev.hangar.core.resource.Page;
import dev.hangar.core.service.RequestContext;
import dev.hangar.core.service.RunsOn;
import dev.hangar.core.state.AccountRegionStore;
import dev.hangar.ecs.domain.ClusterRecord;
import dev.hangar.ecs.domain.ContainerInstanceRecord;
import software.amazon.awssdk.services.ecs.model.ContainerInstance;
import software.amazon.awssdk.services.ecs.model.ContainerInstanceStatus;
import software.amazon.awssdk.services.ecs.model.DescribeContainerInstancesRequest;
import software.amazon.awssdk.services.ecs.model.DescribeContainerInstancesResponse;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.ListContainerInstancesRequest;
import software.amazon.awssdk.services.ecs.model.ListContainerInstancesResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * DescribeContainerInstances and ListContainerInstances: the container instance standing for the Docker host (see
 * {@link Placement}). Describing asks the engine for the host's size the first time (then it answers from the
 * engine pool); listing needs no size but for a runningTasksCount filter, which counts tasks only.
 */
@RunsOn(RunsOn.Pool.EVENT_LOOP)
record ContainerInstanceHandlers(AccountRegionStore<EcsRegion> regions, Placement placement) {

    public CompletableFuture<DescribeContainerInstancesResponse> describeContainerInstances(
            RequestContext ctx, DescribeContainerInstancesRequest r) {
        if (r.containerInstances().isEmpty()) {
            throw EcsErrors.invalidParameter("ContainerInstances cannot be empty.");
        }
        if (r.containerInstances().size() > 100) {
            throw EcsErrors.invalidParameter("ContainerInstances cannot contain more than 100 elements.");
        }
        EcsRegion region = regions.get(ctx);
        ClusterRecord cluster = region.activeCluster(r.cluster());
        return placement.host().get().thenApply(info -> {
            List<ContainerInstance> found = new ArrayList<>();
            List<Failure> failures = new ArrayList<>();
            for (String idOrArn : r.containerInstances()) {
                ContainerInstanceRecord instance = find(cluster, idOrArn);
                if (instance == null) {
                    String arn = idOrArn.startsWith("arn:") ? idOrArn
                            : region.arns.containerInstance(cluster.name(), idOrArn);
                    failures.add(Failure.builder().arn(arn).reason("MISSING").build());
                } else {
                    found.add(ContainerInstanceView.toSdk(instance, info, region.region));
                }
            }
            return DescribeContainerInstancesResponse.builder().containerInstances(found).failures(failures).build();
        });
    }

    public ListContainerInstancesResponse listContainerInstances(RequestContext ctx, ListContainerInstancesRequest r) {
        EcsRegion region = regions.get(ctx);
        ClusterRecord cluster = region.activeCluster(r.cluster());
        if (r.status() == ContainerInstanceStatus.UNKNOWN_TO_SDK_VERSION) {
            throw EcsErrors.invalidParameter("status must be one of ACTIVE, DRAINING, REGISTERING, DEREGISTERING,"
                    + " REGISTRATION_FAILED.");
        }
        InstanceFilter filter = InstanceFilter.parse(r.filter());
        List<ContainerInstanceRecord> matching = new ArrayList<>();
        for (ContainerInstanceRecord instance : cluster.containerInstances()) {
            // the host's instance is always ACTIVE: it is registered with its cluster and never drained
            boolean status = r.status() == null || r.status() == ContainerInstanceStatus.ACTIVE;
            if (status && filter.test(instance, ContainerInstanceView.attributes(placement.host().known(),
                    region.region))) {
                matching.add(instance);
            }
        }
        Page<ContainerInstanceRecord> page = EcsPages.PAGER.page(r, matching, ContainerInstanceRecord::listKey,
                EcsPages.size(r.maxResults()));
        return ListContainerInstancesResponse.builder()
                .containerInstanceArns(page.items().stream().map(ContainerInstanceRecord::arn).toList())
                .nextToken(page.nextToken()).build();
    }

    /** By id or by ARN (container-instance/cluster/id, or the old container-instance/id). */
    private static ContainerInstanceRecord find(ClusterRecord cluster, String idOrArn) {
        for (ContainerInstanceRecord instance : cluster.containerInstances()) {
            if (instance.arn().equals(idOrArn) || instance.id().equals(idOrArn)
                    || idOrArn.startsWith("arn:") && idOrArn.endsWith("container-instance/" + instance.id())) {
                return instance;
            }
        }
        return null;
    }
}
