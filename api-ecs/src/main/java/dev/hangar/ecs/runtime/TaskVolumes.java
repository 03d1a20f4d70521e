package dev.hangar.ecs.runtime;

import dev.hangar.core.resource.Arn;
import dev.hangar.ecs.domain.TaskContainer;
import dev.hangar.ecs.domain.TaskRecord;
import dev.hangar.runtime.ContainerRuntime;
import dev.hangar.runtime.ContainerRuntimeException;
import dev.hangar.runtime.ContainerSpec;
import dev.hangar.runtime.HangarLabels;
import dev.hangar.runtime.VolumeSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.ecs.model.DockerVolumeConfiguration;
import software.amazon.awssdk.services.ecs.model.EFSVolumeConfiguration;
import software.amazon.awssdk.services.ecs.model.MountPoint;
import software.amazon.awssdk.services.ecs.model.Scope;
import software.amazon.awssdk.services.ecs.model.Volume;
import software.amazon.awssdk.services.ecs.model.VolumeFrom;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A task's volumes on the engine, as the ECS agent makes them (agent/api/task/task.go):
 * <ul>
 * <li>{@code host.sourcePath}: a bind mount of that path (in container mode, the runtime copies the path into the
 * container instead, so it is neither shared nor written back);</li>
 * <li>neither host path nor configuration: an empty Docker volume for the task, shared by its containers and
 * removed with it ("ecs-&lt;family&gt;-&lt;revision&gt;-&lt;volume&gt;-&lt;task id&gt;");</li>
 * <li>{@code dockerVolumeConfiguration} scope task: the same with the driver, options and labels given; scope
 * shared: the volume named as the task definition's volume, kept across tasks, created when autoprovision is true,
 * else it must exist;</li>
 * <li>{@code efsVolumeConfiguration}: one volume per account, region, file system and root directory, kept across
 * tasks until the admin reset, so every task mounting the same file system sees the same files.</li>
 * </ul>
 */
final class TaskVolumes {

    private static final Logger LOG = LoggerFactory.getLogger(TaskVolumes.class);
    static final String EFS_LABEL = "hangar.ecs.efs";

    private final ContainerRuntime runtime;

    TaskVolumes(ContainerRuntime runtime) {
        this.runtime = runtime;
    }

    /** Creates (or checks) the task's volumes before its containers; false when the task cannot start. */
    boolean provision(TaskRecord task, Instant now) {
        for (Volume v : task.definition().volumes()) {
            String failure;
            try {
                failure = provision(task, v);
            } catch (ContainerRuntimeException e) {
                failure = "ResourceInitializationError: initialize volume: " + v.name() + ": " + e.getMessage();
            }
            if (failure != null) {
                task.failToStart(failure, now);
                return false;
            }
            if (task.stopRequested()) {
                return false;
            }
        }
        return true;
    }

    private String provision(TaskRecord task, Volume v) {
        DockerVolumeConfiguration docker = v.dockerVolumeConfiguration();
        if (v.efsVolumeConfiguration() != null) {
            EFSVolumeConfiguration efs = v.efsVolumeConfiguration();
            Map<String, String> labels = new HashMap<>();
            labels.put(EFS_LABEL, efs.fileSystemId());
            labels.put(EFS_LABEL + ".root", rootDirectory(efs));
            runtime.createVolume(VolumeSpec.named(efsVolumeName(task, efs), labels));
            return null;
        }
        if (docker != null && docker.scope() == Scope.SHARED) {
            if (Boolean.TRUE.equals(docker.autoprovision())) {
                runtime.createVolume(new VolumeSpec(v.name(), docker.driver(), docker.driverOpts(), docker.labels()));
                return null;
            }
            if (!runtime.volumeExists(v.name())) {
                // the agent's words (agent/api/task/task.go addSharedVolumes)
                return "ResourceInitializationError: initialize volume: volume detection failed, volume '" + v.name()
                        + "' does not exist and autoprovision is set to false";
            }
            return null;
        }
        if (docker != null) {
            Map<String, String> labels = new HashMap<>(docker.labels());
            labels.put(HangarLabels.RESOURCE, task.arn());
            runtime.createVolume(new VolumeSpec(taskVolumeName(task, v), docker.driver(), docker.driverOpts(), labels));
            return null;
        }
        if (hostPath(v) == null && mounted(task, v.name())) {
            runtime.createVolume(VolumeSpec.named(taskVolumeName(task, v), Map.of(HangarLabels.RESOURCE, task.arn())));
        }
        return null;
    }

    /** Removes the task's own volumes once its containers are gone; shared and EFS volumes stay. */
    void release(TaskRecord task) {
        for (Volume v : task.definition().volumes()) {
            if (!taskScoped(v)) {
                continue;
            }
            try {
                runtime.removeVolume(taskVolumeName(task, v));
            } catch (ContainerRuntimeException e) {
                LOG.debug("removing volume {} of {} failed: {}", v.name(), task.arn(), e.getMessage());
            }
        }
    }

    private static boolean taskScoped(Volume v) {
        if (v.efsVolumeConfiguration() != null) {
            return false;
        }
        DockerVolumeConfiguration docker = v.dockerVolumeConfiguration();
        return docker != null ? docker.scope() != Scope.SHARED : hostPath(v) == null;
    }

