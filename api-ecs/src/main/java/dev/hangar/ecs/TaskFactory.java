package dev.hangar.ecs;

import dev.hangar.core.state.Ids;
import dev.hangar.ecs.domain.ClusterRecord;
import dev.hangar.ecs.domain.TaskContainer;
import dev.hangar.ecs.domain.TaskRecord;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.ContainerOverride;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.PropagateTags;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskOverride;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RunTask's request checked and turned into PROVISIONING tasks, with the overrides applied to each container. Public
 * for runtime's ContainerSpecsTest, which builds its tasks as RunTask does.
 */
public final class TaskFactory {

    private TaskFactory() {
    }

    /**
     * @param definitionTags the task definition's tags, copied to each task with {@code propagateTags:
     *                       TASK_DEFINITION} (the request's own tags win on the same key)
     * @param now            the tasks' createdAt, on Hangar's clock
     */
    public static List<TaskRecord> create(RunTaskRequest r, ClusterRecord cluster, TaskDefinition td,
                                          Map<String, String> definitionTags, EcsArns arns, String region, Instant now) {
        int count = r.count() == null ? 1 : r.count();
        if (count < 1 || count > 10) {
            throw EcsErrors.invalidParameter("Count must be between 1 and 10.");
        }
        LaunchType launchType = launchType(r.launchType(), r.capacityProviderStrategy());
        String capacityProvider = r.hasCapacityProviderStrategy() && !r.capacityProviderStrategy().isEmpty()
                ? r.capacityProviderStrategy().get(0).capacityProvider() : null;
        checkLaunch(td, launchType, r.platformVersion(), r.networkConfiguration());
        String platformVersion = platformVersion(r.platformVersion(), launchType);
        if (r.startedBy() != null && r.startedBy().length() > 128) {
            throw EcsErrors.invalidParameter("startedBy must be at most 128 characters long.");
        }
        Map<String, String> tags = EcsTagging.check(r.tags()).asMap();
        if (r.propagateTags() == PropagateTags.SERVICE) {
            throw EcsErrors.invalidParameter("propagateTags SERVICE is not supported when running a task:"
                    + " a task run by RunTask has no service.");
        }
        clientToken(r.clientToken());
        TaskOverride overrides = r.overrides() == null ? TaskOverride.builder().build() : r.overrides();
        boolean execute = Boolean.TRUE.equals(r.enableExecuteCommand());
        if (execute && td.taskRoleArn() == null && overrides.taskRoleArn() == null) {
            throw EcsErrors.invalidParameter("The execute command failed because a valid task role is not being used."
                    + " Specify a valid task role in your task definition or as a task override and try again.");
        }
        TaskRecord.RunOptions options = new TaskRecord.RunOptions(execute, platformVersion, r.clientToken());
        Map<String, ContainerOverride> byName = containerOverrides(overrides, td);
        String cpu = overrides.cpu() != null ? TaskDefinitions.cpuUnits(overrides.cpu()) : td.cpu();
        String memory = overrides.memory() != null ? TaskDefinitions.memoryMib(overrides.memory()) : td.memory();
        fargateOverrides(launchType, overrides, cpu, memory);
        String group = r.group() != null ? r.group() : "family:" + td.family();
        TaskOverride echoed = echoedOverrides(overrides, td, byName);

        List<TaskRecord> tasks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String id = Ids.hex32();
            String arn = arns.task(cluster.name(), id);
            List<TaskContainer> containers = new ArrayList<>();
            for (ContainerDefinition def : td.containerDefinitions()) {
                containers.add(container(arns.container(cluster.name(), id, Ids.uuid()), def, byName.get(def.name())));
            }
            TaskRecord task = new TaskRecord(arn, id, cluster, td, launchType, capacityProvider, group,
                    r.startedBy(), echoed, cpu, memory, region + "a", now, containers, options);
            // both were checked when they were set; AWS's limit applies to each, not to their union
            if (r.propagateTags() == PropagateTags.TASK_DEFINITION) {
                task.tags().copy(definitionTags);
            }
            task.tags().copy(tags);
            task.networkConfiguration(r.networkConfiguration());
            tasks.add(task);
        }
        return tasks;
    }

    /**
     * The launch type a request (RunTask, CreateService, UpdateService) asks for: not both a launch type and a
     * capacity provider strategy, as ECS refuses.
     */
    static LaunchType launchType(LaunchType asked, List<CapacityProviderStrategyItem> strategy) {
        boolean hasStrategy = strategy != null && !strategy.isEmpty();
        if (asked != null && hasStrategy) {
            throw EcsErrors.invalidParameter(
                    "Specifying both a launch type and capacity provider strategy is not supported.");
        }
        if (asked == LaunchType.UNKNOWN_TO_SDK_VERSION) {
            throw EcsErrors.invalidParameter("launchType must be one of EC2, FARGATE, EXTERNAL, MANAGED_INSTANCES.");
        }
        return launchType(asked, hasStrategy ? strategy.get(0).capacityProvider() : null);
    }

    /**
     * What ECS checks of a launch against its task definition, for a task as for a service's revision: Fargate
     * needs a Fargate-compatible definition, EC2 no platform version, awsvpc a network configuration.
     */
    static void checkLaunch(TaskDefinition td, LaunchType launchType, String platformVersion,
                            NetworkConfiguration networkConfiguration) {
        if (launchType == LaunchType.FARGATE && !td.compatibilities().contains(Compatibility.FARGATE)) {
            throw EcsErrors.invalidParameter("Task definition does not support launch_type FARGATE.");
        }
        platformVersion(platformVersion, launchType);
        if (td.networkMode() == NetworkMode.AWSVPC && networkConfiguration == null) {
            throw EcsErrors.invalidParameter(
                    "Network Configuration must be provided when networkMode 'awsvpc' is specified.");
        }
    }

    /**
     * The platform version a Fargate task shows: the one asked for, LATEST (or none) being the current one. Other
     * launch types have none; AWS refuses one with EC2.
     */
    private static String platformVersion(String asked, LaunchType launchType) {
        if (launchType != LaunchType.FARGATE) {
            if (asked != null && launchType == LaunchType.EC2) {
                throw EcsErrors.invalidParameter("The platform version must be null when specifying an EC2 launch type.");
            }
            return null;
        }
        return asked == null || asked.equals("LATEST") ? TaskRecord.LATEST_PLATFORM_VERSION : asked;
    }

    /** A Fargate task's size after the overrides must still be one Fargate offers, as at registration. */
    private static void fargateOverrides(LaunchType launchType, TaskOverride overrides, String cpu, String memory) {
        if (launchType == LaunchType.FARGATE && (overrides.cpu() != null || overrides.memory() != null)) {
            TaskDefinitions.fargateSize(cpu, memory);
        }
    }

    /** Up to 64 characters in the range 33-126, as the API reference documents. */
    private static void clientToken(String token) {
        if (token == null) {
            return;
        }
        boolean valid = !token.isEmpty() && token.length() <= 64 && token.chars().allMatch(c -> c >= 33 && c <= 126);
        if (!valid) {
            throw EcsErrors.invalidParameter("clientToken must be 1 to 64 characters in the range 33-126.");
        }
    }

    /**
     * The launch type asked for, else the one the capacity provider implies (FARGATE and FARGATE_SPOT are Fargate;
     * any other provider is an Auto Scaling group of EC2 instances), else EC2.
     */
    private static LaunchType launchType(LaunchType asked, String capacityProvider) {
        if (asked != null) {
            return asked;
        }
        if ("FARGATE".equals(capacityProvider) || "FARGATE_SPOT".equals(capacityProvider)) {
            return LaunchType.FARGATE;
        }
        return LaunchType.EC2;
    }

    private static Map<String, ContainerOverride> containerOverrides(TaskOverride overrides, TaskDefinition td) {
        Map<String, ContainerOverride> byName = new HashMap<>();
        for (ContainerOverride o : overrides.containerOverrides()) {
            boolean known = td.containerDefinitions().stream().anyMatch(d -> d.name().equals(o.name()));
            if (!known) {
                throw EcsErrors.invalidParameter("Override for container named " + o.name()
                        + " is not a container in the TaskDefinition.");
            }
            byName.put(o.name(), o);
        }
        return byName;
    }

    /** AWS echoes the overrides with an entry for every container, just its name when it had none. */
    private static TaskOverride echoedOverrides(TaskOverride overrides, TaskDefinition td,
                                                Map<String, ContainerOverride> byName) {
        List<ContainerOverride> all = new ArrayList<>();
        for (ContainerDefinition def : td.containerDefinitions()) {
            ContainerOverride given = byName.get(def.name());
            all.add(given != null ? given : ContainerOverride.builder().name(def.name()).build());
        }
        return overrides.toBuilder().containerOverrides(all)
                .inferenceAcceleratorOverrides(new ArrayList<>(overrides.inferenceAcceleratorOverrides())).build();
    }

    private static TaskContainer container(String arn, ContainerDefinition def, ContainerOverride o) {
        List<String> command = def.hasCommand() ? def.command() : null;
        Map<String, String> env = new LinkedHashMap<>();
        for (KeyValuePair kv : def.environment()) {
            env.put(kv.name(), kv.value() == null ? "" : kv.value());
        }
        Integer cpu = def.cpu();
        Integer memory = def.memory();
        Integer memoryReservation = def.memoryReservation();
        if (o != null) {
            if (o.hasCommand()) {
                command = o.command();
            }
            for (KeyValuePair kv : o.environment()) {
                env.put(kv.name(), kv.value() == null ? "" : kv.value());
            }
            cpu = o.cpu() != null ? o.cpu() : cpu;
            memory = o.memory() != null ? o.memory() : memory;
            memoryReservation = o.memoryReservation() != null ? o.memoryReservation() : memoryReservation;
        }
        return new TaskContainer(arn, def, command, env, cpu, memory, memoryReservation);
    }
}
