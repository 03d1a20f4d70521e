package dev.hangar.ecs.domain;

import software.amazon.awssdk.services.ecs.model.AvailabilityZoneRebalancing;
import software.amazon.awssdk.services.ecs.model.DeploymentConfiguration;
import software.amazon.awssdk.services.ecs.model.DeploymentController;
import software.amazon.awssdk.services.ecs.model.PlacementConstraint;
import software.amazon.awssdk.services.ecs.model.PlacementStrategy;
import software.amazon.awssdk.services.ecs.model.PropagateTags;
import software.amazon.awssdk.services.ecs.model.SchedulingStrategy;

import java.util.List;

/**
 * A service's settings that are not part of a revision: changing them starts no deployment.
 *
 * @param deploymentConfiguration with ECS's defaults filled in (200 / 100, circuit breaker off)
 * @param healthCheckGracePeriodSeconds null when not set (AWS shows it only when set or with a load balancer)
 */
public record ServiceSettings(int desiredCount, DeploymentConfiguration deploymentConfiguration,
                              SchedulingStrategy schedulingStrategy, DeploymentController deploymentController,
                              List<PlacementConstraint> placementConstraints, List<PlacementStrategy> placementStrategy,
                              Integer healthCheckGracePeriodSeconds, PropagateTags propagateTags,
                              boolean enableEcsManagedTags, String roleArn,
                              AvailabilityZoneRebalancing availabilityZoneRebalancing) {

    public ServiceSettings {
        placementConstraints = placementConstraints == null ? List.of() : List.copyOf(placementConstraints);
        placementStrategy = placementStrategy == null ? List.of() : List.copyOf(placementStrategy);
    }

    public ServiceSettings withDesiredCount(int count) {
        return new ServiceSettings(count, deploymentConfiguration, schedulingStrategy, deploymentController,
                placementConstraints, placementStrategy, healthCheckGracePeriodSeconds, propagateTags,
                enableEcsManagedTags, roleArn, availabilityZoneRebalancing);
    }
}
