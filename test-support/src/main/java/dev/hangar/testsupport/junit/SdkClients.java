package dev.hangar.testsupport.junit;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The SDK clients of one running Hangar, made on first use by their interface's {@code builder()}. */
final class SdkClients implements AutoCloseable {

    /** Invoke waits for a cold start and the function itself: longer than the SDK's default socket timeout. */
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(60);

    private final URI endpoint;
    private final Map<Class<?>, AutoCloseable> clients = new ConcurrentHashMap<>();

    SdkClients(URI endpoint) {
        this.endpoint = endpoint;
    }

    <C extends AutoCloseable> C get(Class<C> type) {
        return type.cast(clients.computeIfAbsent(type, t -> make(type)));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private <C extends AutoCloseable> C make(Class<C> type) {
        Object builder;
        try {
            builder = type.getMethod("builder").invoke(null);
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalArgumentException(type.getName() + " is not an SDK client interface (no builder())", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("cannot make a " + type.getSimpleName(), e.getCause());
        }
        if (!(builder instanceof AwsClientBuilder aws) || !(builder instanceof SdkSyncClientBuilder sync)) {
            throw new IllegalArgumentException(type.getName() + " is not a synchronous AWS SDK client");
        }
        aws.endpointOverride(endpoint);
        aws.region(Region.US_EAST_1);
        aws.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));
        sync.httpClient(UrlConnectionHttpClient.builder().socketTimeout(SOCKET_TIMEOUT).build());
        return type.cast(aws.build());
    }

    @Override
    public void close() {
        List<AutoCloseable> all = new ArrayList<>(clients.values());
        clients.clear();
        for (AutoCloseable client : all) {
            try {
                client.close();
            } catch (Exception e) {
                // a client that fails to close holds nothing the next test needs
            }
        }
    }
}
