package dev.hangar.ecs;

import dev.hangar.core.resource.PageKeys;
import dev.hangar.core.service.RequestContext;
import dev.hangar.core.time.HangarClock;
import dev.hangar.ecs.domain.TaskDefinitionRegistry;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.SortOrder;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionFamilyStatus;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionStatus;
import software.amazon.awssdk.services.ecs.model.TransportProtocol;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Registering, resolving, listing and retiring task definitions of one account and region. */
final class TaskDefinitions {

    static final String NOT_FOUND = "The specified task definition does not exist.";

    private final TaskDefinitionRegistry registry;
    private final EcsArns arns;
    private final HangarClock clock;

    TaskDefinitions(TaskDefinitionRegistry registry, EcsArns arns, HangarClock clock) {
        this.registry = registry;
        this.arns = arns;
        this.clock = clock;
    }

    TaskDefinitionRegistry registry() {
        return registry;
    }

    TaskDefinition register(RequestContext ctx, RegisterTaskDefinitionRequest r) {
        EcsValidation.registration(r);
        TaskDefinitionMembers.check(r);
        NetworkMode networkMode = r.networkMode() == null ? NetworkMode.BRIDGE : r.networkMode();
        String cpu = cpuUnits(r.cpu());
        String memory = memoryMib(r.memory());
        if (r.requiresCompatibilities().contains(Compatibility.FARGATE)) {
            fargateSize(cpu, memory);
        }
        List<ContainerDefinition> containers = r.containerDefinitions().stream()
                .map(c -> withDefaults(c, networkMode)).toList();
        List<Compatibility> compatibilities = new ArrayList<>(List.of(Compatibility.EC2));
        if (networkMode == NetworkMode.AWSVPC && isFargateSize(cpu, memory)) {
            compatibilities.add(Compatibility.FARGATE);
        }
        TaskDefinition registered = registry.register(r.family(), revision -> TaskDefinition.builder()
                .taskDefinitionArn(arns.taskDefinition(r.family(), revision))
                .family(r.family())
                .revision(revision)
                .containerDefinitions(containers)
                .taskRoleArn(r.taskRoleArn())
                .executionRoleArn(r.executionRoleArn())
                .networkMode(networkMode)
                .volumes(new ArrayList<>(r.volumes()))
                .placementConstraints(new ArrayList<>(r.placementConstraints()))
                .requiresCompatibilitiesWithStrings(r.requiresCompatibilitiesAsStrings())
                .compatibilities(compatibilities)
                .requiresAttributes(List.of())
                .cpu(cpu)
                .memory(memory)
                .pidMode(r.pidModeAsString())
                .ipcMode(r.ipcModeAsString())
                .proxyConfiguration(r.proxyConfiguration())
                .inferenceAccelerators(r.hasInferenceAccelerators() ? r.inferenceAccelerators() : null)
                .ephemeralStorage(r.ephemeralStorage())
                .runtimePlatform(r.runtimePlatform())
                .enableFaultInjection(r.enableFaultInjection())
                .status(TaskDefinitionStatus.ACTIVE)
                .registeredAt(clock.now())
                .registeredBy("arn:aws:iam::" + ctx.accountId() + ":root")
                .build());
        EcsTagging.add(registry.tags(registered.taskDefinitionArn()), r.tags());
        return registered;
    }

    /** What AWS fills in on registration, so that describe shows the same defaults. */
    private static ContainerDefinition withDefaults(ContainerDefinition c, NetworkMode networkMode) {
        List<PortMapping> ports = c.portMappings().stream().map(p -> {
            Integer hostPort = p.hostPort();
            if (hostPort == null) {
                hostPort = networkMode == NetworkMode.BRIDGE ? 0 : p.containerPort();
            }
            return p.toBuilder().hostPort(hostPort)
                    .protocol(p.protocol() == null ? TransportProtocol.TCP.toString() : p.protocolAsString()).build();
        }).toList();
        return c.toBuilder()
                .cpu(c.cpu() == null ? 0 : c.cpu())
                .essential(c.essential() == null || c.essential())
                .portMappings(ports)
                // copies: the SDK's unset (auto-construct) lists would not be written, AWS shows them as []
                .environment(new ArrayList<>(c.environment()))
                .mountPoints(new ArrayList<>(c.mountPoints()))
                .volumesFrom(new ArrayList<>(c.volumesFrom()))
                .systemControls(new ArrayList<>(c.systemControls()))
                .healthCheck(TaskDefinitionMembers.withDefaults(c.healthCheck()))
                .build();
    }

