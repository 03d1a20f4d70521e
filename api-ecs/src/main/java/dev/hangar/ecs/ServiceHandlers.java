package dev.hangar.ecs;

import dev.hangar.core.resource.Page;
import dev.hangar.core.service.RequestContext;
import dev.hangar.core.service.RunsOn;
import dev.hangar.core.state.AccountRegionStore;
import dev.hangar.core.time.HangarClock;
import dev.hangar.ecs.domain.ClusterRecord;
import dev.hangar.ecs.domain.ServiceConfig;
import dev.hangar.ecs.domain.ServiceRecord;
import dev.hangar.ecs.domain.ServiceSettings;
import dev.hangar.ecs.runtime.ServiceScheduler;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.CreateServiceResponse;
import software.amazon.awssdk.services.ecs.model.DeleteServiceRequest;
import software.amazon.awssdk.services.ecs.model.DeleteServiceResponse;
import software.amazon.awssdk.services.ecs.model.DescribeServicesRequest;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.ListServicesByNamespaceRequest;
import software.amazon.awssdk.services.ecs.model.ListServicesByNamespaceResponse;
import software.amazon.awssdk.services.ecs.model.ListServicesRequest;
import software.amazon.awssdk.services.ecs.model.ListServicesResponse;
import software.amazon.awssdk.services.ecs.model.SchedulingStrategy;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceConnectConfiguration;
import software.amazon.awssdk.services.ecs.model.ServiceField;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.UpdateServiceRequest;
import software.amazon.awssdk.services.ecs.model.UpdateServiceResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The service operations: CreateService, UpdateService, DeleteService, DescribeServices, ListServices,
 * ListServicesByNamespace. They change the service records only; {@link ServiceScheduler} launches and stops the
 * tasks in the background.
 */
@RunsOn(RunsOn.Pool.EVENT_LOOP)
record ServiceHandlers(AccountRegionStore<EcsRegion> regions, ServiceScheduler scheduler, HangarClock clock) {

    public CreateServiceResponse createService(RequestContext ctx, CreateServiceRequest r) {
        EcsRegion region = regions.get(ctx);
        ServiceRequests.serviceName(r.serviceName());
        ServiceRequests.controller(r.deploymentController());
        ClusterRecord cluster = region.activeCluster(r.cluster());
        if (r.taskDefinition() == null || r.taskDefinition().isEmpty()) {
            throw EcsErrors.invalidParameter("TaskDefinition is required when the deploymentController type is ECS.");
        }
        TaskDefinition td = region.taskDefinitions.forRun(r.taskDefinition());
        SchedulingStrategy strategy = ServiceRequests.strategy(r.schedulingStrategy());
        int desired = ServiceRequests.desiredCount(r.desiredCount(), strategy);
        ServiceConfig config = ServiceRequests.config(r, td);
        region.checkNetwork(config.networkConfiguration(), config.launchType());
        ServiceSettings settings = ServiceRequests.settings(r, strategy, desired);
        EcsTagging.check(r.tags());
        ServiceRecord service = new ServiceRecord(r.serviceName(), region.arns.service(cluster.name(), r.serviceName()),
                cluster, settings, "arn:aws:iam::" + ctx.accountId() + ":root", region.serviceIds(cluster, r.serviceName()),
                clock.now());
        EcsTagging.add(service.tags(), r.tags());
        service.deploy(config, clock.now());
        ServiceRecord added = region.state.addService(service);
        if (added == null) {
            throw EcsErrors.clusterNotFound();
        }
        if (added != service) {
            throw added.status() == dev.hangar.ecs.domain.ServiceStatus.DRAINING
                    ? EcsErrors.invalidParameter("Unable to Start a service that is still Draining.")
                    : EcsErrors.invalidParameter("Creation of service was not idempotent.");
        }
        Service shown = service.toSdk(false);
        scheduler.poke(service);
        return CreateServiceResponse.builder().service(shown).build();
    }

    public UpdateServiceResponse updateService(RequestContext ctx, UpdateServiceRequest r) {
        EcsRegion region = regions.get(ctx);
        ClusterRecord cluster = region.activeCluster(r.cluster());
        ServiceRecord service = region.service(cluster, r.service());
        if (!service.active()) {
            throw EcsErrors.serviceNotActive();
        }
        TaskDefinition td = r.taskDefinition() == null ? null : region.taskDefinitions.forRun(r.taskDefinition());
        ServiceSettings settings = ServiceRequests.settings(r, service.settings());
        ServiceConfig current = service.config();
        ServiceConfig next = ServiceRequests.config(r, current, td);
        if (r.networkConfiguration() != null) {
            region.checkNetwork(next.networkConfiguration(), next.launchType());
        }
        // a new deployment when the revision changes or one is forced; a desired count alone scales the current one
        boolean deploy = Boolean.TRUE.equals(r.forceNewDeployment()) || !sameRevision(current, next);
        synchronized (service) {
            service.settings(settings);
            if (deploy) {
                service.deploy(next, clock.now());
            }
        }
        Service shown = service.toSdk(false);
        scheduler.poke(service);
        return UpdateServiceResponse.builder().service(shown).build();
    }

