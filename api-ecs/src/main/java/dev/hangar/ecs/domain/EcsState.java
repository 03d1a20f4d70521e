package dev.hangar.ecs.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything ECS holds for one account and region: clusters and tasks (task definitions live in their registry). */
public final class EcsState {

    private final Map<String, ClusterRecord> clusters = new LinkedHashMap<>();
    private final Map<String, TaskRecord> tasks = new LinkedHashMap<>();
    /** By cluster name and service name: "cluster/service". */
    private final Map<String, ServiceRecord> services = new LinkedHashMap<>();

    public synchronized ClusterRecord cluster(String name) {
        return clusters.get(name);
    }

    /** The cluster of that name, created or reactivated. */
    public synchronized ClusterRecord createCluster(String name, String arn) {
        ClusterRecord cluster = clusters.computeIfAbsent(name, n -> new ClusterRecord(n, arn));
        cluster.activate();
        return cluster;
    }

    public synchronized List<ClusterRecord> clusters() {
        return new ArrayList<>(clusters.values());
    }

    private final TaskDefinitionRegistry taskDefinitions = new TaskDefinitionRegistry();

    public TaskDefinitionRegistry taskDefinitions() {
        return taskDefinitions;
    }

    /** How long stopped tasks stay describable: AWS documents "at least one hour". */
    static final Duration STOPPED_TASK_RETENTION = Duration.ofHours(1);

    /**
     * Adds the tasks unless the cluster was deleted meanwhile (checked under the lock DeleteCluster takes), and
     * forgets tasks stopped longer ago than the retention, so that a long-lived Hangar does not grow without end.
     * RunTask's idempotency lives here too: when a task of the cluster was launched with the same clientToken, nothing
     * is added and the tasks of that earlier request are returned (AWS: a token is used once per cluster).
     *
     * @param now             on Hangar's clock: the retention is Hangar's own timer
     * @return {@code newTasks} when they were added, the earlier request's tasks for a known token, or null when the
     *         cluster is no longer ACTIVE
     */
    public synchronized List<TaskRecord> addTasks(ClusterRecord cluster, String clientToken, List<TaskRecord> newTasks,
                                                  Instant now) {
        if (!cluster.active()) {
            return null;
        }
        Instant horizon = now.minus(STOPPED_TASK_RETENTION);
        tasks.values().removeIf(t -> t.stoppedBefore(horizon));
        if (clientToken != null) {
            List<TaskRecord> earlier = tasks.values().stream()
                    .filter(t -> t.cluster() == cluster && clientToken.equals(t.clientToken())).toList();
            if (!earlier.isEmpty()) {
                return earlier;
            }
        }
        newTasks.forEach(t -> tasks.put(t.id(), t));
        return newTasks;
    }

    public synchronized ServiceRecord service(ClusterRecord cluster, String name) {
        return services.get(cluster.name() + "/" + name);
    }

    /**
     * Adds the service unless the cluster was deleted meanwhile or a service of that name is there and not INACTIVE;
     * an INACTIVE one of the same name is replaced, as on AWS.
     *
     * @return the service added, or the one in the way (the caller tells them apart), or null for no cluster
     */
    public synchronized ServiceRecord addService(ServiceRecord service) {
        if (!service.cluster().active()) {
            return null;
        }
        String key = service.cluster().name() + "/" + service.name();
        ServiceRecord there = services.get(key);
        if (there != null && there.live()) {
            return there;
        }
        services.put(key, service);
        return service;
    }

    /** Services in creation order. */
    public synchronized List<ServiceRecord> services() {
        List<ServiceRecord> out = new ArrayList<>(services.values());
        out.sort(java.util.Comparator.comparing(ServiceRecord::listKey));
        return out;
    }

    public List<ServiceRecord> servicesOf(ClusterRecord cluster) {
        return services().stream().filter(s -> s.cluster() == cluster).toList();
    }

    /** Deactivates the cluster unless it still has a service that is not INACTIVE or a task that is not STOPPED. */
    public synchronized boolean deleteClusterIfIdle(ClusterRecord cluster) {
        for (TaskRecord t : tasks.values()) {
            if (t.cluster() == cluster && t.active()) {
                return false;
            }
        }
        cluster.deactivate();
        return true;
    }

    /** Whether the cluster has a service that is ACTIVE or DRAINING (DeleteCluster refuses then). */
    public synchronized boolean hasLiveServices(ClusterRecord cluster) {
        for (ServiceRecord s : services.values()) {
            if (s.cluster() == cluster && s.live()) {
                return true;
            }
        }
        return false;
    }

    public synchronized TaskRecord task(String id) {
        return tasks.get(id);
    }

    /** Tasks in the order they were created. */
    public synchronized List<TaskRecord> tasks() {
        return new ArrayList<>(tasks.values());
    }

    public List<TaskRecord> tasksOf(ClusterRecord cluster) {
        return tasks().stream().filter(t -> t.cluster() == cluster).toList();
    }

    public ClusterRecord.TaskCounts counts(ClusterRecord cluster) {
        int running = 0;
        int pending = 0;
        for (TaskRecord t : tasksOf(cluster)) {
            if (t.countsAsRunning()) {
                running++;
            } else if (t.countsAsPending()) {
                pending++;
            }
        }
        int activeServices = (int) servicesOf(cluster).stream().filter(ServiceRecord::active).count();
        return new ClusterRecord.TaskCounts(running, pending, activeServices);
    }
}
