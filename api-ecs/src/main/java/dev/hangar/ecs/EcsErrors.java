package dev.hangar.ecs;

import software.amazon.awssdk.services.ecs.model.ClusterContainsServicesException;
import software.amazon.awssdk.services.ecs.model.ServiceNotActiveException;
import software.amazon.awssdk.services.ecs.model.ServiceNotFoundException;

import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.ClusterContainsTasksException;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.ResourceNotFoundException;

/** ECS's modelled errors with the messages AWS sends (see AWS-FACTS.md); the codec renders them. */
final class EcsErrors {

    private EcsErrors() {
    }

    static ClusterNotFoundException clusterNotFound() {
        return ClusterNotFoundException.builder().message("Cluster not found.").build();
    }

    static ClusterContainsTasksException clusterContainsTasks() {
        return ClusterContainsTasksException.builder()
                .message("The Cluster cannot be deleted while Tasks are active.").build();
    }

    static ClusterContainsServicesException clusterContainsServices() {
        return ClusterContainsServicesException.builder()
                .message("The Cluster cannot be deleted while Services are active.").build();
    }

    static ServiceNotFoundException serviceNotFound() {
        return ServiceNotFoundException.builder().message("Service not found.").build();
    }

    static ServiceNotActiveException serviceNotActive() {
        return ServiceNotActiveException.builder().message("Service was not ACTIVE.").build();
    }

    static InvalidParameterException invalidParameter(String message) {
        return InvalidParameterException.builder().message(message).build();
    }

    static ClientException client(String message) {
        return ClientException.builder().message(message).build();
    }

    static ResourceNotFoundException resourceNotFound(String message) {
        return ResourceNotFoundException.builder().message(message).build();
    }
}
