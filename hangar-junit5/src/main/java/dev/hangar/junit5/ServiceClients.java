package dev.hangar.junit5;

import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The synchronous SDK clients of one running Hangar, one per service it implements, made on first use. They use
 * the HTTP client the user's class path provides by default (Apache's, with the service modules' defaults), so the
 * tests call Hangar the way the user's application calls AWS.
 */
final class ServiceClients implements AutoCloseable {

    static final Set<Class<?>> TYPES = Set.of(EcsClient.class, LambdaClient.class, CloudWatchLogsClient.class);

    private final HangarInfo info;
    private final Map<Class<?>, SdkClient> made = new ConcurrentHashMap<>();

    ServiceClients(HangarInfo info) {
        this.info = info;
    }

    <C> C get(Class<C> type) {
        return type.cast(made.computeIfAbsent(type, this::make));
    }

    private SdkClient make(Class<?> type) {
        if (type == EcsClient.class) {
            return EcsClient.builder().applyMutation(this::pointAtHangar).build();
        }
        if (type == LambdaClient.class) {
            return LambdaClient.builder().applyMutation(this::pointAtHangar).build();
        }
        if (type == CloudWatchLogsClient.class) {
            return CloudWatchLogsClient.builder().applyMutation(this::pointAtHangar).build();
        }
        throw new IllegalArgumentException(type.getName() + " is not a client of a service Hangar implements; "
                + "these are: " + TYPES.stream().map(Class::getSimpleName).sorted().toList());
    }

    private void pointAtHangar(AwsClientBuilder<?, ?> builder) {
        builder.endpointOverride(info.endpoint()).region(info.region()).credentialsProvider(info.credentials());
    }

    @Override
    public void close() {
        List<SdkClient> all = new ArrayList<>(made.values());
        made.clear();
        all.forEach(SdkClient::close);
    }
}
