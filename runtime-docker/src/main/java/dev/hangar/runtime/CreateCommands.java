package dev.hangar.runtime;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Device;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.InternetProtocol;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.Ulimit;
import com.github.dockerjava.api.model.Volume;
import com.github.dockerjava.api.model.VolumesFrom;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes a {@link ContainerSpec} into docker-java's create command. */
final class CreateCommands {

    static final String LOOPBACK = "127.0.0.1";

    private CreateCommands() {
    }

    static CreateContainerCmd apply(CreateContainerCmd cmd, ContainerSpec spec, String instanceId) {
        if (spec.image() == null || spec.image().isBlank()) {
            throw new IllegalArgumentException("ContainerSpec.image is required");
        }
        if (spec.name() != null) {
            cmd.withName(spec.name());
        }
        if (notEmpty(spec.entrypoint())) {
            cmd.withEntrypoint(spec.entrypoint());
        }
        if (notEmpty(spec.command())) {
            cmd.withCmd(spec.command());
        }
        if (spec.environment() != null && !spec.environment().isEmpty()) {
            cmd.withEnv(environment(spec.environment()));
        }
        boolean sharesNamespace = SharedNamespace.joins(spec.networkMode());
        java.util.Map<String, String> labels = HangarLabels.forContainer(spec.labels(), instanceId);
        if (sharesNamespace && notEmpty(spec.ports())) {
            // the engine refuses ports on a joiner: the owner publishes them, inspect reads them back from it
            labels.put(SharedNamespace.PORTS_LABEL, SharedNamespace.portsLabel(spec.ports()));
        }
        cmd.withLabels(labels);
        if (spec.workingDir() != null) {
            cmd.withWorkingDir(spec.workingDir());
        }
        if (spec.user() != null) {
            cmd.withUser(spec.user());
        }
        if (spec.stopSignal() != null) {
            cmd.withStopSignal(spec.stopSignal());
        }

        HostConfig host = HostConfig.newHostConfig().withInit(spec.init());
        if (notEmpty(spec.ports()) && !sharesNamespace) {
            Ports bindings = new Ports();
            List<ExposedPort> exposed = new ArrayList<>();
            for (ContainerSpec.PortMapping p : spec.ports()) {
                ExposedPort port = new ExposedPort(p.containerPort(), protocol(p.protocol()));
                exposed.add(port);
                String ip = p.hostIp() == null || p.hostIp().isBlank() ? LOOPBACK : p.hostIp();
                bindings.bind(port, p.hostPort() == 0 ? Ports.Binding.bindIp(ip)
                        : Ports.Binding.bindIpAndPort(ip, p.hostPort()));
            }
            cmd.withExposedPorts(exposed);
            host.withPortBindings(bindings);
        }
        if (spec.memoryBytes() != null) {
            // no swap on top unless asked (ECS maxSwap), as on ECS and Lambda: past the limit the container is
            // OOM-killed, not slowed down
            long swap = spec.swapBytes() == null ? 0 : spec.swapBytes();
            host.withMemory(spec.memoryBytes()).withMemorySwap(spec.memoryBytes() + swap);
        }
        if (spec.memoryReservationBytes() != null) {
            host.withMemoryReservation(spec.memoryReservationBytes());
        }
        if (spec.cpuShares() != null) {
            host.withCpuShares(spec.cpuShares());
        }
        if (spec.nanoCpus() != null) {
            host.withNanoCPUs(spec.nanoCpus());
        }
        if (notEmpty(spec.mounts())) {
            List<Bind> binds = new ArrayList<>();
            for (ContainerSpec.Mount m : spec.mounts()) {
                binds.add(new Bind(m.hostPath(), new Volume(m.containerPath()), m.readOnly() ? AccessMode.ro : AccessMode.rw));
            }
            host.withBinds(binds);
        }
        if (notEmpty(spec.extraHosts())) {
            host.withExtraHosts(spec.extraHosts().toArray(String[]::new));
        }
        if (spec.networkMode() != null) {
            host.withNetworkMode(spec.networkMode());
        }
        // on the user-defined network networkMode names; the others are joined after create
        if (spec.ipv4Address() != null) {
            cmd.withIpv4Address(spec.ipv4Address());
        }
        if (notEmpty(spec.networkAliases())) {
            cmd.withAliases(spec.networkAliases());
        }
        members(cmd, host, spec);
        return cmd.withHostConfig(host);
    }

