package dev.hangar.runtime;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.Link;
import com.github.dockerjava.api.model.Network;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The engine's user-defined networks as Hangar uses them: made on first use, joined, removed when unused. */
final class EngineNetworks {

    private static final Logger log = LoggerFactory.getLogger(EngineNetworks.class);

    private EngineNetworks() {
    }

    /** The network of that name as the engine has it, made first when missing (another Hangar may race us). */
    static NetworkSpec ensure(DockerClient client, NetworkSpec wanted) {
        NetworkSpec existing = find(client, wanted.name());
        if (existing != null) {
            return existing;
        }
        Map<String, String> labels = new HashMap<>(wanted.labels());
        labels.put(HangarLabels.MANAGED, "true");
        try {
            client.createNetworkCmd().withName(wanted.name()).withDriver("bridge").withCheckDuplicate(true)
                    .withLabels(labels)
                    .withIpam(new Network.Ipam().withConfig(new Network.Ipam.Config()
                            .withSubnet(wanted.subnet()).withGateway(wanted.gateway())))
                    .exec();
            log.info("Created network {} ({}, gateway {})", wanted.name(), wanted.subnet(), wanted.gateway());
        } catch (ConflictException e) {
            log.debug("Network {} was made meanwhile: {}", wanted.name(), EngineErrors.engineMessage(e));
        }
        NetworkSpec made = find(client, wanted.name());
        if (made == null) {
            throw new ContainerRuntimeException("Network " + wanted.name() + " vanished right after it was made");
        }
        return made;
    }

    static NetworkSpec find(DockerClient client, String name) {
        try {
            Network n = client.inspectNetworkCmd().withNetworkId(name).exec();
            if (n.getName() == null || !n.getName().equals(name)) {
                return null; // the engine also matches id prefixes
            }
            String subnet = null;
            String gateway = null;
            if (n.getIpam() != null && n.getIpam().getConfig() != null && !n.getIpam().getConfig().isEmpty()) {
                subnet = n.getIpam().getConfig().get(0).getSubnet();
                gateway = n.getIpam().getConfig().get(0).getGateway();
            }
            return new NetworkSpec(n.getName(), subnet, gateway, n.getLabels());
        } catch (NotFoundException e) {
            return null;
        }
    }

    /** Joins a created container to one more network. */
    static void connect(DockerClient client, String containerId, ContainerSpec.NetworkAttachment a) {
        ContainerNetwork endpoint = new ContainerNetwork();
        if (a.ipv4Address() != null) {
            endpoint.withIpamConfig(new ContainerNetwork.Ipam().withIpv4Address(a.ipv4Address()));
        }
        if (!a.aliases().isEmpty()) {
            endpoint.withAliases(a.aliases());
        }
        if (!a.links().isEmpty()) {
            List<Link> links = new ArrayList<>();
            for (String link : a.links()) {
                links.add(Link.parse(link));
            }
            endpoint.withLinks(links);
        }
        client.connectToNetworkCmd().withNetworkId(a.network()).withContainerId(containerId)
                .withContainerNetwork(endpoint).exec();
    }

    /** Whether the container is on the network already (a restarted Hangar's own container). */
    static boolean attached(DockerClient client, String containerId, String network) {
        InspectContainerResponse c = client.inspectContainerCmd(containerId).exec();
        return c.getNetworkSettings() != null && c.getNetworkSettings().getNetworks() != null
                && c.getNetworkSettings().getNetworks().containsKey(network);
    }

    /**
     * Removes the Hangar networks no container uses, but those labelled {@link NetworkSpec#KEEP_LABEL} (one a live
     * Hangar listens on). The engine refuses to remove one in use, which then stays.
     */
    static int removeUnused(DockerClient client) {
        int removed = 0;
        for (Network n : client.listNetworksCmd().withFilter("label", List.of(HangarLabels.MANAGED + "=true")).exec()) {
            if (n.getLabels() != null && "true".equals(n.getLabels().get(NetworkSpec.KEEP_LABEL))) {
                continue;
            }
            try {
                Network inspected = client.inspectNetworkCmd().withNetworkId(n.getId()).exec();
                if (inspected.getContainers() != null && !inspected.getContainers().isEmpty()) {
                    continue;
                }
                client.removeNetworkCmd(n.getId()).exec();
                log.info("Removed unused network {}", n.getName());
                removed++;
            } catch (NotFoundException e) {
                // gone meanwhile
            } catch (DockerException e) {
                log.debug("Network {} not removed: {}", n.getName(), EngineErrors.engineMessage(e));
            }
        }
        return removed;
    }

    /** What an inspected container is: image id, times, labels, networks. */
    static ContainerDetails details(InspectContainerResponse c) {
        String name = c.getName() != null && c.getName().startsWith("/") ? c.getName().substring(1) : c.getName();
        InspectContainerResponse.ContainerState state = c.getState();
        return new ContainerDetails(c.getId(), name, c.getConfig() == null ? null : c.getConfig().getImage(),
                c.getImageId(), ContainerStates.time(c.getCreated()),
                state == null ? null : ContainerStates.time(state.getStartedAt()),
                state == null ? null : ContainerStates.time(state.getFinishedAt()),
                c.getConfig() == null || c.getConfig().getLabels() == null ? Map.of() : c.getConfig().getLabels(),
                c.getHostConfig() == null ? null : c.getHostConfig().getNetworkMode(),
                endpoints(c), c.getRestartCount() == null ? 0 : c.getRestartCount());
    }

    /** The endpoints of an inspected container, by network name. */
    static Map<String, ContainerDetails.Endpoint> endpoints(InspectContainerResponse c) {
        Map<String, ContainerDetails.Endpoint> out = new LinkedHashMap<>();
        if (c.getNetworkSettings() == null || c.getNetworkSettings().getNetworks() == null) {
            return out;
        }
        c.getNetworkSettings().getNetworks().forEach((name, n) -> out.put(name, new ContainerDetails.Endpoint(
                blankToNull(n.getIpAddress()), n.getIpPrefixLen() == null ? 0 : n.getIpPrefixLen(),
                blankToNull(n.getMacAddress()), blankToNull(n.getGateway()))));
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
