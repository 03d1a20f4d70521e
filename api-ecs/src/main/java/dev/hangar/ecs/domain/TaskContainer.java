package dev.hangar.ecs.domain;

import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.HealthStatus;
import software.amazon.awssdk.services.ecs.model.NetworkBinding;
import software.amazon.awssdk.services.ecs.model.NetworkInterface;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One container of a task: what it runs (the definition with the RunTask overrides applied, fixed at launch) and
 * how far it got. Its mutable state is only touched under its task's lock, through {@link TaskRecord}.
 */
public final class TaskContainer {

    private final String name;
    private final String arn;
    private final ContainerDefinition definition;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Integer cpu;
    private final Integer memory;
    private final Integer memoryReservation;

    private volatile String runtimeId;
    /** The secrets' values, resolved at launch (TaskSecrets), by variable name. */
    private volatile Map<String, String> secretEnvironment = Map.of();
    ContainerStatus lastStatus = ContainerStatus.PENDING;
    Integer exitCode;
    String reason;
    List<NetworkBinding> networkBindings = List.of();
    boolean startClaimed;
    boolean everStarted;
    boolean stopClaimed;
    /** The task's ENI (awsvpc), shown as the container's networkInterfaces. */
    volatile TaskEni eni;
    /** When start() returned, for startTimeout; null before. */
    Instant startedAt;
    /** What its health check last reported; UNKNOWN without a check or before the first result. */
    HealthStatus health = HealthStatus.UNKNOWN;

    public TaskContainer(String arn, ContainerDefinition definition, List<String> command,
                         Map<String, String> environment, Integer cpu, Integer memory, Integer memoryReservation) {
        this.name = definition.name();
        this.arn = arn;
        this.definition = definition;
        this.command = command;
        this.environment = Map.copyOf(environment);
        this.cpu = cpu;
        this.memory = memory;
        this.memoryReservation = memoryReservation;
    }

    public String name() {
        return name;
    }

    public ContainerDefinition definition() {
        return definition;
    }

    /** The command to run: the override's, else the definition's, else null (the image's own). */
    public List<String> command() {
        return command;
    }

    /** The variables the container gets: the definition's and the overrides', then its resolved secrets. */
    public Map<String, String> environment() {
        Map<String, String> secrets = secretEnvironment;
        if (secrets.isEmpty()) {
            return environment;
        }
        Map<String, String> all = new java.util.LinkedHashMap<>(environment);
        all.putAll(secrets);
        return all;
    }

    /** Set once by the launcher, before the container is created. */
    public void secretEnvironment(Map<String, String> values) {
        this.secretEnvironment = Map.copyOf(values);
    }

    public Integer cpu() {
        return cpu;
    }

    public Integer memory() {
        return memory;
    }

    public Integer memoryReservation() {
        return memoryReservation;
    }

    public boolean essential() {
        return definition.essential() == null || definition.essential();
    }

    /** The engine's container id once created, else null. */
    public String runtimeId() {
        return runtimeId;
    }

    /** Whether its definition has a healthCheck (the image's own HEALTHCHECK is not run, as on ECS). */
    public boolean hasHealthCheck() {
        return definition.healthCheck() != null;
    }

    void runtimeId(String id) {
        this.runtimeId = id;
    }

    /** The container's ARN (its last part, a UUID, names it on the task metadata endpoint). */
    public String arn() {
        return arn;
    }

    boolean stopped() {
        return lastStatus == ContainerStatus.STOPPED;
    }

    Container toSdk(String taskArn) {
        var builder = Container.builder()
                .containerArn(arn)
                .taskArn(taskArn)
                .name(name)
                .image(definition.image())
                .lastStatus(lastStatus.toSdk())
                .networkBindings(networkBindings)
                .networkInterfaces(eni == null ? List.of() : List.of(NetworkInterface.builder()
                        .attachmentId(eni.attachmentId()).privateIpv4Address(eni.privateIpv4Address()).build()))
                .healthStatus(health)
                .cpu(String.valueOf(cpu == null ? 0 : cpu));
        if (runtimeId != null) {
            builder.runtimeId(runtimeId);
        }
        if (exitCode != null) {
            builder.exitCode(exitCode);
        }
        if (reason != null) {
            builder.reason(reason);
        }
        if (memory != null) {
            builder.memory(String.valueOf(memory));
        }
        if (memoryReservation != null) {
            builder.memoryReservation(String.valueOf(memoryReservation));
        }
        return builder.build();
    }
}
