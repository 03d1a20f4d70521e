package dev.hangar.ecs;

import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerCondition;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.ContainerDependency;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The value checks ECS makes beyond the model's required members, with messages as close to AWS's as known. */
final class EcsValidation {

    /** Family, container and cluster names: up to 255 letters, digits, hyphens and underscores. */
    static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,255}");
    private static final Set<String> NETWORK_MODES = Set.of("bridge", "host", "awsvpc", "none");

    private EcsValidation() {
    }

    static void clusterName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw EcsErrors.invalidParameter("Cluster name can only contain letters, numbers, hyphens and"
                    + " underscores, and be at most 255 characters long.");
        }
    }

    static void registration(RegisterTaskDefinitionRequest r) {
        if (r.family() == null || r.family().isBlank()) {
            throw EcsErrors.client("Family can not be blank.");
        }
        if (!NAME.matcher(r.family()).matches()) {
            throw EcsErrors.client("Family contains invalid characters.");
        }
        if (r.networkModeAsString() != null && !NETWORK_MODES.contains(r.networkModeAsString())) {
            throw EcsErrors.client("Invalid networkMode: " + r.networkModeAsString());
        }
        List<ContainerDefinition> containers = r.containerDefinitions();
        if (containers.isEmpty()) {
            throw EcsErrors.client("Container list cannot be empty.");
        }
        boolean fargate = r.requiresCompatibilities().contains(Compatibility.FARGATE);
        if (fargate) {
            if (r.networkMode() != NetworkMode.AWSVPC) {
                throw EcsErrors.client("Fargate only supports network mode \u2018awsvpc\u2019.");
            }
            if (r.cpu() == null) {
                throw EcsErrors.client("Fargate requires that 'cpu' be defined at the task level.");
            }
            if (r.memory() == null) {
                throw EcsErrors.client("Fargate requires that 'memory' be defined at the task level.");
            }
        }
        Map<String, ContainerDefinition> byName = new HashMap<>();
        for (ContainerDefinition c : containers) {
            container(c, r.memory() != null, r.networkMode());
            if (byName.put(c.name(), c) != null) {
                throw EcsErrors.client("Container names must be unique: '" + c.name() + "' is used more than once.");
            }
        }
        if (containers.stream().noneMatch(c -> c.essential() == null || c.essential())) {
            throw EcsErrors.client("A task definition must have at least one essential container.");
        }
        dependencies(containers, byName);
        EcsTagging.check(r.tags());
    }

    private static void container(ContainerDefinition c, boolean taskMemory, NetworkMode networkMode) {
        if (c.name() == null || c.name().isBlank()) {
            throw EcsErrors.client("Container.name should not be null or empty.");
        }
        if (!NAME.matcher(c.name()).matches()) {
            throw EcsErrors.client("Container.name contains invalid characters.");
        }
        if (c.image() == null || c.image().isBlank()) {
            throw EcsErrors.client("Container.image should not be null or empty.");
        }
        if (!taskMemory && c.memory() == null && c.memoryReservation() == null) {
            throw EcsErrors.client("Invalid setting for container '" + c.name()
                    + "'. At least one of 'memory' or 'memoryReservation' must be specified.");
        }
        if (c.memory() != null && c.memory() < 6) {
            throw EcsErrors.client("Invalid 'memory' setting for container '" + c.name()
                    + "'. The minimum memory is 6 MiB.");
        }
        if (c.memory() != null && c.memoryReservation() != null && c.memory() < c.memoryReservation()) {
            throw EcsErrors.client("Invalid setting for container '" + c.name()
                    + "'. 'memory' must be greater than or equal to 'memoryReservation'.");
        }
        if (c.cpu() != null && c.cpu() < 0) {
            throw EcsErrors.client("Invalid 'cpu' setting for container '" + c.name() + "'.");
        }
        for (PortMapping p : c.portMappings()) {
            if (p.containerPort() == null || p.containerPort() < 1 || p.containerPort() > 65535) {
                throw EcsErrors.client("Invalid 'containerPort' setting for container '" + c.name() + "'.");
            }
            if (p.hostPort() != null && (p.hostPort() < 0 || p.hostPort() > 65535)) {
                throw EcsErrors.client("Invalid 'hostPort' setting for container '" + c.name() + "'.");
            }
            boolean sameHostPort = p.hostPort() == null || p.hostPort().equals(p.containerPort());
            if (networkMode == NetworkMode.AWSVPC && !sameHostPort) {
                throw EcsErrors.client("When networkMode=awsvpc, the host ports and container ports in port"
                        + " mappings must match.");
            }
            if (networkMode == NetworkMode.HOST && !sameHostPort) {
                throw EcsErrors.client("When networkMode=host, the host ports and container ports in port"
                        + " mappings must match.");
            }
        }
    }

    private static void dependencies(List<ContainerDefinition> containers, Map<String, ContainerDefinition> byName) {
        for (ContainerDefinition c : containers) {
            for (ContainerDependency d : c.dependsOn()) {
                ContainerDefinition target = byName.get(d.containerName());
                if (target == null || target == c) {
                    throw EcsErrors.client("Container " + c.name() + " depends on container "
                            + d.containerName() + ", which is not defined in the task definition.");
                }
                boolean exits = d.condition() == ContainerCondition.COMPLETE
                        || d.condition() == ContainerCondition.SUCCESS;
                if (exits && (target.essential() == null || target.essential())) {
                    throw EcsErrors.client("Container " + target.name() + " is essential and cannot be a dependency"
                            + " with condition " + d.conditionAsString() + ".");
                }
            }
        }
        Set<String> done = new HashSet<>();
        for (ContainerDefinition c : containers) {
            noCycle(c, byName, new HashSet<>(), done);
        }
    }

    private static void noCycle(ContainerDefinition c, Map<String, ContainerDefinition> byName,
                                Set<String> path, Set<String> done) {
        if (done.contains(c.name())) {
            return;
        }
        if (!path.add(c.name())) {
            throw EcsErrors.client("Container dependencies form a cycle through container " + c.name() + ".");
        }
        for (ContainerDependency d : c.dependsOn()) {
            noCycle(byName.get(d.containerName()), byName, path, done);
        }
        path.remove(c.name());
        done.add(c.name());
    }
}