    /** The members an ECS container definition sets beyond image, command and resources. */
    private static void members(CreateContainerCmd cmd, HostConfig host, ContainerSpec spec) {
        if (spec.healthCheck() != null) {
            cmd.withHealthcheck(healthCheck(spec.healthCheck()));
        }
        if (spec.hostname() != null) {
            cmd.withHostName(spec.hostname());
        }
        if (spec.tty()) {
            cmd.withTty(true);
        }
        if (spec.openStdin()) {
            cmd.withStdinOpen(true);
        }
        if (spec.privileged()) {
            host.withPrivileged(true);
        }
        if (spec.readonlyRootfs()) {
            host.withReadonlyRootfs(true);
        }
        if (notEmpty(spec.capAdd())) {
            host.withCapAdd(capabilities(spec.capAdd()));
        }
        if (notEmpty(spec.capDrop())) {
            host.withCapDrop(capabilities(spec.capDrop()));
        }
        if (spec.shmSizeBytes() != null) {
            host.withShmSize(spec.shmSizeBytes());
        }
        if (spec.tmpfs() != null && !spec.tmpfs().isEmpty()) {
            host.withTmpFs(new LinkedHashMap<>(spec.tmpfs()));
        }
        if (notEmpty(spec.devices())) {
            host.withDevices(spec.devices().stream().map(d -> new Device(
                    d.permissions() == null || d.permissions().isEmpty() ? "rwm" : d.permissions(),
                    d.containerPath() == null ? d.hostPath() : d.containerPath(), d.hostPath())).toList());
        }
        if (notEmpty(spec.ulimits())) {
            host.withUlimits(spec.ulimits().stream().map(u -> new Ulimit(u.name(), u.soft(), u.hard())).toList());
        }
        if (notEmpty(spec.dnsServers())) {
            host.withDns(spec.dnsServers());
        }
        if (notEmpty(spec.dnsSearch())) {
            host.withDnsSearch(spec.dnsSearch());
        }
        if (notEmpty(spec.securityOpts())) {
            host.withSecurityOpts(spec.securityOpts());
        }
        if (spec.sysctls() != null && !spec.sysctls().isEmpty()) {
            host.withSysctls(new LinkedHashMap<>(spec.sysctls()));
        }
        if (spec.swappiness() != null) {
            host.withMemorySwappiness(spec.swappiness().longValue());
        }
        if (notEmpty(spec.volumeMounts())) {
            List<Mount> mounts = new ArrayList<>();
            for (ContainerSpec.VolumeMount v : spec.volumeMounts()) {
                mounts.add(new Mount().withType(MountType.VOLUME).withSource(v.volume())
                        .withTarget(v.containerPath()).withReadOnly(v.readOnly()));
            }
            host.withMounts(mounts);
        }
        if (notEmpty(spec.volumesFrom())) {
            host.withVolumesFrom(spec.volumesFrom().stream()
                    .map(v -> new VolumesFrom(v.container(), v.readOnly() ? AccessMode.ro : AccessMode.rw)).toList());
        }
    }

    private static HealthCheck healthCheck(ContainerSpec.HealthCheck h) {
        HealthCheck out = new HealthCheck().withTest(h.test());
        if (h.interval() != null) {
            out.withInterval(nanos(h.interval()));
        }
        if (h.timeout() != null) {
            out.withTimeout(nanos(h.timeout()));
        }
        if (h.retries() != null) {
            out.withRetries(h.retries());
        }
        if (h.startPeriod() != null) {
            out.withStartPeriod(nanos(h.startPeriod()));
        }
        return out;
    }

    private static long nanos(Duration d) {
        return d.toNanos();
    }

    private static Capability[] capabilities(List<String> names) {
        Capability[] out = new Capability[names.size()];
        for (int i = 0; i < out.length; i++) {
            String name = names.get(i).toUpperCase(java.util.Locale.ROOT);
            try {
                out[i] = Capability.valueOf(name.startsWith("CAP_") ? name.substring(4) : name);
            } catch (IllegalArgumentException e) {
                throw new ContainerRuntimeException("Unknown kernel capability: " + names.get(i));
            }
        }
        return out;
    }

    private static List<String> environment(Map<String, String> env) {
        List<String> out = new ArrayList<>(env.size());
        env.forEach((k, v) -> out.add(k + "=" + (v == null ? "" : v)));
        return out;
    }

    private static InternetProtocol protocol(String name) {
        return name == null || name.isBlank() ? InternetProtocol.TCP : InternetProtocol.parse(name.toLowerCase());
    }

    private static boolean notEmpty(List<?> list) {
        return list != null && !list.isEmpty();
    }
}
