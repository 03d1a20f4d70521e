package dev.hangar.ecs;

import dev.hangar.core.resource.Page;
import dev.hangar.core.service.RequestContext;
import dev.hangar.core.service.RunsOn;
import dev.hangar.core.state.AccountRegionStore;
import dev.hangar.core.time.HangarClock;
import dev.hangar.ecs.domain.ClusterRecord;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ClusterField;
import software.amazon.awssdk.services.ecs.model.CreateClusterRequest;
import software.amazon.awssdk.services.ecs.model.CreateClusterResponse;
import software.amazon.awssdk.services.ecs.model.DeleteClusterRequest;
import software.amazon.awssdk.services.ecs.model.DeleteClusterResponse;
import software.amazon.awssdk.services.ecs.model.DescribeClustersRequest;
import software.amazon.awssdk.services.ecs.model.DescribeClustersResponse;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.ListClustersRequest;
import software.amazon.awssdk.services.ecs.model.ListClustersResponse;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * The cluster operations: CreateCluster, DescribeClusters, ListClusters, DeleteCluster.
 *
 * @param placement registers each new cluster's container instance standing for the Docker host
 */
@RunsOn(RunsOn.Pool.EVENT_LOOP)
record ClusterHandlers(AccountRegionStore<EcsRegion> regions, Placement placement, HangarClock clock) {

    public CreateClusterResponse createCluster(RequestContext ctx, CreateClusterRequest r) {
        EcsRegion region = regions.get(ctx);
        String name = r.clusterName() == null ? "default" : r.clusterName();
        EcsValidation.clusterName(name);
        EcsTagging.check(r.tags());
        ClusterRecord cluster = region.state.createCluster(name, region.arns.cluster(name));
        placement.registerHostInstance(cluster, region.arns, clock.now());
        cluster.configure(r.settings(), r.configuration(), r.capacityProviders(), r.defaultCapacityProviderStrategy(),
                r.serviceConnectDefaults() == null ? null : r.serviceConnectDefaults().namespace());
        EcsTagging.add(cluster.tags(), r.tags());
        EnumSet<ClusterField> shown = EnumSet.of(ClusterField.SETTINGS, ClusterField.CONFIGURATIONS);
        if (!cluster.tags().isEmpty()) {
            shown.add(ClusterField.TAGS);
        }
        return CreateClusterResponse.builder().cluster(cluster.toSdk(region.state.counts(cluster), shown)).build();
    }

    public DescribeClustersResponse describeClusters(RequestContext ctx, DescribeClustersRequest r) {
        EcsRegion region = regions.get(ctx);
        List<String> names = r.hasClusters() && !r.clusters().isEmpty() ? r.clusters() : List.of("default");
        List<Cluster> found = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (String nameOrArn : names) {
            String name = region.arns.clusterName(nameOrArn);
            ClusterRecord cluster = name == null ? null : region.state.cluster(name);
            if (cluster == null) {
                String arn = nameOrArn.startsWith("arn:") ? nameOrArn : region.arns.cluster(nameOrArn);
                failures.add(Failure.builder().arn(arn).reason("MISSING").build());
            } else {
                found.add(cluster.toSdk(region.state.counts(cluster), r.include()));
            }
        }
        return DescribeClustersResponse.builder().clusters(found).failures(failures).build();
    }

    public ListClustersResponse listClusters(RequestContext ctx, ListClustersRequest r) {
        List<ClusterRecord> active = regions.get(ctx).state.clusters().stream().filter(ClusterRecord::active).toList();
        Page<ClusterRecord> page = EcsPages.PAGER.page(r, active, ClusterRecord::listKey,
                EcsPages.size(r.maxResults()));
        return ListClustersResponse.builder().clusterArns(page.items().stream().map(ClusterRecord::arn).toList())
                .nextToken(page.nextToken()).build();
    }

    public DeleteClusterResponse deleteCluster(RequestContext ctx, DeleteClusterRequest r) {
        EcsRegion region = regions.get(ctx);
        ClusterRecord cluster = region.activeCluster(r.cluster());
        if (region.state.hasLiveServices(cluster)) {
            throw EcsErrors.clusterContainsServices();
        }
        if (!region.state.deleteClusterIfIdle(cluster)) {
            throw EcsErrors.clusterContainsTasks();
        }
        return DeleteClusterResponse.builder().cluster(cluster.toSdk(region.state.counts(cluster),
                EnumSet.of(ClusterField.SETTINGS, ClusterField.CONFIGURATIONS))).build();
    }
}
