package dev.hangar.core.service;

/** How a service is made: from what Hangar shares with every service (its constructor, as {@code EcsService::new}). */
@FunctionalInterface
public interface ServiceFactory {
    AwsService create(ServiceContext context);
}
