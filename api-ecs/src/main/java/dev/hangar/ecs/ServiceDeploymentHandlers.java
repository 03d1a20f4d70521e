package dev.hangar.ecs;

import dev.hangar.core.resource.Page;
import dev.hangar.core.service.RequestContext;
import dev.hangar.core.service.RunsOn;
import dev.hangar.core.state.AccountRegionStore;
import dev.hangar.ecs.domain.ClusterRecord;
import dev.hangar.ecs.domain.ServiceRecord;
import software.amazon.awssdk.services.ecs.model.CreatedAt;
import software.amazon.awssdk.services.ecs.model.DescribeServiceDeploymentsRequest;
import software.amazon.awssdk.services.ecs.model.DescribeServiceDeploymentsResponse;
import software.amazon.awssdk.services.ecs.model.DescribeServiceRevisionsRequest;
import software.amazon.awssdk.services.ecs.model.DescribeServiceRevisionsResponse;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.ListServiceDeploymentsRequest;
import software.amazon.awssdk.services.ecs.model.ListServiceDeploymentsResponse;
import software.amazon.awssdk.services.ecs.model.ServiceDeployment;
import software.amazon.awssdk.services.ecs.model.ServiceDeploymentBrief;
import software.amazon.awssdk.services.ecs.model.ServiceRevision;

import dev.hangar.core.resource.PageKeys;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** ListServiceDeployments, DescribeServiceDeployments, DescribeServiceRevisions: a service's deployment history. */
@RunsOn(RunsOn.Pool.EVENT_LOOP)
record ServiceDeploymentHandlers(AccountRegionStore<EcsRegion> regions) {

    public ListServiceDeploymentsResponse listServiceDeployments(RequestContext ctx, ListServiceDeploymentsRequest r) {
        EcsRegion region = regions.get(ctx);
        ClusterRecord cluster = region.anyCluster(r.cluster());
        ServiceRecord service = region.service(cluster, r.service());
        CreatedAt created = r.createdAt();
        List<ServiceDeploymentBrief> matching = service.serviceDeployments().stream()
                .filter(d -> !r.hasStatus() || r.status().isEmpty() || r.status().contains(d.status()))
                .filter(d -> created == null || created.after() == null || !d.createdAt().isBefore(created.after()))
                .filter(d -> created == null || created.before() == null || !d.createdAt().isAfter(created.before()))
                .toList();
        // newest first, as ECS lists them; the ARN is the key that survives paging
        Page<ServiceDeploymentBrief> page = EcsPages.PAGER.page(r, matching, ServiceDeploymentHandlers::key,
                Comparator.reverseOrder(), EcsPages.size(r.maxResults(), 20));
        return ListServiceDeploymentsResponse.builder().serviceDeployments(page.items()).nextToken(page.nextToken())
                .build();
    }

    public DescribeServiceDeploymentsResponse describeServiceDeployments(RequestContext ctx,
                                                                         DescribeServiceDeploymentsRequest r) {
        EcsRegion region = regions.get(ctx);
        if (!r.hasServiceDeploymentArns() || r.serviceDeploymentArns().isEmpty()) {
            throw EcsErrors.invalidParameter("serviceDeploymentArns cannot be empty.");
        }
        List<ServiceDeployment> found = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (String arn : r.serviceDeploymentArns()) {
            ServiceDeployment d = null;
            ServiceRecord service = serviceOf(region, arn, "service-deployment/");
            if (service != null) {
                d = service.serviceDeployment(arn);
            }
            if (d == null) {
                failures.add(Failure.builder().arn(arn).reason("MISSING").build());
            } else {
                found.add(d);
            }
        }
        return DescribeServiceDeploymentsResponse.builder().serviceDeployments(found).failures(failures).build();
    }

    public DescribeServiceRevisionsResponse describeServiceRevisions(RequestContext ctx,
                                                                     DescribeServiceRevisionsRequest r) {
        EcsRegion region = regions.get(ctx);
        if (!r.hasServiceRevisionArns() || r.serviceRevisionArns().isEmpty()) {
            throw EcsErrors.invalidParameter("serviceRevisionArns cannot be empty.");
        }
        List<ServiceRevision> found = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (String arn : r.serviceRevisionArns()) {
            ServiceRevision revision = null;
            ServiceRecord service = serviceOf(region, arn, "service-revision/");
            if (service != null) {
                revision = service.serviceRevision(arn);
            }
            if (revision == null) {
                failures.add(Failure.builder().arn(arn).reason("MISSING").build());
            } else {
                found.add(revision);
            }
        }
        return DescribeServiceRevisionsResponse.builder().serviceRevisions(found).failures(failures).build();
    }

    private static String key(ServiceDeploymentBrief d) {
        return PageKeys.number(d.createdAt().toEpochMilli()) + " " + d.serviceDeploymentArn();
    }

    /** The service a service-deployment/cluster/service/id or service-revision/… ARN names, or null. */
    private static ServiceRecord serviceOf(EcsRegion region, String arn, String prefix) {
        String rest = region.arns.resourceOf(arn);
        if (rest == null || !rest.startsWith(prefix)) {
            return null;
        }
        String[] parts = rest.substring(prefix.length()).split("/");
        if (parts.length != 3) {
            return null;
        }
        ClusterRecord cluster = region.state.cluster(parts[0]);
        return cluster == null ? null : region.state.service(cluster, parts[1]);
    }
}
