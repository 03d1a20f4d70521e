package dev.hangar.ecs;

import dev.hangar.core.admin.ConsoleView;
import dev.hangar.core.state.AccountRegionStore;
import dev.hangar.ecs.domain.ClusterRecord;
import dev.hangar.ecs.domain.ServiceRecord;
import dev.hangar.ecs.domain.TaskContainer;
import dev.hangar.ecs.domain.TaskRecord;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.LogConfiguration;
import software.amazon.awssdk.services.ecs.model.NetworkBinding;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.Task;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ECS on the web console: clusters with their task counts, services with their deployments and newest event, and
 * tasks with status, containers, published ports and the log group and stream their awslogs output goes to (the
 * stream as TaskLogs names it).
 */
final class EcsConsoleView implements ConsoleView {

    private final AccountRegionStore<EcsRegion> regions;

    EcsConsoleView(AccountRegionStore<EcsRegion> regions) {
        this.regions = regions;
    }

    @Override
    public List<Map<String, Object>> resources() {
        List<Map<String, Object>> out = new ArrayList<>();
        regions.forEach((account, region, ecs) -> {
            List<ClusterRecord> clusters = ecs.state.clusters();
            List<TaskRecord> tasks = ecs.state.tasks();
            if (clusters.isEmpty() && tasks.isEmpty()) {
                return;
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("account", account);
            entry.put("region", region);
            entry.put("clusters", clusters.stream().map(c -> cluster(ecs, c)).toList());
            entry.put("services", ecs.state.services().stream().map(EcsConsoleView::service).toList());
            entry.put("tasks", tasks.stream().map(t -> task(region, t)).toList());
            out.add(entry);
        });
        return out;
    }

    private static Map<String, Object> cluster(EcsRegion ecs, ClusterRecord cluster) {
        ClusterRecord.TaskCounts counts = ecs.state.counts(cluster);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", cluster.name());
        m.put("arn", cluster.arn());
        m.put("status", cluster.active() ? "ACTIVE" : "INACTIVE");
        m.put("runningTasks", counts.running());
        m.put("pendingTasks", counts.pending());
        return m;
    }

    /** A service: its counts, its deployments' rollout, and its newest event (what says why it is not steady). */
    private static Map<String, Object> service(ServiceRecord record) {
        Service service = record.toSdk(false);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", service.serviceName());
        m.put("arn", service.serviceArn());
        m.put("cluster", record.cluster().name());
        m.put("status", service.status());
        m.put("taskDefinition", service.taskDefinition());
        m.put("desired", service.desiredCount());
        m.put("running", service.runningCount());
        m.put("pending", service.pendingCount());
        m.put("deployments", service.deployments().stream().map(d -> {
            Map<String, Object> dm = new LinkedHashMap<>();
            dm.put("id", d.id());
            dm.put("status", d.status());
            dm.put("rolloutState", d.rolloutStateAsString());
            dm.put("running", d.runningCount());
            dm.put("failed", d.failedTasks());
            return dm;
        }).toList());
        m.put("lastEvent", service.events().isEmpty() ? null : service.events().get(0).message());
        return m;
    }

    private static Map<String, Object> task(String region, TaskRecord record) {
        Task task = record.toSdk(false);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", record.id());
        m.put("arn", record.arn());
        m.put("cluster", record.cluster().name());
        m.put("taskDefinition", task.taskDefinitionArn());
        m.put("lastStatus", task.lastStatus());
        m.put("desiredStatus", task.desiredStatus());
        m.put("stoppedReason", task.stoppedReason());
        List<Map<String, Object>> containers = new ArrayList<>();
        for (Container c : task.containers()) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("name", c.name());
            cm.put("image", c.image());
            cm.put("lastStatus", c.lastStatus());
            cm.put("exitCode", c.exitCode());
            List<Map<String, Object>> ports = new ArrayList<>();
            for (NetworkBinding b : c.networkBindings()) {
                Map<String, Object> pm = new LinkedHashMap<>();
                pm.put("containerPort", b.containerPort());
                pm.put("hostPort", b.hostPort());
                pm.put("protocol", b.protocolAsString());
                ports.add(pm);
            }
            cm.put("ports", ports);
            TaskContainer container = record.container(c.name());
            if (container != null) {
                putLogs(cm, region, record, container);
            }
            containers.add(cm);
        }
        m.put("containers", containers);
        return m;
    }

    /** The awslogs group and stream, when the container uses that driver with a stream prefix. */
    private static void putLogs(Map<String, Object> m, String region, TaskRecord task, TaskContainer container) {
        LogConfiguration config = container.definition().logConfiguration();
        if (config == null || !"awslogs".equals(config.logDriverAsString()) || config.options() == null) {
            return;
        }
        String group = config.options().get("awslogs-group");
        if (group == null || group.isEmpty()) {
            return;
        }
        m.put("logGroup", group);
        m.put("logRegion", config.options().getOrDefault("awslogs-region", region));
        String prefix = config.options().get("awslogs-stream-prefix");
        if (prefix != null && !prefix.isEmpty()) {
            m.put("logStream", prefix + "/" + container.name() + "/" + task.id());
        }
    }
}
