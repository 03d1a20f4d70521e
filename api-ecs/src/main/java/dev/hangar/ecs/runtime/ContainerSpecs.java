package dev.hangar.ecs.runtime;

import dev.hangar.ecs.domain.TaskContainer;
import dev.hangar.ecs.domain.TaskRecord;
import dev.hangar.runtime.ContainerSpec;
import dev.hangar.runtime.HangarLabels;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.HostEntry;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A task's container as the engine should run it. Ports are published on 127.0.0.1 in every network mode: bridge
 * keeps the defined host port (0 or absent = dynamic); awsvpc publishes on a dynamic host port, because locally
 * every task shares the host's address where on AWS each has its own; host publishes on the container port.
 */
final class ContainerSpecs {

    static final String CONTAINER_LABEL = "hangar.ecs.container";
    private static final long MIB = 1024L * 1024L;

    private ContainerSpecs() {
    }

    static ContainerSpec of(TaskRecord task, TaskContainer container) {
        TaskDefinition td = task.definition();
        ContainerDefinition def = container.definition();
        ContainerSpec.Builder spec = ContainerSpec.builder(def.image())
                .name(dockerName(task, container))
                .entrypoint(def.hasEntryPoint() ? def.entryPoint() : null)
                .command(container.command())
                .environment(TaskEnvironment.of(task, container))
                .labels(labels(task, container))
                .ports(ports(td, def))
                .init(true)
                .extraHosts(extraHosts(def))
                .workingDir(def.workingDirectory())
                .user(def.user());
        ContainerMembers.apply(spec, def);
        spec.mounts(TaskVolumes.hostMounts(task, container))
                .volumeMounts(TaskVolumes.volumeMounts(task, container))
                .volumesFrom(TaskVolumes.volumesFrom(task, container));
        TaskNetwork.applyTo(spec, task, container);
        Integer memory = container.memory();
        if (memory == null && container.memoryReservation() == null && td.memory() != null) {
            // a task-level limit only: the container may use all of it (AWS limits the task's cgroup instead)
            memory = Integer.valueOf(td.memory());
        }
        if (memory != null) {
            spec.memoryBytes(memory * MIB);
        }
        if (container.memoryReservation() != null) {
            spec.memoryReservationBytes(container.memoryReservation() * MIB);
        }
        if (container.cpu() != null && container.cpu() > 0) {
            // ECS cpu units are Docker shares; Docker's minimum is 2
            spec.cpuShares(Math.max(2, container.cpu()));
        }
        return spec.build();
    }

    /** ecs-&lt;family&gt;-&lt;revision&gt;-&lt;container&gt;-&lt;task id&gt;, like the ECS agent's names, unique per task. */
    static String dockerName(TaskRecord task, TaskContainer container) {
        return "ecs-" + task.definition().family() + "-" + task.definition().revision() + "-" + container.name()
                + "-" + task.id();
    }

    private static Map<String, String> labels(TaskRecord task, TaskContainer container) {
        Map<String, String> labels = new HashMap<>(container.definition().dockerLabels());
        labels.put(HangarLabels.RESOURCE, task.arn());
        labels.put(CONTAINER_LABEL, container.name());
        // the labels the ECS agent puts on its containers, which tools that inspect them expect
        labels.put("com.amazonaws.ecs.task-arn", task.arn());
        labels.put("com.amazonaws.ecs.cluster", task.cluster().name());
        labels.put("com.amazonaws.ecs.container-name", container.name());
        labels.put("com.amazonaws.ecs.task-definition-family", task.definition().family());
        labels.put("com.amazonaws.ecs.task-definition-version", String.valueOf(task.definition().revision()));
        return labels;
    }

    private static List<ContainerSpec.PortMapping> ports(TaskDefinition td, ContainerDefinition def) {
        List<ContainerSpec.PortMapping> out = new ArrayList<>();
        for (PortMapping p : def.portMappings()) {
            int hostPort = switch (td.networkModeAsString() == null ? "bridge" : td.networkModeAsString()) {
                case "awsvpc" -> 0;
                case "host" -> p.containerPort();
                default -> p.hostPort() == null ? 0 : p.hostPort();
            };
            String protocol = p.protocol() == null ? "tcp" : p.protocolAsString();
            out.add(new ContainerSpec.PortMapping(p.containerPort(), hostPort, protocol, "127.0.0.1"));
        }
        return out;
    }

    private static List<String> extraHosts(ContainerDefinition def) {
        List<String> out = new ArrayList<>();
        for (HostEntry h : def.extraHosts()) {
            out.add(h.hostname() + ":" + h.ipAddress());
        }
        return out;
    }
}
