package dev.hangar.runtime;

import java.time.Duration;
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
 * @param healthCheck    null = the image's own HEALTHCHECK; {@link HealthCheck#NONE} disables it
 * @param capAdd         kernel capabilities added ("NET_ADMIN", "ALL"), as Docker names them
 * @param shmSizeBytes   /dev/shm's size, null = the engine's default (64 MiB)
 * @param tmpfs          container path → Docker's tmpfs options ("size=64m,noexec")
 * @param swapBytes      swap allowed on top of memoryBytes (needs memoryBytes); null = none
 * @param volumeMounts   named engine volumes mounted into the container (unlike {@link #mounts}, which are
 *                       Hangar's own folders, and copied in when Hangar runs in a container)
 * @param volumesFrom    containers (by name or id) whose volumes this one mounts too
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
        List<NetworkAttachment> moreNetworks,
        // the members an ECS container definition can set, applied as docker run would
        HealthCheck healthCheck,
        String hostname,
        boolean privileged,
        boolean readonlyRootfs,
        List<String> capAdd,
        List<String> capDrop,
        Long shmSizeBytes,
        Map<String, String> tmpfs,
        List<Device> devices,
        List<Ulimit> ulimits,
        List<String> dnsServers,
        List<String> dnsSearch,
        List<String> securityOpts,
        Map<String, String> sysctls,
        boolean tty,
        boolean openStdin,
        Long swapBytes,
        Integer swappiness,
        List<VolumeMount> volumeMounts,
        List<VolumesFrom> volumesFrom) {

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

    /**
     * Docker's HEALTHCHECK: {@code test} is ["CMD-SHELL", "..."], ["CMD", ...] or ["NONE"]; durations null = the
     * engine's defaults.
     */
    public record HealthCheck(List<String> test, Duration interval, Duration timeout, Integer retries,
                              Duration startPeriod) {
        /** Turns off a HEALTHCHECK the image declares. */
        public static final HealthCheck NONE = new HealthCheck(List.of("NONE"), null, null, null, null);
    }

    /** @param permissions Docker's cgroup permissions: "rwm" or a part of it */
    public record Device(String hostPath, String containerPath, String permissions) {
    }

    public record Ulimit(String name, long soft, long hard) {
    }

    /** A named volume of the engine, mounted at containerPath. */
    public record VolumeMount(String volume, String containerPath, boolean readOnly) {
    }

    public record VolumesFrom(String container, boolean readOnly) {
    }

    /** The same spec with other mounts (container mode copies Hangar's folders in instead of binding them). */
    public ContainerSpec withMounts(List<Mount> others) {
        return toBuilder().mounts(others).build();
    }

    public Builder toBuilder() {
        Builder b = new Builder(image);
        b.name = name;
        b.entrypoint = entrypoint;
        b.command = command;
        b.environment = environment;
        b.labels = labels;
        b.ports = ports;
        b.memoryBytes = memoryBytes;
        b.memoryReservationBytes = memoryReservationBytes;
        b.cpuShares = cpuShares;
        b.nanoCpus = nanoCpus;
        b.init = init;
        b.mounts = mounts;
        b.extraHosts = extraHosts;
        b.networkMode = networkMode;
        b.workingDir = workingDir;
        b.user = user;
        b.stopSignal = stopSignal;
        b.healthCheck = healthCheck;
        b.hostname = hostname;
        b.privileged = privileged;
        b.readonlyRootfs = readonlyRootfs;
        b.capAdd = capAdd;
        b.capDrop = capDrop;
        b.shmSizeBytes = shmSizeBytes;
        b.tmpfs = tmpfs;
        b.devices = devices;
        b.ulimits = ulimits;
        b.dnsServers = dnsServers;
        b.dnsSearch = dnsSearch;
        b.securityOpts = securityOpts;
        b.sysctls = sysctls;
        b.tty = tty;
        b.openStdin = openStdin;
        b.swapBytes = swapBytes;
        b.swappiness = swappiness;
        b.volumeMounts = volumeMounts;
        b.volumesFrom = volumesFrom;
        b.ipv4Address = ipv4Address;
        b.networkAliases = networkAliases;
        b.moreNetworks = moreNetworks;
        return b;
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
        private HealthCheck healthCheck;
        private String hostname;
        private boolean privileged;
        private boolean readonlyRootfs;
        private List<String> capAdd = List.of();
        private List<String> capDrop = List.of();
        private Long shmSizeBytes;
        private Map<String, String> tmpfs = Map.of();
        private List<Device> devices = List.of();
        private List<Ulimit> ulimits = List.of();
        private List<String> dnsServers = List.of();
        private List<String> dnsSearch = List.of();
        private List<String> securityOpts = List.of();
        private Map<String, String> sysctls = Map.of();
        private boolean tty;
        private boolean openStdin;
        private Long swapBytes;
        private Integer swappiness;
        private List<VolumeMount> volumeMounts = List.of();
        private List<VolumesFrom> volumesFrom = List.of();

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
        public Builder healthCheck(HealthCheck v) { this.healthCheck = v; return this; }
        public Builder hostname(String v) { this.hostname = v; return this; }
        public Builder privileged(boolean v) { this.privileged = v; return this; }
        public Builder readonlyRootfs(boolean v) { this.readonlyRootfs = v; return this; }
        public Builder capAdd(List<String> v) { this.capAdd = List.copyOf(v); return this; }
        public Builder capDrop(List<String> v) { this.capDrop = List.copyOf(v); return this; }
        public Builder shmSizeBytes(Long v) { this.shmSizeBytes = v; return this; }
        public Builder tmpfs(Map<String, String> v) { this.tmpfs = Map.copyOf(v); return this; }
        public Builder devices(List<Device> v) { this.devices = List.copyOf(v); return this; }
        public Builder ulimits(List<Ulimit> v) { this.ulimits = List.copyOf(v); return this; }
        public Builder dnsServers(List<String> v) { this.dnsServers = List.copyOf(v); return this; }
        public Builder dnsSearch(List<String> v) { this.dnsSearch = List.copyOf(v); return this; }
        public Builder securityOpts(List<String> v) { this.securityOpts = List.copyOf(v); return this; }
        public Builder sysctls(Map<String, String> v) { this.sysctls = Map.copyOf(v); return this; }
        public Builder tty(boolean v) { this.tty = v; return this; }
        public Builder openStdin(boolean v) { this.openStdin = v; return this; }
        public Builder swapBytes(Long v) { this.swapBytes = v; return this; }
        public Builder swappiness(Integer v) { this.swappiness = v; return this; }
        public Builder volumeMounts(List<VolumeMount> v) { this.volumeMounts = List.copyOf(v); return this; }
        public Builder volumesFrom(List<VolumesFrom> v) { this.volumesFrom = List.copyOf(v); return this; }

        public ContainerSpec build() {
            return new ContainerSpec(image, name, entrypoint, command, environment, labels, ports, memoryBytes,
                    memoryReservationBytes, cpuShares, nanoCpus, init, mounts, extraHosts, networkMode, workingDir,
                    user, stopSignal, ipv4Address, networkAliases, moreNetworks, healthCheck, hostname, privileged,
                    readonlyRootfs, capAdd, capDrop, shmSizeBytes, tmpfs, devices, ulimits, dnsServers, dnsSearch,
                    securityOpts, sysctls, tty, openStdin, swapBytes, swappiness, volumeMounts, volumesFrom);
        }
    }
}
