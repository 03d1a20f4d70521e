package dev.hangar.ecs;

import dev.hangar.core.time.HangarClock;
import dev.hangar.ecs.domain.ClusterRecord;
import dev.hangar.ecs.domain.EcsState;
import dev.hangar.ecs.domain.ServiceIds;
import dev.hangar.ecs.domain.ServiceRecord;
import dev.hangar.ecs.domain.TaskRecord;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;

import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/** One account and region of ECS: its state, its ARN formats, and the lookups every handler shares. */
final class EcsRegion {

    final String region;
    final EcsArns arns;
    final EcsState state = new EcsState();
    final TaskDefinitions taskDefinitions;

    /** The awsvpc checks against EC2's network; they need the account, which each region knows. */
    final NetworkChecks networks;
    private final String account;

    /** The networkConfiguration checked as ECS checks it against the account's VPC. */
    void checkNetwork(NetworkConfiguration configuration,
                      LaunchType launchType) {
        networks.check(account, region, configuration, launchType);
    }

    EcsRegion(String account, String region, HangarClock clock, NetworkChecks networks) {
        this.networks = networks;
        this.account = account;
        this.region = region;
        this.arns = new EcsArns(region, account);
        this.taskDefinitions = new TaskDefinitions(state.taskDefinitions(), arns, clock);
    }

    /** The cluster parameter's cluster, ACTIVE; "default" when omitted. */
    ClusterRecord activeCluster(String nameOrArn) {
        ClusterRecord cluster = anyCluster(nameOrArn);
        if (!cluster.active()) {
            throw EcsErrors.clusterNotFound();
        }
        return cluster;
    }

    /** The cluster parameter's cluster, ACTIVE or INACTIVE (its stopped tasks stay describable). */
    ClusterRecord anyCluster(String nameOrArn) {
        String name = arns.clusterName(nameOrArn);
        ClusterRecord cluster = name == null ? null : state.cluster(name);
        if (cluster == null) {
            throw EcsErrors.clusterNotFound();
        }
        return cluster;
    }

    /** The service parameter's service in the cluster (any status); ServiceNotFoundException when there is none. */
    ServiceRecord service(ClusterRecord cluster, String nameOrArn) {
        ServiceRecord service = serviceOrNull(cluster, nameOrArn);
        if (service == null) {
            throw EcsErrors.serviceNotFound();
        }
        return service;
    }

    ServiceRecord serviceOrNull(ClusterRecord cluster, String nameOrArn) {
        String name = arns.serviceName(nameOrArn, cluster.name());
        return name == null ? null : state.service(cluster, name);
    }

    /** Deployment ids and ARNs for a service of this region. */
    ServiceIds serviceIds(ClusterRecord cluster, String serviceName) {
        return new ServiceIds() {
            @Override
            public String deploymentId() {
                return "ecs-svc/" + ThreadLocalRandom.current().nextLong(1_000_000_000_000_000_000L, Long.MAX_VALUE);
            }

            @Override
            public String revisionArn(String deploymentId) {
                return arns.serviceRevision(cluster.name(), serviceName,
                        deploymentId.substring(deploymentId.indexOf('/') + 1));
            }

            @Override
            public String serviceDeploymentArn() {
                byte[] bytes = new byte[16];
                ThreadLocalRandom.current().nextBytes(bytes);
                String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                return arns.serviceDeployment(cluster.name(), serviceName, id);
            }
        };
    }

    /** The task of that id or ARN in the cluster, or null. */
    TaskRecord task(ClusterRecord cluster, String idOrArn) {
        String id = EcsArns.taskId(idOrArn);
        TaskRecord task = id == null ? null : state.task(id);
        return task != null && task.cluster() == cluster ? task : null;
    }
}