    /**
     * Fargate's task sizes: for each CPU value, the memory from the first to the last in steps (256 CPU takes 512,
     * 1024 and 2048 only), as the developer guide's task size table lists them.
     */
    private static final int[][] FARGATE_SIZES = {
            {256, 512, 2048, 512}, {512, 1024, 4096, 1024}, {1024, 2048, 8192, 1024}, {2048, 4096, 16384, 1024},
            {4096, 8192, 30720, 1024}, {8192, 16384, 61440, 4096}, {16384, 32768, 122880, 8192}};

    static boolean isFargateSize(String cpu, String memory) {
        if (cpu == null || memory == null) {
            return false;
        }
        int c;
        int m;
        try {
            c = Integer.parseInt(cpu);
            m = Integer.parseInt(memory);
        } catch (NumberFormatException e) {
            return false;
        }
        for (int[] size : FARGATE_SIZES) {
            if (c == size[0] && m >= size[1] && m <= size[2] && (m - size[1]) % size[3] == 0) {
                // 256 CPU: 512, 1024, 2048 (not 1536)
                return c != 256 || m != 1536;
            }
        }
        return false;
    }

    /** Refuses a task size Fargate does not offer, with ECS's message (units and MiB, as normalised). */
    static void fargateSize(String cpu, String memory) {
        if (cpu != null && memory != null && !isFargateSize(cpu, memory)) {
            throw EcsErrors.client("No Fargate configuration exists for given values: " + cpu + " CPU, " + memory
                    + " memory. See the Amazon ECS documentation for the valid values.");
        }
    }

    /** "1 vCPU" → "1024"; plain numbers stay. */
    static String cpuUnits(String cpu) {
        if (cpu == null) {
            return null;
        }
        String t = cpu.trim().toLowerCase(Locale.ROOT);
        if (t.endsWith("vcpu")) {
            return scaled(t.substring(0, t.length() - 4), cpu);
        }
        return t;
    }

    /** "2 GB" → "2048"; plain numbers (MiB) stay. */
    static String memoryMib(String memory) {
        if (memory == null) {
            return null;
        }
        String t = memory.trim().toLowerCase(Locale.ROOT);
        if (t.endsWith("gb")) {
            return scaled(t.substring(0, t.length() - 2), memory);
        }
        return t;
    }

    private static String scaled(String number, String original) {
        try {
            return new BigDecimal(number.trim()).multiply(BigDecimal.valueOf(1024)).toBigInteger().toString();
        } catch (NumberFormatException e) {
            throw EcsErrors.client("Invalid setting: " + original);
        }
    }

    /** The revision named (or the family's latest ACTIVE one), or null. */
    TaskDefinition find(String reference) {
        TaskDefinitionRef ref = TaskDefinitionRef.parse(reference, arns);
        if (ref == null) {
            return null;
        }
        return ref.revision() == null ? registry.latestActive(ref.family()) : registry.find(ref.family(), ref.revision());
    }

    TaskDefinition describe(String reference) {
        TaskDefinition found = find(reference);
        if (found == null) {
            throw EcsErrors.client("Unable to describe task definition.");
        }
        return found;
    }

    /** For RunTask: must exist and be ACTIVE. */
    TaskDefinition forRun(String reference) {
        TaskDefinition found = find(reference);
        if (found == null) {
            throw EcsErrors.client("TaskDefinition not found.");
        }
        if (found.status() != TaskDefinitionStatus.ACTIVE) {
            throw EcsErrors.client("TaskDefinition is inactive");
        }
        return found;
    }

