package dev.hangar.ecs.domain;

import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.ClusterConfiguration;
import software.amazon.awssdk.services.ecs.model.ClusterSetting;
import software.amazon.awssdk.services.ecs.model.ClusterSettingName;

import java.util.List;

/**
 * A cluster. Its task counts are not kept here but counted from the tasks when described, so they cannot drift.
 * Deleting makes it INACTIVE (still describable, as on AWS); creating the same name again reactivates it.
 */
public final class Cluster {

    private final String name;
    private final String arn;
    private final Tags tags = new Tags();
    private volatile String status = "ACTIVE";
    private volatile List<ClusterSetting> settings;
    private volatile ClusterConfiguration configuration;
    private volatile List<String> capacityProviders = List.of();
    private volatile List<CapacityProviderStrategyItem> defaultStrategy = List.of();

    public Cluster(String name, String arn) {
        this.name = name;
        this.arn = arn;
        this.settings = List.of(ClusterSetting.builder().name(ClusterSettingName.CONTAINER_INSIGHTS).value("disabled").build());
    }

    public String name() {
        return name;
    }

    public String arn() {
        return arn;
    }

    public Tags tags() {
        return tags;
    }

    public boolean active() {
        return "ACTIVE".equals(status);
    }

    public void activate() {
        status = "ACTIVE";
    }

    public void deactivate() {
        status = "INACTIVE";
    }

    public void configure(List<ClusterSetting> settings, ClusterConfiguration configuration,
                          List<String> capacityProviders, List<CapacityProviderStrategyItem> defaultStrategy) {
        if (settings != null && !settings.isEmpty()) {
            this.settings = List.copyOf(settings);
        }
        this.configuration = configuration;
        this.capacityProviders = capacityProviders == null ? List.of() : List.copyOf(capacityProviders);
        this.defaultStrategy = defaultStrategy == null ? List.of() : List.copyOf(defaultStrategy);
    }

    public software.amazon.awssdk.services.ecs.model.Cluster toSdk(TaskCounts counts, boolean includeTags) {
        var builder = software.amazon.awssdk.services.ecs.model.Cluster.builder()
                .clusterArn(arn)
                .clusterName(name)
                .status(status)
                .registeredContainerInstancesCount(0)
                .runningTasksCount(counts.running())
                .pendingTasksCount(counts.pending())
                .activeServicesCount(0)
                .statistics(List.of())
                .settings(settings)
                .capacityProviders(capacityProviders)
                .defaultCapacityProviderStrategy(defaultStrategy);
        if (configuration != null) {
            builder.configuration(configuration);
        }
        if (includeTags) {
            builder.tags(tags.toSdk());
        }
        return builder.build();
    }

    public record TaskCounts(int running, int pending) {
    }
}
