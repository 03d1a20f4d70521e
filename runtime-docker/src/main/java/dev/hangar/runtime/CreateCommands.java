package dev.hangar.runtime;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.InternetProtocol;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.Volume;

import java.util.ArrayList;
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
            // no swap on top, as on ECS and Lambda: past the limit the container is OOM-killed, not slowed down
            host.withMemory(spec.memoryBytes()).withMemorySwap(spec.memoryBytes());
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
        return cmd.withHostConfig(host);
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