    private TaskDefinitionRef withRevision(String reference) {
        TaskDefinitionRef ref = TaskDefinitionRef.parse(reference, arns);
        if (ref == null || ref.revision() == null) {
            throw EcsErrors.client("Invalid revision number. A task definition must be named as family:revision"
                    + " or by its full ARN: " + reference);
        }
        return ref;
    }

    TaskDefinition deregister(String reference) {
        TaskDefinitionRef ref = withRevision(reference);
        synchronized (registry) {
            TaskDefinition found = registry.find(ref.family(), ref.revision());
            if (found == null) {
                throw EcsErrors.client(NOT_FOUND);
            }
            if (found.status() != TaskDefinitionStatus.ACTIVE) {
                return found;
            }
            return registry.replace(found.toBuilder().status(TaskDefinitionStatus.INACTIVE)
                    .deregisteredAt(clock.now()).build());
        }
    }

    record Deleted(List<TaskDefinition> taskDefinitions, List<Failure> failures) {
    }

    Deleted delete(List<String> references) {
        if (references.isEmpty() || references.size() > 10) {
            throw EcsErrors.invalidParameter("taskDefinitions must contain between 1 and 10 task definitions.");
        }
        List<TaskDefinition> deleted = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (String reference : references) {
            TaskDefinitionRef ref = TaskDefinitionRef.parse(reference, arns);
            if (ref == null || ref.revision() == null) {
                failures.add(failure(reference, "The specified task definition identifier is invalid."
                        + " Specify a valid name or ARN and try again."));
                continue;
            }
            synchronized (registry) {
                TaskDefinition found = registry.find(ref.family(), ref.revision());
                if (found == null) {
                    failures.add(failure(ref.arn(arns), NOT_FOUND));
                } else if (found.status() == TaskDefinitionStatus.ACTIVE) {
                    failures.add(failure(found.taskDefinitionArn(), "The specified task definition is still in"
                            + " ACTIVE status. Please deregister the target and try again."));
                } else if (found.status() == TaskDefinitionStatus.INACTIVE) {
                    deleted.add(registry.replace(found.toBuilder().status(TaskDefinitionStatus.DELETE_IN_PROGRESS)
                            .deleteRequestedAt(clock.now()).build()));
                } else {
                    deleted.add(found);
                }
            }
        }
        return new Deleted(deleted, failures);
    }

    private static Failure failure(String arn, String reason) {
        return Failure.builder().arn(arn).reason(reason).build();
    }

    /**
     * ListTaskDefinitions: familyPrefix is the full family name (as AWS documents), status defaults to ACTIVE; by
     * family, then revision ({@link #listKey}), reversed with sort DESC.
     */
    List<TaskDefinition> list(String family, TaskDefinitionStatus status, SortOrder sort) {
        TaskDefinitionStatus wanted = status == null ? TaskDefinitionStatus.ACTIVE : status;
        List<TaskDefinition> out = new ArrayList<>();
        for (TaskDefinition d : registry.all()) {
            if ((family == null || family.equals(d.family())) && d.status() == wanted) {
                out.add(d);
            }
        }
        if (sort == SortOrder.DESC) {
            java.util.Collections.reverse(out);
        }
        return out;
    }

    /** The key a revision is listed and paged by: its family, then its revision number. */
    static String listKey(TaskDefinition d) {
        return PageKeys.of(d.family(), PageKeys.number(d.revision()));
    }

    /**
     * ListTaskDefinitionFamilies: ACTIVE = families with an ACTIVE revision, INACTIVE = families without one,
     * ALL (the default) = every family.
     */
    List<String> families(String prefix, TaskDefinitionFamilyStatus status) {
        List<String> out = new ArrayList<>();
        registry.byFamily().forEach((family, revisions) -> {
            if (prefix != null && !family.startsWith(prefix)) {
                return;
            }
            boolean active = revisions.stream().anyMatch(d -> d.status() == TaskDefinitionStatus.ACTIVE);
            if (status == TaskDefinitionFamilyStatus.ACTIVE && !active
                    || status == TaskDefinitionFamilyStatus.INACTIVE && active) {
                return;
            }
            out.add(family);
        });
        return out;
    }
}
