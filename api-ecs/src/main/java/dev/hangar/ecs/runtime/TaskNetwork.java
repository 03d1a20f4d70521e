package dev.hangar.ecs.runtime;

import dev.hangar.core.time.HangarClock;
import dev.hangar.ecs.agent.TaskAgent;
import dev.hangar.ecs.domain.TaskAgentAccess;
import dev.hangar.ecs.domain.TaskContainer;
import dev.hangar.ecs.domain.TaskEni;
import dev.hangar.ecs.domain.TaskRecord;
import dev.hangar.runtime.ContainerHandle;
import dev.hangar.runtime.ContainerRuntime;
import dev.hangar.runtime.ContainerRuntimeException;
import dev.hangar.runtime.ContainerSpec;
import dev.hangar.runtime.HangarLabels;
import dev.hangar.runtime.NetworkSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.PortMapping;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A task's network, made before its containers and released after them.
 * <ul>
 *   <li>awsvpc: the task's containers share one network namespace, held by a pause container (Hangar's own image,
 *       {@link ContainerRuntime#pauseImage}) that the others join ("container:&lt;pause&gt;"), so they reach each other
 *       on localhost as on ECS. The namespace gets the task's ENI: an address Hangar picks in the task's subnet
 *       (skipping the five AWS reserves) on the Docker network standing for the subnet's VPC ({@link #networkName},
 *       the VPC's CIDR), reachable from the engine's host and from the VPC's other tasks. The pause
 *       container publishes the task's ports on 127.0.0.1, as every local task's ports are.</li>
 *   <li>bridge: the engine's default bridge, as Docker does it; each container also joins the agent network, where
 *       its links ("name:alias") resolve the task's other containers.</li>
 *   <li>host, none: as Docker does them.</li>
 * </ul>
 * Every namespace but host's joins {@link TaskAgent#NETWORK} to reach the metadata and credentials endpoints.
 */
public final class TaskNetwork {

    private static final Logger LOG = LoggerFactory.getLogger(TaskNetwork.class);
    public static final String VPC_PREFIX = "hangar-vpc-";
    static final String PAUSE_LABEL = "hangar.ecs.pause";
    /** How many addresses are tried when another Hangar on the engine holds the one picked. */
    private static final int ADDRESS_ATTEMPTS = 8;

    private record Held(String network, long address, String ownerId) {
    }

    private final ContainerRuntime runtime;
    private final TaskAgent agent;
    private final HangarClock clock;
    private volatile SubnetResolver subnets;
    /** Addresses this Hangar gave out, per VPC network. */
    private final Map<String, Set<Long>> taken = new ConcurrentHashMap<>();
    private final Map<String, Held> held = new ConcurrentHashMap<>();

    public TaskNetwork(ContainerRuntime runtime, TaskAgent agent, SubnetResolver subnets, HangarClock clock) {
        this.runtime = runtime;
        this.clock = clock;
        this.agent = agent;
        this.subnets = subnets;
    }

    /** Where subnets are looked up (the EC2 module's network, once wired). */
    public void subnets(SubnetResolver resolver) {
        this.subnets = resolver;
    }

    /** The name of an awsvpc task's pause container, as the ECS agent names its own. */
    public static String pauseName(TaskRecord task) {
        return "ecs-" + task.definition().family() + "-" + task.definition().revision() + "-internalecspause-"
                + task.id();
    }

    /**
     * The Docker network of the VPCs with that CIDR: "hangar-vpc-172-31-0-0-16". One per CIDR rather than per VPC,
     * because the engine refuses two networks whose subnets overlap, and every account's default VPC in every region
     * is 172.31.0.0/16: their tasks share the network (and its addresses, which Hangar gives out once).
     */
    public static String networkName(String vpcCidr) {
        return VPC_PREFIX + vpcCidr.replace('.', '-').replace('/', '-');
    }

    static String mode(TaskRecord task) {
        String mode = task.definition().networkModeAsString();
        return mode == null ? "bridge" : mode;
    }

    /**
     * On an engine thread, before the task's containers are created: false when the task cannot start (its stop
     * reason is set).
     */
    public boolean provision(TaskRecord task) {
        task.agentAccess(agent.register(task));
        if (!"awsvpc".equals(mode(task))) {
            return true;
        }
        try {
            return awsvpc(task);
        } catch (ContainerRuntimeException e) {
            task.failToStart("ResourceInitializationError: failed to set up the task's network: " + e.getMessage(),
                    clock.now());
            return false;
        }
    }

    private boolean awsvpc(TaskRecord task) {
        List<String> ids = task.networkConfiguration() == null
                || task.networkConfiguration().awsvpcConfiguration() == null ? List.of()
                : task.networkConfiguration().awsvpcConfiguration().subnets();
        String[] arn = task.arn().split(":");
        SubnetResolver.Subnet subnet = ids.isEmpty() ? null : subnets.resolve(arn[4], arn[3], ids.get(0));
        if (subnet == null) {
            task.failToStart("ResourceInitializationError: the subnet " + (ids.isEmpty() ? "" : ids.get(0) + " ")
                    + "of the task's networkConfiguration was not found", clock.now());
            return false;
        }
        String network = networkName(subnet.vpcCidr());
        NetworkSpec made = runtime.ensureNetwork(new NetworkSpec(network, subnet.vpcCidr(),
                Cidrs.router(subnet.vpcCidr()), Map.of("hangar.vpc-cidr", subnet.vpcCidr())));
        if (!subnet.vpcCidr().equals(made.subnet())) {
            throw new ContainerRuntimeException("network " + network + " has subnet " + made.subnet() + ", not the VPC's "
                    + subnet.vpcCidr());
        }
        runtime.connectSelf(network, null);
        String image = runtime.pauseImage();
        ContainerRuntimeException last = null;
        for (int attempt = 0; attempt < ADDRESS_ATTEMPTS; attempt++) {
            long address = allocate(network, subnet.cidr());
            ContainerHandle owner = null;
            try {
                owner = runtime.create(pauseSpec(task, image, network, Cidrs.text(address)));
                runtime.start(owner.id());
            } catch (ContainerRuntimeException e) {
                free(network, address);
                if (owner != null) {
                    removeQuietly(owner.id());
                }
                last = e;
                if (String.valueOf(e.getMessage()).contains("already in use")) {
                    continue; // another Hangar on this engine holds it: the next one
                }
                throw e;
            }
            held.put(task.arn(), new Held(network, address, owner.id()));
            task.networkInterface(eni(task, subnet, Cidrs.text(address)));
            LOG.info("Task {} has ENI address {} in {} ({}, {})", task.id(), Cidrs.text(address), subnet.subnetId(),
                    subnet.cidr(), network);
            return true;
        }
        throw last;
    }

    /** After the task's containers are removed (also when it never got its network). */
    public void release(TaskRecord task) {
        agent.unregister(task);
        Held h = held.remove(task.arn());
        if (h != null) {
            removeQuietly(h.ownerId());
            free(h.network(), h.address());
        }
    }

    /** The network members of a container's spec (ContainerSpecs). */
    static ContainerSpec.Builder applyTo(ContainerSpec.Builder spec, TaskRecord task, TaskContainer container) {
        TaskAgentAccess access = task.agentAccess();
        switch (mode(task)) {
            case "awsvpc" -> {
                if (task.networkInterface() != null) {
                    spec.networkMode("container:" + pauseName(task));
                }
            }
            case "host" -> spec.networkMode("host");
            case "none" -> spec.networkMode("none");
            default -> {
                if (access != null && access.agentNetwork() != null) {
                    spec.moreNetworks(List.of(new ContainerSpec.NetworkAttachment(access.agentNetwork(), null,
                            List.of(), links(task, container))));
                }
            }
        }
        return spec;
    }

    /** bridge links "name[:alias]" to the task's containers, by their Docker names, resolved on the agent network. */
    private static List<String> links(TaskRecord task, TaskContainer container) {
        List<String> out = new ArrayList<>();
        for (String link : container.definition().links()) {
            int colon = link.indexOf(':');
            String name = colon < 0 ? link : link.substring(0, colon);
            String alias = colon < 0 ? link : link.substring(colon + 1);
            TaskContainer target = task.container(name);
            if (target != null) {
                out.add(ContainerSpecs.dockerName(task, target) + ":" + alias);
            }
        }
        return out;
    }

    private ContainerSpec pauseSpec(TaskRecord task, String image, String network, String address) {
        List<ContainerSpec.PortMapping> ports = new ArrayList<>();
        for (TaskContainer c : task.containers()) {
            ContainerDefinition def = c.definition();
            for (PortMapping p : def.portMappings()) {
                ports.add(new ContainerSpec.PortMapping(p.containerPort(), 0,
                        p.protocol() == null ? "tcp" : p.protocolAsString(), "127.0.0.1"));
            }
        }
        TaskAgentAccess access = task.agentAccess();
        return ContainerSpec.builder(image)
                .name(pauseName(task))
                .entrypoint(List.of("/pause"))
                .init(false)
                .labels(Map.of(HangarLabels.RESOURCE, task.arn(), PAUSE_LABEL, "true",
                        "com.amazonaws.ecs.task-arn", task.arn(),
                        "com.amazonaws.ecs.container-name", "~internal~ecs~pause",
                        "com.amazonaws.ecs.cluster", task.cluster().name()))
                .ports(ports)
                .networkMode(network)
                .ipv4Address(address)
                .moreNetworks(access == null || access.agentNetwork() == null ? List.of()
                        : List.of(new ContainerSpec.NetworkAttachment(access.agentNetwork(), null, null, null)))
                .build();
    }

    /** A free address of the subnet: not the network, router, DNS, reserved (+3) or broadcast address. */
    private long allocate(String network, String cidr) {
        Set<Long> used = taken.computeIfAbsent(network, n -> ConcurrentHashMap.newKeySet());
        long base = Cidrs.base(cidr);
        long usable = Cidrs.size(cidr) - 5;
        long start = ThreadLocalRandom.current().nextLong(usable);
        for (long i = 0; i < usable; i++) {
            long address = base + 4 + (start + i) % usable;
            if (used.add(address)) {
                return address;
            }
        }
        throw new ContainerRuntimeException("no free address left in " + cidr);
    }

    private void free(String network, long address) {
        Set<Long> used = taken.get(network);
        if (used != null) {
            used.remove(address);
        }
    }

    private void removeQuietly(String id) {
        try {
            runtime.remove(id);
        } catch (ContainerRuntimeException e) {
            LOG.debug("removing the pause container {} failed: {}", id, e.getMessage());
        }
    }

    private static TaskEni eni(TaskRecord task, SubnetResolver.Subnet subnet, String address) {
        byte[] random = new byte[9];
        ThreadLocalRandom.current().nextBytes(random);
        String eniId = "eni-" + HexFormat.of().formatHex(random).substring(0, 17);
        String region = task.arn().split(":")[3];
        String host = "ip-" + address.replace('.', '-');
        String dns = region.equals("us-east-1") ? host + ".ec2.internal" : host + "." + region + ".compute.internal";
        return new TaskEni(UUID.randomUUID().toString(), eniId, subnet.subnetId(), subnet.vpcId(), subnet.cidr(),
                Cidrs.router(subnet.cidr()), mac(address), address, dns);
    }

    /** A locally administered MAC derived from the address, as stable as the address itself. */
    private static String mac(String address) {
        long a = Cidrs.address(address);
        return String.format("02:%02x:%02x:%02x:%02x:%02x", 0x42, (a >> 24) & 255, (a >> 16) & 255, (a >> 8) & 255,
                a & 255);
    }
}
