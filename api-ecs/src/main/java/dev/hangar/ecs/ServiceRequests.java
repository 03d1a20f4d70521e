package dev.hangar.ecs;

import dev.hangar.ecs.domain.ServiceConfig;
import dev.hangar.ecs.domain.ServiceSettings;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.DeploymentCircuitBreaker;
import software.amazon.awssdk.services.ecs.model.DeploymentConfiguration;
import software.amazon.awssdk.services.ecs.model.DeploymentController;
import software.amazon.awssdk.services.ecs.model.DeploymentControllerType;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.PropagateTags;
import software.amazon.awssdk.services.ecs.model.SchedulingStrategy;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.UpdateServiceRequest;

import java.util.regex.Pattern;

/**
 * CreateService's and UpdateService's members checked as ECS checks them and turned into a revision
 * ({@link ServiceConfig}) and settings ({@link ServiceSettings}). Messages quoted from ECS are listed in docs/ecs.md;
 * the others are Hangar's wording.
 */
final class ServiceRequests {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,255}");

    private ServiceRequests() {
    }

    static void serviceName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw EcsErrors.invalidParameter("Invalid service name. Up to 255 letters (uppercase and lowercase),"
                    + " numbers, underscores, and hyphens are allowed.");
        }
    }

    /** Hangar does the ECS (rolling update) controller only; the others are refused before anything is made. */
    static DeploymentController controller(DeploymentController asked) {
        if (asked == null || asked.type() == null || asked.type() == DeploymentControllerType.ECS) {
            return DeploymentController.builder().type(DeploymentControllerType.ECS).build();
        }
        throw EcsErrors.invalidParameter("Hangar supports only the ECS (rolling update) deployment controller;"
                + " deploymentController " + asked.typeAsString()
                + " (blue/green through CodeDeploy, or task sets of an external controller) is not available.");
    }

    static SchedulingStrategy strategy(SchedulingStrategy asked) {
        if (asked == SchedulingStrategy.UNKNOWN_TO_SDK_VERSION) {
            throw EcsErrors.invalidParameter("schedulingStrategy must be one of REPLICA, DAEMON.");
        }
        return asked == null ? SchedulingStrategy.REPLICA : asked;
    }

    static int desiredCount(Integer asked, SchedulingStrategy strategy) {
        if (strategy == SchedulingStrategy.DAEMON) {
            if (asked != null) {
                throw EcsErrors.invalidParameter(
                        "The daemon scheduling strategy does not support a desired count for services.");
            }
            // one task per container instance: Hangar's cluster has one, the local Docker host
            return 1;
        }
        if (asked == null) {
            throw EcsErrors.invalidParameter("desiredCount is required when schedulingStrategy is REPLICA.");
        }
        if (asked < 0) {
            throw EcsErrors.invalidParameter("desiredCount must be greater than or equal to 0.");
        }
        return asked;
    }

    /** The deployment configuration with ECS's defaults: REPLICA 200 / 100, DAEMON 100 / 0, circuit breaker off. */
    static DeploymentConfiguration deploymentConfiguration(DeploymentConfiguration asked, DeploymentConfiguration base,
                                                           SchedulingStrategy strategy) {
        boolean daemon = strategy == SchedulingStrategy.DAEMON;
        DeploymentConfiguration given = asked != null ? asked : base;
        Integer max = given != null && given.maximumPercent() != null ? given.maximumPercent()
                : base != null ? base.maximumPercent() : null;
        Integer min = given != null && given.minimumHealthyPercent() != null ? given.minimumHealthyPercent()
                : base != null ? base.minimumHealthyPercent() : null;
        int maximum = max != null ? max : daemon ? 100 : 200;
        int minimum = min != null ? min : daemon ? 0 : 100;
        if (minimum < 0 || minimum > 100) {
            throw EcsErrors.invalidParameter("minimumHealthyPercent must be between 0 and 100.");
        }
        if (maximum < minimum) {
            throw EcsErrors.invalidParameter("maximumPercent must be greater than or equal to minimumHealthyPercent.");
        }
        DeploymentCircuitBreaker breaker = given != null && given.deploymentCircuitBreaker() != null
                ? given.deploymentCircuitBreaker()
                : base != null && base.deploymentCircuitBreaker() != null ? base.deploymentCircuitBreaker()
                : DeploymentCircuitBreaker.builder().enable(false).rollback(false).build();
        var builder = (given != null ? given.toBuilder() : DeploymentConfiguration.builder())
                .maximumPercent(maximum).minimumHealthyPercent(minimum).deploymentCircuitBreaker(breaker);
        return builder.build();
    }

    /** A revision from CreateService's members, checked against the task definition as RunTask would be. */
    static ServiceConfig config(CreateServiceRequest r, TaskDefinition td) {
        LaunchType launchType = TaskFactory.launchType(r.launchType(), r.capacityProviderStrategy());
        ServiceConfig config = new ServiceConfig(td, launchType, r.capacityProviderStrategy(), r.platformVersion(),
                r.networkConfiguration(), r.loadBalancers(), r.serviceRegistries(), r.volumeConfigurations(),
                r.serviceConnectConfiguration(), Boolean.TRUE.equals(r.enableExecuteCommand()));
        check(config);
        return config;
    }

    /** The revision an UpdateService asks for: the members given over the current revision's. */
    static ServiceConfig config(UpdateServiceRequest r, ServiceConfig current, TaskDefinition td) {
        LaunchType launchType = current.launchType();
        var strategy = current.capacityProviderStrategy();
        if (r.hasCapacityProviderStrategy()) {
            strategy = r.capacityProviderStrategy();
            if (!strategy.isEmpty()) {
                launchType = TaskFactory.launchType(null, strategy);
            }
        }
        ServiceConfig config = new ServiceConfig(td != null ? td : current.taskDefinition(), launchType, strategy,
                r.platformVersion() != null ? r.platformVersion() : current.platformVersion(),
                r.networkConfiguration() != null ? r.networkConfiguration() : current.networkConfiguration(),
                r.hasLoadBalancers() ? r.loadBalancers() : current.loadBalancers(),
                r.hasServiceRegistries() ? r.serviceRegistries() : current.serviceRegistries(),
                r.hasVolumeConfigurations() ? r.volumeConfigurations() : current.volumes(),
                r.serviceConnectConfiguration() != null ? r.serviceConnectConfiguration() : current.serviceConnect(),
                r.enableExecuteCommand() != null ? r.enableExecuteCommand() : current.enableExecuteCommand());
        check(config);
        return config;
    }

    private static void check(ServiceConfig c) {
        TaskDefinition td = c.taskDefinition();
        TaskFactory.checkLaunch(td, c.launchType(), c.platformVersion(), c.networkConfiguration());
        if (td.networkMode() != NetworkMode.AWSVPC && c.networkConfiguration() != null) {
            throw EcsErrors.invalidParameter("Network Configuration is not valid for the given networkMode of this"
                    + " task definition.");
        }
    }

    static PropagateTags propagateTags(PropagateTags asked, PropagateTags current) {
        if (asked == PropagateTags.UNKNOWN_TO_SDK_VERSION) {
            throw EcsErrors.invalidParameter("propagateTags must be one of TASK_DEFINITION, SERVICE, NONE.");
        }
        return asked != null ? asked : current != null ? current : PropagateTags.NONE;
    }

    static Integer gracePeriod(Integer asked) {
        if (asked != null && (asked < 0 || asked > 2_147_483_647)) {
            throw EcsErrors.invalidParameter("healthCheckGracePeriodSeconds must be between 0 and 2147483647.");
        }
        return asked;
    }

    static ServiceSettings settings(CreateServiceRequest r, SchedulingStrategy strategy, int desired) {
        return new ServiceSettings(desired, deploymentConfiguration(r.deploymentConfiguration(), null, strategy),
                strategy, controller(r.deploymentController()), r.placementConstraints(), r.placementStrategy(),
                gracePeriod(r.healthCheckGracePeriodSeconds()), propagateTags(r.propagateTags(), null),
                Boolean.TRUE.equals(r.enableECSManagedTags()), r.role(), r.availabilityZoneRebalancing());
    }

    static ServiceSettings settings(UpdateServiceRequest r, ServiceSettings current) {
        if (r.deploymentController() != null) {
            controller(r.deploymentController());
        }
        int desired = current.desiredCount();
        if (r.desiredCount() != null) {
            if (current.schedulingStrategy() == SchedulingStrategy.DAEMON) {
                throw EcsErrors.invalidParameter(
                        "The daemon scheduling strategy does not support a desired count for services.");
            }
            desired = desiredCount(r.desiredCount(), current.schedulingStrategy());
        }
        return new ServiceSettings(desired,
                deploymentConfiguration(r.deploymentConfiguration(), current.deploymentConfiguration(),
                        current.schedulingStrategy()),
                current.schedulingStrategy(), current.deploymentController(),
                r.hasPlacementConstraints() ? r.placementConstraints() : current.placementConstraints(),
                r.hasPlacementStrategy() ? r.placementStrategy() : current.placementStrategy(),
                r.healthCheckGracePeriodSeconds() != null ? gracePeriod(r.healthCheckGracePeriodSeconds())
                        : current.healthCheckGracePeriodSeconds(),
                propagateTags(r.propagateTags(), current.propagateTags()),
                r.enableECSManagedTags() != null ? r.enableECSManagedTags() : current.enableEcsManagedTags(),
                current.roleArn(),
                r.availabilityZoneRebalancing() != null ? r.availabilityZoneRebalancing()
                        : current.availabilityZoneRebalancing());
    }
}
