package dev.hangar.runtime;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Containers that share another's network namespace (network mode "container:&lt;id&gt;", an awsvpc task's
 * containers joining its pause container). The engine publishes no port for such a container: the namespace owner
 * publishes them all, and inspect reports to each joiner the owner's bindings of the ports it asked for (recorded in
 * a label at create), so that a caller sees its container's ports wherever they are published.
 */
final class SharedNamespace {

    static final String PORTS_LABEL = "hangar.shared-ports";
    private static final String PREFIX = "container:";

    private SharedNamespace() {
    }

    static boolean joins(String networkMode) {
        return networkMode != null && networkMode.startsWith(PREFIX);
    }

    /** "8080/tcp,53/udp" */
    static String portsLabel(List<ContainerSpec.PortMapping> ports) {
        return ports.stream().map(p -> p.containerPort() + "/" + protocol(p.protocol()))
                .collect(Collectors.joining(","));
    }

    /** The state with the owner's bindings of this joiner's ports, or as it is for any other container. */
    static ContainerState withOwnersPorts(DockerClient client, InspectContainerResponse inspected, ContainerState state) {
        String mode = inspected.getHostConfig() == null ? null : inspected.getHostConfig().getNetworkMode();
        Map<String, String> labels = inspected.getConfig() == null ? null : inspected.getConfig().getLabels();
        String wanted = labels == null ? null : labels.get(PORTS_LABEL);
        if (!joins(mode) || wanted == null || wanted.isBlank()) {
            return state;
        }
        Set<String> ports = Set.of(wanted.split(","));
        ContainerState owner;
        try {
            owner = ContainerStates.from(client.inspectContainerCmd(mode.substring(PREFIX.length())).exec());
        } catch (NotFoundException e) {
            return state;
        }
        List<ContainerSpec.PortMapping> mine = new ArrayList<>();
        for (ContainerSpec.PortMapping p : owner.publishedPorts()) {
            if (ports.contains(p.containerPort() + "/" + protocol(p.protocol()))) {
                mine.add(p);
            }
        }
        return new ContainerState(state.id(), state.status(), state.exitCode(), state.oomKilled(), state.startedAt(),
                state.finishedAt(), List.copyOf(mine), state.error());
    }

    private static String protocol(String p) {
        return p == null || p.isBlank() ? "tcp" : p.toLowerCase();
    }
}
