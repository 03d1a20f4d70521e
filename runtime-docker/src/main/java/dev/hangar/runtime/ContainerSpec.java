package dev.hangar.runtime;

import java.util.List;
import java.util.Map;

/**
 * What to run. Nulls and empty collections mean "the image's own" (command, entrypoint, user...) or "no limit".
 *
 * @param labels         extra labels; the runtime adds hangar.managed and hangar.instance itself
 * @param ports          port publishing, always bound to 127.0.0.1 unless {@code PortMapping.hostIp} says otherwise
 * @param memoryBytes    hard limit (ECS memory, Lambda MemorySize), null = none
 * @param memoryReservationBytes soft limit, null = none
 * @param cpuShares      relative weight (ECS cpu units map 1:1 to Docker shares), null = default
 * @param nanoCpus       hard CPU cap in 1e-9 CPUs, null = none
 * @param init           run an init process as PID 1 (busybox httpd ignores SIGTERM otherwise)
 * @param extraHosts     "name:ip" entries; "host.docker.internal:host-gateway" lets a container reach the host
 * @param networkMode    null = the engine's default bridge; "host" for host networking; a user-defined network's
 *                       name; or "container:&lt;id&gt;" to share that container's network namespace (then nothing is
 *                       published: {@code ports} are those the owner publishes for this container, which inspect
 *                       reports back as this container's)
 * @param ipv4Address    the address on the user-defined network named by {@code networkMode}, null = the engine's pick
 * @param networkAliases names the container answers to on that network
 * @param moreNetworks   user-defined networks joined after create and before start, with their own address, aliases
 *                       and links ("name:alias": resolved only by this container, on that network)
 */
public record ContainerSpec(
        String image,
        String name,
        List<String> entrypoint,
        List<String> command,
        Map<String, String> environment,
        Map<String, String> labels,
        List<PortMapping> ports,
        Long memoryBytes,
        Long memoryReservationBytes,
        Integer cpuShares,
        Long nanoCpus,
        boolean init,
        List<Mount> mounts,
        List<String> extraHosts,
        String networkMode,
        String workingDir,
        String user,
        String stopSignal,
        String ipv4Address,
        List<String> networkAliases,
        List<NetworkAttachment> moreNetworks) {

    public static Builder builder(String image) {
        return new Builder(image);
    }

    /** @param hostPort 0 = a free port chosen by the engine (reported back by inspect) */
    public record PortMapping(int containerPort, int hostPort, String protocol, String hostIp) {
        public static PortMapping tcp(int containerPort, int hostPort) {
            return new PortMapping(containerPort, hostPort, "tcp", "127.0.0.1");
        }
    }

    public record Mount(String hostPath, String containerPath, boolean readOnly) {
    }

    /**
     * A user-defined network a container joins.
     *
     * @param ipv4Address null = the engine's pick
     * @param links       "container:alias": the alias resolves to that container, for this container only
     */
    public record NetworkAttachment(String network, String ipv4Address, List<String> aliases, List<String> links) {
        public NetworkAttachment {
            aliases = aliases == null ? List.of() : List.copyOf(aliases);
            links = links == null ? List.of() : List.copyOf(links);
        }
    }

    public static final class Builder {
        private final String image;
        private String name;
        private List<String> entrypoint;
        private List<String> command;
        private Map<String, String> environment = Map.of();
        private Map<String, String> labels = Map.of();
        private List<PortMapping> ports = List.of();
        private Long memoryBytes;
        private Long memoryReservationBytes;
        private Integer cpuShares;
        private Long nanoCpus;
        private boolean init = true;
        private List<Mount> mounts = List.of();
        private List<String> extraHosts = List.of();
        private String networkMode;
        private String workingDir;
        private String user;
        private String stopSignal;
        private String ipv4Address;
        private List<String> networkAliases = List.of();
        private List<NetworkAttachment> moreNetworks = List.of();

        private Builder(String image) {
            this.image = image;
        }

        public Builder name(String v) { this.name = v; return this; }
        public Builder entrypoint(List<String> v) { this.entrypoint = v; return this; }
        public Builder command(List<String> v) { this.command = v; return this; }
        public Builder environment(Map<String, String> v) { this.environment = Map.copyOf(v); return this; }
        public Builder labels(Map<String, String> v) { this.labels = Map.copyOf(v); return this; }
        public Builder ports(List<PortMapping> v) { this.ports = List.copyOf(v); return this; }
        public Builder memoryBytes(Long v) { this.memoryBytes = v; return this; }
        public Builder memoryReservationBytes(Long v) { this.memoryReservationBytes = v; return this; }
        public Builder cpuShares(Integer v) { this.cpuShares = v; return this; }
        public Builder nanoCpus(Long v) { this.nanoCpus = v; return this; }
        public Builder init(boolean v) { this.init = v; return this; }
        public Builder mounts(List<Mount> v) { this.mounts = List.copyOf(v); return this; }
        public Builder extraHosts(List<String> v) { this.extraHosts = List.copyOf(v); return this; }
        public Builder networkMode(String v) { this.networkMode = v; return this; }
        public Builder workingDir(String v) { this.workingDir = v; return this; }
        public Builder user(String v) { this.user = v; return this; }
        public Builder stopSignal(String v) { this.stopSignal = v; return this; }
        public Builder ipv4Address(String v) { this.ipv4Address = v; return this; }
        public Builder networkAliases(List<String> v) { this.networkAliases = List.copyOf(v); return this; }
        public Builder moreNetworks(List<NetworkAttachment> v) { this.moreNetworks = List.copyOf(v); return this; }

        public ContainerSpec build() {
            return new ContainerSpec(image, name, entrypoint, command, environment, labels, ports, memoryBytes,
                    memoryReservationBytes, cpuShares, nanoCpus, init, mounts, extraHosts, networkMode, workingDir,
                    user, stopSignal, ipv4Address, networkAliases, moreNetworks);
        }
    }
}
