package dev.hangar.ecs;

import dev.hangar.core.state.Ids;
import dev.hangar.ecs.domain.ClusterRecord;
import dev.hangar.ecs.domain.ContainerInstanceRecord;
import dev.hangar.ecs.domain.ContainerInstanceRecord.Capacity;
import dev.hangar.ecs.domain.ContainerInstanceRecord.Demand;
import dev.hangar.ecs.domain.TaskContainer;
import dev.hangar.ecs.domain.TaskRecord;
import dev.hangar.ecs.runtime.HostCapacity;
import dev.hangar.runtime.EngineInfo;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.PortMapping;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where tasks go, as ECS places them: a task that is not Fargate goes on a container instance of its cluster with
 * enough CPU, memory and free static host ports left, or is not started and comes back as a RunTask failure (ECS's
 * RESOURCE:CPU, RESOURCE:MEMORY, RESOURCE:PORTS, with the instance's ARN). Each cluster has one instance today,
 * standing for the Docker host; {@link #place} takes the cluster's list of instances, so registered instances and
 * placement strategies can come without changing its callers (RunTask, the service scheduler).
 *
 * <p>HANGAR_ECS_CONTAINER_INSTANCE=false registers no instance: tasks are then started unplaced, as before.
 */
public final class Placement {

    /** The setting that turns the Docker host's container instance off. */
    public static final String SETTING = "HANGAR_ECS_CONTAINER_INSTANCE";

    private final boolean enabled;
    private final HostCapacity host;

    Placement(boolean enabled, HostCapacity host) {
        this.enabled = enabled;
        this.host = host;
    }

    /** Reads {@link #SETTING}: true (the default) or false; anything else stops the start with a clear message. */
    static boolean enabled(Map<String, String> environment) {
        String value = environment.get(SETTING);
        if (value == null || value.isBlank() || value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException(SETTING + " must be true or false, got '" + value + "'");
    }

    boolean enabled() {
        return enabled;
    }

    HostCapacity host() {
        return host;
    }

    /** Registers the instance standing for the Docker host on the cluster, once (when the setting allows it). */
    void registerHostInstance(ClusterRecord cluster, EcsArns arns, Instant now) {
        if (!enabled) {
            return;
        }
        cluster.registerIfNone(() -> {
            String id = Ids.hex32();
            return new ContainerInstanceRecord(arns.containerInstance(cluster.name(), id), id,
                    "i-" + Ids.hex32().substring(0, 17), now);
        });
    }

    /** @param placed the tasks to launch; failures: those that did not fit, with ECS's reason */
    public record Result(List<TaskRecord> placed, List<Failure> failures) {
    }

    /**
     * Places each task on its own, in order (a RunTask of 10 starts the ones that fit). Fargate tasks need no
     * instance; without an instance (the setting off) tasks are not placed. The host's size must be known for the
     * checks ({@link HostCapacity#get()} first); while it is not (no engine), tasks are placed unchecked, and fail
     * to start for the missing engine.
     */
    public Result place(ClusterRecord cluster, List<TaskRecord> tasks) {
        EngineInfo info = host.known();
        Capacity capacity = info == null ? null : Capacity.of(info);
        List<TaskRecord> placed = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (TaskRecord task : tasks) {
            List<ContainerInstanceRecord> instances = cluster.containerInstances();
            if (task.launchType() == LaunchType.FARGATE || instances.isEmpty()) {
                placed.add(task);
                continue;
            }
            List<Failure> refusals = new ArrayList<>();
            for (ContainerInstanceRecord instance : instances) {
                String reason = instance.reserve(task, demand(task), capacity);
                if (reason == null) {
                    task.placedOn(instance.arn());
                    placed.add(task);
                    refusals.clear();
                    break;
                }
                refusals.add(Failure.builder().arn(instance.arn()).reason(reason).build());
            }
            failures.addAll(refusals);
        }
        return new Result(placed, failures);
    }

    /** Gives back what placed tasks reserved when they are not launched after all (a clientToken retry ...). */
    public void release(ClusterRecord cluster, List<TaskRecord> tasks) {
        for (ContainerInstanceRecord instance : cluster.containerInstances()) {
            tasks.forEach(t -> instance.release(t.arn()));
        }
    }

    /**
     * What a task reserves, as ECS counts it: task-level cpu and memory when the definition (or the overrides) set
     * them, else the sum of its containers' cpu and memory (the hard limit, else the reservation); and the static
     * host ports of bridge and host mode (awsvpc tasks have their own address, and Hangar gives them dynamic ports).
     */
    static Demand demand(TaskRecord task) {
        int cpu = 0;
        int memory = 0;
        for (TaskContainer c : task.containers()) {
            cpu += c.cpu() == null ? 0 : c.cpu();
            memory += c.memory() != null ? c.memory() : c.memoryReservation() == null ? 0 : c.memoryReservation();
        }
        if (task.cpu() != null) {
            cpu = number(task.cpu(), cpu);
        }
        if (task.memory() != null) {
            memory = number(task.memory(), memory);
        }
        Set<Integer> tcp = new TreeSet<>();
        Set<Integer> udp = new TreeSet<>();
        NetworkMode mode = task.definition().networkMode();
        if (mode == NetworkMode.BRIDGE || mode == NetworkMode.HOST) {
            for (TaskContainer c : task.containers()) {
                for (PortMapping p : c.definition().portMappings()) {
                    int port = p.hostPort() != null ? p.hostPort() : mode == NetworkMode.HOST ? p.containerPort() : 0;
                    if (port != 0) {
                        ("udp".equals(p.protocolAsString()) ? udp : tcp).add(port);
                    }
                }
            }
        }
        return new Demand(cpu, memory, tcp, udp);
    }

    private static int number(String value, int otherwise) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}
