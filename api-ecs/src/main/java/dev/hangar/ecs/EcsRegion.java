package dev.hangar.ecs;

import dev.hangar.core.time.HangarClock;
import dev.hangar.ecs.domain.ClusterRecord;
import dev.hangar.ecs.domain.EcsState;
import dev.hangar.ecs.domain.TaskRecord;

/** One account and region of ECS: its state, its ARN formats, and the lookups every handler shares. */
final class EcsRegion {

    final String region;
    final EcsArns arns;
    final EcsState state = new EcsState();
    final TaskDefinitions taskDefinitions;

    EcsRegion(String account, String region, HangarClock clock) {
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

    /** The task of that id or ARN in the cluster, or null. */
    TaskRecord task(ClusterRecord cluster, String idOrArn) {
        String id = EcsArns.taskId(idOrArn);
        TaskRecord task = id == null ? null : state.task(id);
        return task != null && task.cluster() == cluster ? task : null;
    }
}
