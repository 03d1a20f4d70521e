package dev.hangar.ecs.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hangar.ecs.domain.TaskContainer;
import dev.hangar.ecs.domain.TaskEni;
import dev.hangar.ecs.domain.TaskRecord;
import dev.hangar.ecs.runtime.Cidrs;
import dev.hangar.runtime.ContainerDetails;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.NetworkBinding;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.Task;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * The task metadata endpoint's documents (v4, and v3 with the same fields), with the field names of the ECS agent's
 * v4 handlers: a container (its Docker id, name, image id, ports, labels, limits, times, networks) and its task.
 * Built from the task as DescribeTasks shows it and from what the engine says of each container.
 */
final class MetadataDocuments {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private MetadataDocuments() {
    }

    /** ${ECS_CONTAINER_METADATA_URI_V4}: the container's own document. */
    static ObjectNode container(TaskRecord task, Task sdk, TaskContainer container, ContainerDetails details) {
        Container c = sdk.containers().stream().filter(x -> x.name().equals(container.name())).findFirst()
                .orElseThrow();
        ContainerDefinition def = container.definition();
        ObjectNode n = NODES.objectNode();
        n.put("DockerId", details == null ? container.runtimeId() : details.id());
        n.put("Name", container.name());
        if (details != null) {
            n.put("DockerName", details.name());
            n.put("Image", details.image());
            n.put("ImageID", details.imageId());
        } else {
            n.put("Image", def.image());
        }
        ArrayNode ports = n.putArray("Ports");
        for (NetworkBinding b : c.networkBindings()) {
            ObjectNode p = ports.addObject();
            p.put("ContainerPort", b.containerPort());
            p.put("Protocol", b.protocolAsString());
            p.put("HostPort", b.hostPort());
            p.put("HostIp", b.bindIP());
        }
        if (ports.isEmpty()) {
            n.remove("Ports");
        }
        ObjectNode labels = n.putObject("Labels");
        if (details != null) {
            details.labels().entrySet().stream().filter(e -> e.getKey().startsWith("com.amazonaws.ecs.")
                            || def.dockerLabels().containsKey(e.getKey()))
                    .sorted(Map.Entry.comparingByKey()).forEach(e -> labels.put(e.getKey(), e.getValue()));
        }
        n.put("DesiredStatus", sdk.desiredStatus());
        n.put("KnownStatus", c.lastStatus());
        if (c.exitCode() != null) {
            n.put("ExitCode", c.exitCode());
        }
        ObjectNode limits = n.putObject("Limits");
        limits.put("CPU", def.cpu() == null ? 0 : def.cpu());
        limits.put("Memory", c.memory() == null ? 0 : Integer.parseInt(c.memory()));
        if (details != null) {
            time(n, "CreatedAt", details.createdAt());
            time(n, "StartedAt", details.startedAt());
            time(n, "FinishedAt", "STOPPED".equals(c.lastStatus()) ? details.finishedAt() : null);
        }
        n.put("Type", "NORMAL");
        if (def.logConfiguration() != null) {
            n.put("LogDriver", def.logConfiguration().logDriverAsString());
            ObjectNode options = n.putObject("LogOptions");
            def.logConfiguration().options().forEach(options::put);
        }
        n.put("ContainerARN", c.containerArn());
        ArrayNode networks = n.putArray("Networks");
        network(networks, task, details);
        if (details != null) {
            n.put("RestartCount", details.restartCount());
        }
        return n;
    }

    private static void network(ArrayNode networks, TaskRecord task, ContainerDetails details) {
        TaskEni eni = task.networkInterface();
        String mode = task.definition().networkModeAsString() == null ? "bridge"
                : task.definition().networkModeAsString();
        ObjectNode n = networks.addObject();
        n.put("NetworkMode", mode);
        if (eni != null) {
            n.putArray("IPv4Addresses").add(eni.privateIpv4Address());
            n.put("AttachmentIndex", 0);
            n.put("MACAddress", eni.macAddress());
            n.put("IPv4SubnetCIDRBlock", eni.subnetCidr());
            n.putArray("DomainNameServers").add(Cidrs.dnsServer(eni.subnetCidr()));
            n.put("PrivateDNSName", eni.privateDnsName());
            n.put("SubnetGatewayIpv4Address", eni.gateway() + "/" + Cidrs.prefix(eni.subnetCidr()));
            return;
        }
        ArrayNode addresses = n.putArray("IPv4Addresses");
        if (details != null && "bridge".equals(mode)) {
            ContainerDetails.Endpoint bridge = details.networks().get("bridge");
            if (bridge != null && bridge.ipv4Address() != null) {
                addresses.add(bridge.ipv4Address());
            }
        }
    }

    /** ${ECS_CONTAINER_METADATA_URI_V4}/task (and /taskWithTags, with its tags). */
    static ObjectNode task(TaskRecord task, Task sdk, Map<String, ContainerDetails> details, boolean withTags) {
        ObjectNode n = NODES.objectNode();
        n.put("Cluster", task.cluster().arn());
        n.put("TaskARN", sdk.taskArn());
        n.put("Family", task.definition().family());
        n.put("Revision", String.valueOf(task.definition().revision()));
        n.put("DesiredStatus", sdk.desiredStatus());
        n.put("KnownStatus", sdk.lastStatus());
        ObjectNode limits = n.putObject("Limits");
        if (sdk.cpu() != null) {
            limits.put("CPU", Integer.parseInt(sdk.cpu()) / 1024.0);
        }
        if (sdk.memory() != null) {
            limits.put("Memory", Integer.parseInt(sdk.memory()));
        }
        if (limits.isEmpty()) {
            n.remove("Limits");
        }
        time(n, "PullStartedAt", sdk.pullStartedAt());
        time(n, "PullStoppedAt", sdk.pullStoppedAt());
        time(n, "ExecutionStoppedAt", sdk.executionStoppedAt());
        n.put("AvailabilityZone", sdk.availabilityZone());
        n.put("LaunchType", sdk.launchTypeAsString());
        ArrayNode containers = n.putArray("Containers");
        for (TaskContainer c : task.containers()) {
            containers.add(container(task, sdk, c, c.runtimeId() == null ? null : details.get(c.runtimeId())));
        }
        if (task.networkInterface() != null) {
            n.put("VPCID", task.networkInterface().vpcId());
        }
        if (sdk.group() != null && sdk.group().startsWith("service:")) {
            n.put("ServiceName", sdk.group().substring("service:".length()));
        }
        if (withTags) {
            ObjectNode tags = n.putObject("TaskTags");
            for (Tag t : sdk.tags()) {
                tags.put(t.key(), t.value());
            }
            n.putObject("ContainerInstanceTags");
        }
        return n;
    }

    /**
     * ${ECS_CONTAINER_METADATA_URI_V4}/stats: the engine's reading plus network_rate_stats, the bytes per second
     * since the previous reading of that container (0 at the first).
     */
    static JsonNode stats(String engineJson, NetworkRates rates, String containerId) {
        try {
            JsonNode read = JSON.readTree(engineJson);
            if (read instanceof ObjectNode o) {
                o.set("network_rate_stats", rates.rates(containerId, o));
            }
            return read;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the engine's stats are not JSON: " + e.getMessage(), e);
        }
    }

    private static void time(ObjectNode n, String field, Instant at) {
        if (at != null) {
            n.put(field, at.truncatedTo(ChronoUnit.NANOS).toString());
        }
    }
}