    private static boolean sameRevision(ServiceConfig a, ServiceConfig b) {
        return a.taskDefinitionArn().equals(b.taskDefinitionArn()) && a.launchType() == b.launchType()
                && a.capacityProviderStrategy().equals(b.capacityProviderStrategy())
                && Objects.equals(a.platformVersion(), b.platformVersion())
                && Objects.equals(a.networkConfiguration(), b.networkConfiguration())
                && a.loadBalancers().equals(b.loadBalancers()) && a.serviceRegistries().equals(b.serviceRegistries())
                && a.volumes().equals(b.volumes()) && Objects.equals(a.serviceConnect(), b.serviceConnect())
                && a.enableExecuteCommand() == b.enableExecuteCommand();
    }

    public DeleteServiceResponse deleteService(RequestContext ctx, DeleteServiceRequest r) {
        EcsRegion region = regions.get(ctx);
        ClusterRecord cluster = region.activeCluster(r.cluster());
        ServiceRecord service = region.service(cluster, r.service());
        synchronized (service) {
            if (!service.active()) {
                throw EcsErrors.serviceNotActive();
            }
            boolean replica = service.settings().schedulingStrategy() == SchedulingStrategy.REPLICA;
            if (replica && service.settings().desiredCount() > 0 && !Boolean.TRUE.equals(r.force())) {
                throw EcsErrors.invalidParameter("The service cannot be stopped while it is scaled above 0.");
            }
            service.drain();
        }
        Service shown = service.toSdk(false);
        scheduler.poke(service);
        return DeleteServiceResponse.builder().service(shown).build();
    }

    public DescribeServicesResponse describeServices(RequestContext ctx, DescribeServicesRequest r) {
        if (!r.hasServices() || r.services().isEmpty()) {
            throw EcsErrors.invalidParameter("Services cannot be empty.");
        }
        if (r.services().size() > 10) {
            throw EcsErrors.invalidParameter("Services cannot contain more than 10 elements.");
        }
        EcsRegion region = regions.get(ctx);
        ClusterRecord cluster = region.anyCluster(r.cluster());
        boolean tags = r.include().contains(ServiceField.TAGS);
        List<Service> found = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (String nameOrArn : r.services()) {
            ServiceRecord service = region.serviceOrNull(cluster, nameOrArn);
            if (service == null) {
                String arn = nameOrArn.startsWith("arn:") ? nameOrArn : region.arns.service(cluster.name(), nameOrArn);
                failures.add(Failure.builder().arn(arn).reason("MISSING").build());
            } else {
                found.add(service.toSdk(tags));
            }
        }
        return DescribeServicesResponse.builder().services(found).failures(failures).build();
    }

    public ListServicesResponse listServices(RequestContext ctx, ListServicesRequest r) {
        EcsRegion region = regions.get(ctx);
        ClusterRecord cluster = region.activeCluster(r.cluster());
        if (r.schedulingStrategy() == SchedulingStrategy.UNKNOWN_TO_SDK_VERSION) {
            throw EcsErrors.invalidParameter("schedulingStrategy must be one of REPLICA, DAEMON.");
        }
        List<ServiceRecord> matching = region.state.servicesOf(cluster).stream()
                .filter(ServiceRecord::live)
                .filter(s -> r.launchType() == null || (s.config().capacityProviderStrategy().isEmpty()
                        && s.config().launchType() == r.launchType()))
                .filter(s -> r.schedulingStrategy() == null
                        || s.settings().schedulingStrategy() == r.schedulingStrategy())
                .toList();
        Page<ServiceRecord> page = EcsPages.PAGER.page(r, matching, ServiceRecord::listKey,
                EcsPages.size(r.maxResults(), 10));
        return ListServicesResponse.builder().serviceArns(page.items().stream().map(ServiceRecord::arn).toList())
                .nextToken(page.nextToken()).build();
    }

    /**
     * Services whose Service Connect configuration names the namespace (name or ARN, as given). Hangar has no Cloud
     * Map: the namespace is matched as recorded, and an unknown one lists nothing.
     */
    public ListServicesByNamespaceResponse listServicesByNamespace(RequestContext ctx,
                                                                   ListServicesByNamespaceRequest r) {
        EcsRegion region = regions.get(ctx);
        List<ServiceRecord> matching = region.state.services().stream()
                .filter(ServiceRecord::live)
                .filter(s -> {
                    ServiceConnectConfiguration sc = s.config().serviceConnect();
                    String namespace = sc != null && sc.namespace() != null ? sc.namespace()
                            : s.cluster().serviceConnectNamespace();
                    return sc != null && Boolean.TRUE.equals(sc.enabled()) && r.namespace().equals(namespace);
                })
                .toList();
        Page<ServiceRecord> page = EcsPages.PAGER.page(r, matching, ServiceRecord::listKey,
                EcsPages.size(r.maxResults(), 10));
        return ListServicesByNamespaceResponse.builder()
                .serviceArns(page.items().stream().map(ServiceRecord::arn).toList())
                .nextToken(page.nextToken()).build();
    }
}
