package dev.hangar.ecs.domain;

import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.LoadBalancer;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.ServiceConnectConfiguration;
import software.amazon.awssdk.services.ecs.model.ServiceRegistry;
import software.amazon.awssdk.services.ecs.model.ServiceVolumeConfiguration;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

import java.util.List;

/**
 * What a service's tasks are launched with: a service revision. A change to any of it starts a new deployment;
 * the desired count and the deployment configuration are not part of it.
 *
 * @param platformVersion as asked (LATEST or none for Fargate), null otherwise
 */
public record ServiceConfig(TaskDefinition taskDefinition, LaunchType launchType,
                            List<CapacityProviderStrategyItem> capacityProviderStrategy, String platformVersion,
                            NetworkConfiguration networkConfiguration, List<LoadBalancer> loadBalancers,
                            List<ServiceRegistry> serviceRegistries, List<ServiceVolumeConfiguration> volumes,
                            ServiceConnectConfiguration serviceConnect, boolean enableExecuteCommand) {

    public ServiceConfig {
        capacityProviderStrategy = capacityProviderStrategy == null ? List.of() : List.copyOf(capacityProviderStrategy);
        loadBalancers = loadBalancers == null ? List.of() : List.copyOf(loadBalancers);
        serviceRegistries = serviceRegistries == null ? List.of() : List.copyOf(serviceRegistries);
        volumes = volumes == null ? List.of() : List.copyOf(volumes);
    }

    public String taskDefinitionArn() {
        return taskDefinition.taskDefinitionArn();
    }

    /** The platform version a Fargate deployment shows: LATEST resolved, as AWS shows it on deployments. */
    public String resolvedPlatformVersion() {
        if (launchType != LaunchType.FARGATE) {
            return null;
        }
        return platformVersion == null || platformVersion.equals("LATEST") ? TaskRecord.LATEST_PLATFORM_VERSION
                : platformVersion;
    }

    /** Whether an essential container has a health check: then a task is healthy only once it passes. */
    public boolean hasHealthChecks() {
        return taskDefinition.containerDefinitions().stream()
                .anyMatch(c -> (c.essential() == null || c.essential()) && c.healthCheck() != null);
    }
}
