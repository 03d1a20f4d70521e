package dev.hangar.ecs.domain;

import dev.hangar.core.resource.PageKeys;
import dev.hangar.runtime.EngineInfo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A container instance of a cluster: today the one that stands for the local Docker host. It keeps what the tasks
 * placed on it reserve (their CPU units, MiB and static host ports); a task's reservation is released when the task
 * is STOPPED, as ECS releases it. What is left is computed from the live reservations on every read, so it cannot
 * drift. Every method is synchronized: placing a task is one check-and-reserve under this instance's lock.
 */
public final class ContainerInstanceRecord {

    private static final AtomicLong CREATED = new AtomicLong();
    /** The ports the ECS agent reserves on every instance (SSH, Docker, the agent's introspection). */
    public static final List<Integer> RESERVED_PORTS = List.of(22, 2375, 2376, 51678, 51679);

    /** What one task takes from an instance: task-level values, else the sum of its containers'. */
    public record Demand(int cpu, int memory, Set<Integer> tcpPorts, Set<Integer> udpPorts) {
    }

    /** The instance's registered resources: the host's CPUs × 1024 units and its memory in MiB. */
    public record Capacity(int cpu, int memory) {
        public static Capacity of(EngineInfo info) {
            return new Capacity(info.cpus() * 1024, (int) Math.min(Integer.MAX_VALUE, info.memoryMib()));
        }
    }

    private record Reservation(TaskRecord task, Demand demand) {
    }

    private final String arn;
    private final String id;
    private final String ec2InstanceId;
    private final Instant registeredAt;
    private final String listKey = PageKeys.number(CREATED.incrementAndGet());
    private final Map<String, Reservation> reservations = new LinkedHashMap<>();
    /** Grows with each change of what is placed on it, as ECS's instance version does. */
    private long version = 1;

    public ContainerInstanceRecord(String arn, String id, String ec2InstanceId, Instant registeredAt) {
        this.arn = arn;
        this.id = id;
        this.ec2InstanceId = ec2InstanceId;
        this.registeredAt = registeredAt;
    }

    public String arn() {
        return arn;
    }

    public String id() {
        return id;
    }

    public String ec2InstanceId() {
        return ec2InstanceId;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public String listKey() {
        return listKey;
    }

    /**
     * Reserves the demand for the task when it fits what remains of the capacity; else leaves everything as it was
     * and answers ECS's reason: RESOURCE:CPU, RESOURCE:MEMORY, RESOURCE:PORTS or RESOURCE:PORTS_UDP. A null capacity
     * (the engine's size not known: no engine) reserves without checking.
     */
    public synchronized String reserve(TaskRecord task, Demand demand, Capacity capacity) {
        pruneStopped();
        if (capacity != null) {
            Remaining left = remaining(capacity);
            if (demand.cpu() > left.cpu()) {
                return "RESOURCE:CPU";
            }
            if (demand.memory() > left.memory()) {
                return "RESOURCE:MEMORY";
            }
            if (demand.tcpPorts().stream().anyMatch(left.tcpPorts()::contains)) {
                return "RESOURCE:PORTS";
            }
            if (demand.udpPorts().stream().anyMatch(left.udpPorts()::contains)) {
                return "RESOURCE:PORTS_UDP";
            }
        }
        reservations.put(task.arn(), new Reservation(task, demand));
        version++;
        return null;
    }

    /** Gives back a reservation whose task was never launched (RunTask's clientToken retry, a deleted cluster). */
    public synchronized void release(String taskArn) {
        if (reservations.remove(taskArn) != null) {
            version++;
        }
    }

    public synchronized long version() {
        pruneStopped();
        return version;
    }

    /**
     * What remains: the capacity less the reservations of tasks not yet STOPPED; the ports are those taken (the
     * agent's and the tasks' static host ports), as ECS lists them in remainingResources.
     */
    public record Remaining(int cpu, int memory, Set<Integer> tcpPorts, Set<Integer> udpPorts,
                            int runningTasks, int pendingTasks) {
    }

    public synchronized Remaining remaining(Capacity capacity) {
        pruneStopped();
        int cpu = capacity == null ? 0 : capacity.cpu();
        int memory = capacity == null ? 0 : capacity.memory();
        Set<Integer> tcp = new TreeSet<>(RESERVED_PORTS);
        Set<Integer> udp = new TreeSet<>();
        int running = 0;
        int pending = 0;
        for (Reservation r : reservations.values()) {
            cpu -= r.demand().cpu();
            memory -= r.demand().memory();
            tcp.addAll(r.demand().tcpPorts());
            udp.addAll(r.demand().udpPorts());
            if (r.task().countsAsRunning()) {
                running++;
            } else if (r.task().countsAsPending()) {
                pending++;
            }
        }
        return new Remaining(cpu, memory, tcp, udp, running, pending);
    }

    /** The tasks placed here and not yet STOPPED, in the order they were placed. */
    public synchronized List<TaskRecord> tasks() {
        pruneStopped();
        List<TaskRecord> out = new ArrayList<>();
        reservations.values().forEach(r -> out.add(r.task()));
        return out;
    }

    /** A STOPPED task's resources are free again (lock order: instance, then task; a task never takes this one). */
    private void pruneStopped() {
        if (reservations.values().removeIf(r -> !r.task().active())) {
            version++;
        }
    }
}
