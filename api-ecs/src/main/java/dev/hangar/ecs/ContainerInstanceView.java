package dev.hangar.ecs;

import dev.hangar.ecs.domain.ContainerInstanceRecord;
import dev.hangar.ecs.domain.ContainerInstanceRecord.Capacity;
import dev.hangar.runtime.EngineInfo;
import software.amazon.awssdk.services.ecs.model.Attribute;
import software.amazon.awssdk.services.ecs.model.ContainerInstance;
import software.amazon.awssdk.services.ecs.model.Resource;
import software.amazon.awssdk.services.ecs.model.VersionInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** A container instance as ECS shows it: resources, versions, the agent's attributes. */
final class ContainerInstanceView {

    /** Not an ECS agent: the hash says who answers for it. */
    static final String AGENT_HASH = "hangar";
    /** The ECS agent release whose placement and reporting Hangar follows. */
    static final String AGENT_VERSION = "1.87.0";

    private ContainerInstanceView() {
    }

    /**
     * @param info the Docker host's size, or null when the engine cannot tell (no engine): then the instance shows
     *             no CPU or memory and its agent as disconnected
     */
    static ContainerInstance toSdk(ContainerInstanceRecord instance, EngineInfo info, String region) {
        Capacity capacity = info == null ? new Capacity(0, 0) : Capacity.of(info);
        ContainerInstanceRecord.Remaining left = instance.remaining(capacity);
        List<Resource> registered = resources(capacity.cpu(), capacity.memory(),
                new java.util.TreeSet<>(ContainerInstanceRecord.RESERVED_PORTS), Set.of());
        List<Resource> remaining = resources(left.cpu(), left.memory(), left.tcpPorts(), left.udpPorts());
        return ContainerInstance.builder()
                .containerInstanceArn(instance.arn())
                .ec2InstanceId(instance.ec2InstanceId())
                .version(instance.version())
                .versionInfo(VersionInfo.builder().agentVersion(AGENT_VERSION).agentHash(AGENT_HASH)
                        .dockerVersion("DockerVersion: " + (info == null ? "unknown" : info.serverVersion())).build())
                .registeredResources(registered)
                .remainingResources(remaining)
                .status("ACTIVE")
                .agentConnected(info != null)
                .runningTasksCount(left.runningTasks())
                .pendingTasksCount(left.pendingTasks())
                .attributes(attributes(info, region))
                .registeredAt(instance.registeredAt())
                .attachments(List.of())
                .tags(List.of())
                .build();
    }

    /** ECS's four resources, each with every value member as ECS sends them (0 where unused). */
    private static List<Resource> resources(int cpu, int memory, Set<Integer> tcp, Set<Integer> udp) {
        return List.of(integer("CPU", cpu), integer("MEMORY", memory), ports("PORTS", tcp), ports("PORTS_UDP", udp));
    }

    private static Resource integer(String name, int value) {
        return Resource.builder().name(name).type("INTEGER").doubleValue(0.0).longValue(0L).integerValue(value)
                .build();
    }

    private static Resource ports(String name, Set<Integer> ports) {
        return Resource.builder().name(name).type("STRINGSET").doubleValue(0.0).longValue(0L).integerValue(0)
                .stringSetValue(ports.stream().map(String::valueOf).toList()).build();
    }

    /**
     * The attributes the agent reports that hold for Hangar: the host's OS and architecture, its zone, and the
     * capabilities Hangar really has (the awslogs driver, container ordering by dependsOn, awsvpc tasks).
     */
    static List<Attribute> attributes(EngineInfo info, String region) {
        List<Attribute> out = new ArrayList<>();
        String osType = info == null || info.osType() == null ? "linux" : info.osType().toLowerCase(Locale.ROOT);
        out.add(attribute("ecs.os-type", osType));
        out.add(attribute("ecs.os-family", osType.equals("windows") ? "WINDOWS" : "LINUX"));
        if (info != null && info.architecture() != null) {
            out.add(attribute("ecs.cpu-architecture", architecture(info.architecture())));
        }
        out.add(attribute("ecs.availability-zone", region + "a"));
        out.add(attribute("com.amazonaws.ecs.capability.logging-driver.awslogs", null));
        out.add(attribute("ecs.capability.container-ordering", null));
        out.add(attribute("ecs.capability.task-eni", null));
        return out;
    }

    /** Docker says x86_64 / aarch64; ECS says x86_64 / arm64. */
    private static String architecture(String docker) {
        return docker.equals("aarch64") || docker.equals("arm64") ? "arm64" : docker;
    }

    private static Attribute attribute(String name, String value) {
        return Attribute.builder().name(name).value(value).build();
    }
}