    // ---- what a container mounts ----

    /** The container's mountPoints on host paths (bind mounts). */
    static List<ContainerSpec.Mount> hostMounts(TaskRecord task, TaskContainer container) {
        List<ContainerSpec.Mount> out = new ArrayList<>();
        for (MountPoint m : container.definition().mountPoints()) {
            Volume v = volume(task, m.sourceVolume());
            if (v != null && hostPath(v) != null && v.dockerVolumeConfiguration() == null
                    && v.efsVolumeConfiguration() == null) {
                out.add(new ContainerSpec.Mount(hostPath(v), m.containerPath(), Boolean.TRUE.equals(m.readOnly())));
            }
        }
        return out;
    }

    /** The container's mountPoints on engine volumes (scratch, Docker and EFS volumes). */
    static List<ContainerSpec.VolumeMount> volumeMounts(TaskRecord task, TaskContainer container) {
        List<ContainerSpec.VolumeMount> out = new ArrayList<>();
        for (MountPoint m : container.definition().mountPoints()) {
            Volume v = volume(task, m.sourceVolume());
            String name = v == null ? null : engineVolumeName(task, v);
            if (name != null) {
                out.add(new ContainerSpec.VolumeMount(name, m.containerPath(), Boolean.TRUE.equals(m.readOnly())));
            }
        }
        return out;
    }

    static List<ContainerSpec.VolumesFrom> volumesFrom(TaskRecord task, TaskContainer container) {
        List<ContainerSpec.VolumesFrom> out = new ArrayList<>();
        for (VolumeFrom f : container.definition().volumesFrom()) {
            TaskContainer source = task.container(f.sourceContainer());
            if (source != null) {
                out.add(new ContainerSpec.VolumesFrom(ContainerSpecs.dockerName(task, source),
                        Boolean.TRUE.equals(f.readOnly())));
            }
        }
        return out;
    }

    /**
     * The order to create the containers in: a container's volumesFrom sources before it (the engine needs them to
     * exist), the definition's order otherwise. Registration refuses cycles only through dependsOn; a volumesFrom
     * cycle is left in the definition's order and the engine refuses it.
     */
    static List<TaskContainer> creationOrder(TaskRecord task) {
        Set<TaskContainer> ordered = new LinkedHashSet<>();
        for (TaskContainer c : task.containers()) {
            addWithSources(task, c, ordered, new LinkedHashSet<>());
        }
        return List.copyOf(ordered);
    }

    private static void addWithSources(TaskRecord task, TaskContainer c, Set<TaskContainer> ordered,
                                       Set<TaskContainer> path) {
        if (ordered.contains(c) || !path.add(c)) {
            return;
        }
        for (VolumeFrom f : c.definition().volumesFrom()) {
            TaskContainer source = task.container(f.sourceContainer());
            if (source != null) {
                addWithSources(task, source, ordered, path);
            }
        }
        ordered.add(c);
    }

    // ---- names ----

    /** The engine volume a task volume is, or null for a host path. */
    static String engineVolumeName(TaskRecord task, Volume v) {
        if (v.efsVolumeConfiguration() != null) {
            return efsVolumeName(task, v.efsVolumeConfiguration());
        }
        DockerVolumeConfiguration docker = v.dockerVolumeConfiguration();
        if (docker != null) {
            return docker.scope() == Scope.SHARED ? v.name() : taskVolumeName(task, v);
        }
        return hostPath(v) == null ? taskVolumeName(task, v) : null;
    }

    /** As the agent names a task's volumes, with the task id for the agent's random suffix. */
    static String taskVolumeName(TaskRecord task, Volume v) {
        return "ecs-" + task.definition().family() + "-" + task.definition().revision() + "-" + v.name() + "-"
                + task.id();
    }

    /** One per account, region, file system and root directory: what makes two tasks see the same files. */
    static String efsVolumeName(TaskRecord task, EFSVolumeConfiguration efs) {
        Arn arn = Arn.parse(task.arn());
        String root = rootDirectory(efs);
        String name = "hangar-efs-" + arn.account() + "-" + arn.region() + "-" + efs.fileSystemId();
        if (!"/".equals(root)) {
            name += "-" + sha256(root).substring(0, 12);
        }
        return name.replaceAll("[^a-zA-Z0-9_.-]", "_");
    }

    private static String rootDirectory(EFSVolumeConfiguration efs) {
        String root = efs.rootDirectory();
        if (root == null || root.isEmpty()) {
            return "/";
        }
        String trimmed = root.replaceAll("/+$", "");
        return trimmed.isEmpty() ? "/" : (trimmed.startsWith("/") ? trimmed : "/" + trimmed);
    }

    private static String hostPath(Volume v) {
        return v.host() == null || v.host().sourcePath() == null || v.host().sourcePath().isEmpty() ? null
                : v.host().sourcePath();
    }

    private static Volume volume(TaskRecord task, String name) {
        for (Volume v : task.definition().volumes()) {
            if (v.name() != null && v.name().equals(name)) {
                return v;
            }
        }
        return null;
    }

    private static boolean mounted(TaskRecord task, String volume) {
        for (TaskContainer c : task.containers()) {
            for (MountPoint m : c.definition().mountPoints()) {
                if (volume.equals(m.sourceVolume())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
