package dev.hangar.ecs.domain;

import dev.hangar.core.resource.PageKeys;
import dev.hangar.core.resource.ResourceTags;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ClusterConfiguration;
import software.amazon.awssdk.services.ecs.model.ClusterField;
import software.amazon.awssdk.services.ecs.model.ClusterServiceConnectDefaults;
import software.amazon.awssdk.services.ecs.model.ClusterSetting;
import software.amazon.awssdk.services.ecs.model.ClusterSettingName;
import software.amazon.awssdk.services.ecs.model.Tag;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A cluster. Its task counts are not kept here but counted from the tasks when described, so they cannot drift.
 * Deleting makes it INACTIVE (still describable, as on AWS); creating the same name again reactivates it.
 */
public final class ClusterRecord {

    private static final AtomicLong CREATED = new AtomicLong();

    private final String name;
    private final String arn;
    /** Its place in creation order, which ListClusters follows and pages by. */
    private final String listKey = PageKeys.number(CREATED.incrementAndGet());
    private final ResourceTags tags = new ResourceTags();
    private volatile ClusterStatus status = ClusterStatus.ACTIVE;
    private volatile List<ClusterSetting> settings;
    private volatile ClusterConfiguration configuration;
    private volatile List<String> capacityProviders = List.of();
    private volatile List<CapacityProviderStrategyItem> defaultStrategy = List.of();
    /** Recorded only: Hangar has no Cloud Map and no Service Connect. */
    private volatile ClusterServiceConnectDefaults serviceConnectDefaults;
    /** The container instance standing for the Docker host; null when HANGAR_ECS_CONTAINER_INSTANCE is false. */
    private volatile ContainerInstanceRecord containerInstance;

    public ClusterRecord(String name, String arn) {
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

    /** The Service Connect namespace of the cluster's defaults, as given, or null. */
    public String serviceConnectNamespace() {
        ClusterServiceConnectDefaults d = serviceConnectDefaults;
        return d == null ? null : d.namespace();
    }

    public ResourceTags tags() {
        return tags;
    }

    public String listKey() {
        return listKey;
    }

    /** The cluster's container instances: the one standing for the Docker host, or none. */
    public List<ContainerInstanceRecord> containerInstances() {
        ContainerInstanceRecord instance = containerInstance;
        return instance == null ? List.of() : List.of(instance);
    }

    public ContainerInstanceRecord containerInstance() {
        return containerInstance;
    }

    /** Registers the instance that stands for the Docker host, once: a reactivated cluster keeps its own. */
    public synchronized void registerIfNone(java.util.function.Supplier<ContainerInstanceRecord> instance) {
        if (containerInstance == null) {
            containerInstance = instance.get();
        }
    }

    public boolean active() {
        return status == ClusterStatus.ACTIVE;
    }

    public void activate() {
        status = ClusterStatus.ACTIVE;
    }

    public void deactivate() {
        status = ClusterStatus.INACTIVE;
    }

    public void configure(List<ClusterSetting> settings, ClusterConfiguration configuration,
                          List<String> capacityProviders, List<CapacityProviderStrategyItem> defaultStrategy,
                          String serviceConnectNamespace) {
        if (settings != null && !settings.isEmpty()) {
            this.settings = List.copyOf(settings);
        }
        this.configuration = configuration;
        this.capacityProviders = capacityProviders == null ? List.of() : List.copyOf(capacityProviders);
        this.defaultStrategy = defaultStrategy == null ? List.of() : List.copyOf(defaultStrategy);
        // the namespace as given (name or ARN): AWS answers "the namespace name or full ARN" too
        this.serviceConnectDefaults = serviceConnectNamespace == null || serviceConnectNamespace.isEmpty() ? null
                : ClusterServiceConnectDefaults.builder().namespace(serviceConnectNamespace).build();
    }

    /**
     * The cluster as AWS shows it. As DescribeClusters documents, settings, configuration and tags are only shown
     * when {@code include} names them (SETTINGS, CONFIGURATIONS, TAGS); STATISTICS and ATTACHMENTS add nothing here
     * (no per-launch-type statistics, no capacity provider attachments).
     */
    public Cluster toSdk(TaskCounts counts, Collection<ClusterField> include) {
        var builder = Cluster.builder()
                .clusterArn(arn)
                .clusterName(name)
                .status(status.toSdk())
                .registeredContainerInstancesCount(active() ? containerInstances().size() : 0)
                .runningTasksCount(counts.running())
                .pendingTasksCount(counts.pending())
                .activeServicesCount(counts.activeServices())
                .statistics(List.of())
                .settings(include.contains(ClusterField.SETTINGS) ? settings : List.of())
                .capacityProviders(capacityProviders)
                .defaultCapacityProviderStrategy(defaultStrategy);
        if (configuration != null && include.contains(ClusterField.CONFIGURATIONS)) {
            builder.configuration(configuration);
        }
        if (serviceConnectDefaults != null) {
            builder.serviceConnectDefaults(serviceConnectDefaults);
        }
        if (include.contains(ClusterField.TAGS)) {
            builder.tags(tags.asList(Tag.class));
        }
        return builder.build();
    }

    public record TaskCounts(int running, int pending, int activeServices) {
    }
}
