package dev.hangar.ecs;

import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DockerVolumeConfiguration;
import software.amazon.awssdk.services.ecs.model.HealthCheck;
import software.amazon.awssdk.services.ecs.model.MountPoint;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.Scope;
import software.amazon.awssdk.services.ecs.model.Volume;
import software.amazon.awssdk.services.ecs.model.VolumeFrom;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * RegisterTaskDefinition's checks of health checks, volumes and the container members Docker applies, and the
 * defaults ECS fills in. Messages users report from ECS: "Unknown volume '…'.", "hostname is not supported on
 * container when networkMode=awsvpc.", "Extra hosts are not supported on container when networkMode=awsvpc",
 * "host.sourcePath should not be blank.", "When 'scope' parameter is 'task',
 * 'autoprovision' must either not be specified or set to 'True'.", "volume.dockerVolumeConfiguration.driver should
 * not be null or empty."; the others are Hangar's wording (docs/ecs.md).
 */
final class TaskDefinitionMembers {

    static final int DEFAULT_INTERVAL = 30;
    static final int DEFAULT_TIMEOUT = 5;
    static final int DEFAULT_RETRIES = 3;

    private TaskDefinitionMembers() {
    }

    static void check(RegisterTaskDefinitionRequest r) {
        Set<String> volumes = volumes(r.volumes());
        boolean fargate = r.requiresCompatibilities().contains(Compatibility.FARGATE);
        Set<String> containers = new HashSet<>();
        r.containerDefinitions().forEach(c -> containers.add(c.name()));
        for (ContainerDefinition c : r.containerDefinitions()) {
            healthCheck(c);
            if (c.hostname() != null && r.networkMode() == NetworkMode.AWSVPC) {
                throw EcsErrors.client("hostname is not supported on container when networkMode=awsvpc.");
            }
            if (!c.extraHosts().isEmpty() && r.networkMode() == NetworkMode.AWSVPC) {
                throw EcsErrors.client("Extra hosts are not supported on container when networkMode=awsvpc");
            }
            if (Boolean.TRUE.equals(c.privileged()) && fargate) {
                throw EcsErrors.client("Invalid setting for container '" + c.name()
                        + "'. privileged is not supported on Fargate.");
            }
            for (MountPoint m : c.mountPoints()) {
                if (m.sourceVolume() == null || !volumes.contains(m.sourceVolume())) {
                    throw EcsErrors.client("Unknown volume '" + m.sourceVolume() + "'.");
                }
                if (m.containerPath() == null || m.containerPath().isBlank()) {
                    throw EcsErrors.client("Invalid setting for container '" + c.name()
                            + "'. mountPoints.containerPath should not be null or empty.");
                }
            }
            for (VolumeFrom f : c.volumesFrom()) {
                if (f.sourceContainer() == null || !containers.contains(f.sourceContainer())
                        || f.sourceContainer().equals(c.name())) {
                    throw EcsErrors.client("Invalid setting for container '" + c.name() + "'. volumesFrom names"
                            + " container '" + f.sourceContainer() + "', which is not another container of the"
                            + " task definition.");
                }
            }
        }
    }

    private static Set<String> volumes(List<Volume> volumes) {
        Set<String> names = new HashSet<>();
        for (Volume v : volumes) {
            if (v.name() == null || !EcsValidation.NAME.matcher(v.name()).matches()) {
                throw EcsErrors.client("Volume.name contains invalid characters.");
            }
            if (!names.add(v.name())) {
                throw EcsErrors.client("Volume names must be unique: '" + v.name() + "' is used more than once.");
            }
            int kinds = (v.host() != null && v.host().sourcePath() != null ? 1 : 0)
                    + (v.dockerVolumeConfiguration() != null ? 1 : 0) + (v.efsVolumeConfiguration() != null ? 1 : 0);
            if (kinds > 1) {
                throw EcsErrors.client("Volume '" + v.name() + "' can have only one of host, dockerVolumeConfiguration"
                        + " and efsVolumeConfiguration.");
            }
            if (v.host() != null && v.host().sourcePath() != null && v.host().sourcePath().isBlank()) {
                throw EcsErrors.client("host.sourcePath should not be blank.");
            }
            DockerVolumeConfiguration docker = v.dockerVolumeConfiguration();
            if (docker != null) {
                if (docker.scope() != Scope.SHARED && Boolean.FALSE.equals(docker.autoprovision())) {
                    throw EcsErrors.client("When 'scope' parameter is 'task', 'autoprovision' must either not be"
                            + " specified or set to 'True'.");
                }
                if (docker.driver() != null && docker.driver().isBlank()) {
                    throw EcsErrors.client("volume.dockerVolumeConfiguration.driver should not be null or empty.");
                }
            }
            if (v.efsVolumeConfiguration() != null && (v.efsVolumeConfiguration().fileSystemId() == null
                    || v.efsVolumeConfiguration().fileSystemId().isBlank())) {
                throw EcsErrors.client("volume.efsVolumeConfiguration.fileSystemId should not be null or empty.");
            }
        }
        return names;
    }

    /** ECS's ranges (API_HealthCheck): interval 5–300, timeout 2–60, retries 1–10, startPeriod 0–300 seconds. */
    private static void healthCheck(ContainerDefinition c) {
        HealthCheck h = c.healthCheck();
        if (h == null) {
            return;
        }
        List<String> command = h.command();
        if (command.isEmpty() || !("CMD".equals(command.get(0)) || "CMD-SHELL".equals(command.get(0)))
                || command.size() < 2) {
            throw EcsErrors.client("Invalid 'healthCheck.command' setting for container '" + c.name()
                    + "'. It must start with CMD or CMD-SHELL, followed by the command.");
        }
        range(c, "interval", h.interval(), 5, 300);
        range(c, "timeout", h.timeout(), 2, 60);
        range(c, "retries", h.retries(), 1, 10);
        range(c, "startPeriod", h.startPeriod(), 0, 300);
    }

    private static void range(ContainerDefinition c, String member, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            throw EcsErrors.client("Invalid 'healthCheck." + member + "' setting for container '" + c.name()
                    + "'. It must be between " + min + " and " + max + ".");
        }
    }

    /** What describe shows after registration: ECS fills in interval, timeout and retries, not startPeriod. */
    static HealthCheck withDefaults(HealthCheck h) {
        if (h == null) {
            return null;
        }
        return h.toBuilder()
                .interval(h.interval() == null ? DEFAULT_INTERVAL : h.interval())
                .timeout(h.timeout() == null ? DEFAULT_TIMEOUT : h.timeout())
                .retries(h.retries() == null ? DEFAULT_RETRIES : h.retries())
                .build();
    }
}
