package dev.hangar.ecs.runtime;

import dev.hangar.runtime.ContainerSpec;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.Device;
import software.amazon.awssdk.services.ecs.model.DeviceCgroupPermission;
import software.amazon.awssdk.services.ecs.model.HealthCheck;
import software.amazon.awssdk.services.ecs.model.KernelCapabilities;
import software.amazon.awssdk.services.ecs.model.LinuxParameters;
import software.amazon.awssdk.services.ecs.model.SystemControl;
import software.amazon.awssdk.services.ecs.model.Tmpfs;
import software.amazon.awssdk.services.ecs.model.Ulimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The container definition members that become docker run options, as the ECS agent passes them to Docker:
 * healthCheck (the image's own HEALTHCHECK is turned off when there is none: ECS does not run it), hostname,
 * privileged, readonlyRootFilesystem, dnsServers, dnsSearchDomains, dockerSecurityOptions, systemControls (sysctls),
 * pseudoTerminal, interactive, ulimits and linuxParameters (capabilities, devices, sharedMemorySize, tmpfs,
 * maxSwap, swappiness). initProcessEnabled needs nothing: Hangar runs every container with Docker's init.
 */
final class ContainerMembers {

    private static final long MIB = 1024L * 1024L;
    /** ECS's defaults, which registration also fills in. */
    static final int DEFAULT_INTERVAL = 30;
    static final int DEFAULT_TIMEOUT = 5;
    static final int DEFAULT_RETRIES = 3;

    private ContainerMembers() {
    }

    static void apply(ContainerSpec.Builder spec, ContainerDefinition def) {
        spec.healthCheck(healthCheck(def.healthCheck()))
                .hostname(def.hostname())
                .privileged(Boolean.TRUE.equals(def.privileged()))
                .readonlyRootfs(Boolean.TRUE.equals(def.readonlyRootFilesystem()))
                .dnsServers(def.dnsServers())
                .dnsSearch(def.dnsSearchDomains())
                .securityOpts(def.dockerSecurityOptions())
                .sysctls(sysctls(def.systemControls()))
                .tty(Boolean.TRUE.equals(def.pseudoTerminal()))
                .openStdin(Boolean.TRUE.equals(def.interactive()))
                .ulimits(ulimits(def.ulimits()));
        LinuxParameters linux = def.linuxParameters();
        if (linux != null) {
            linux(spec, linux);
        }
    }

    static ContainerSpec.HealthCheck healthCheck(HealthCheck h) {
        if (h == null) {
            return ContainerSpec.HealthCheck.NONE;
        }
        return new ContainerSpec.HealthCheck(h.command(),
                Duration.ofSeconds(h.interval() == null ? DEFAULT_INTERVAL : h.interval()),
                Duration.ofSeconds(h.timeout() == null ? DEFAULT_TIMEOUT : h.timeout()),
                h.retries() == null ? DEFAULT_RETRIES : h.retries(),
                // Docker's 0 means its default (0 s too); ECS's startPeriod is off unless given
                Duration.ofSeconds(h.startPeriod() == null ? 0 : h.startPeriod()));
    }

    private static void linux(ContainerSpec.Builder spec, LinuxParameters linux) {
        KernelCapabilities caps = linux.capabilities();
        if (caps != null) {
            spec.capAdd(caps.add()).capDrop(caps.drop());
        }
        List<ContainerSpec.Device> devices = new ArrayList<>();
        for (Device d : linux.devices()) {
            devices.add(new ContainerSpec.Device(d.hostPath(), d.containerPath(), permissions(d)));
        }
        spec.devices(devices);
        if (linux.sharedMemorySize() != null) {
            spec.shmSizeBytes(linux.sharedMemorySize() * MIB);
        }
        Map<String, String> tmpfs = new LinkedHashMap<>();
        for (Tmpfs t : linux.tmpfs()) {
            List<String> options = new ArrayList<>(t.mountOptions());
            options.add("size=" + t.size() + "m");
            tmpfs.put(t.containerPath(), String.join(",", options));
        }
        spec.tmpfs(tmpfs);
        if (linux.maxSwap() != null) {
            spec.swapBytes(linux.maxSwap() * MIB);
        }
        if (linux.swappiness() != null && linux.maxSwap() != null) {
            // as ECS documents it: swappiness is used only with maxSwap
            spec.swappiness(linux.swappiness());
        }
    }

    /** "rwm" from [read, write, mknod]; none given = all three, as Docker's default. */
    private static String permissions(Device d) {
        if (!d.hasPermissions() || d.permissions().isEmpty()) {
            return "rwm";
        }
        StringBuilder out = new StringBuilder();
        if (d.permissions().contains(DeviceCgroupPermission.READ)) {
            out.append('r');
        }
        if (d.permissions().contains(DeviceCgroupPermission.WRITE)) {
            out.append('w');
        }
        if (d.permissions().contains(DeviceCgroupPermission.MKNOD)) {
            out.append('m');
        }
        return out.toString();
    }

    private static Map<String, String> sysctls(List<SystemControl> controls) {
        Map<String, String> out = new LinkedHashMap<>();
        for (SystemControl c : controls) {
            if (c.namespace() != null) {
                out.put(c.namespace(), c.value() == null ? "" : c.value());
            }
        }
        return out;
    }

    private static List<ContainerSpec.Ulimit> ulimits(List<Ulimit> ulimits) {
        List<ContainerSpec.Ulimit> out = new ArrayList<>();
        for (Ulimit u : ulimits) {
            out.add(new ContainerSpec.Ulimit(u.nameAsString(), u.softLimit(), u.hardLimit()));
        }
        return out;
    }
}
