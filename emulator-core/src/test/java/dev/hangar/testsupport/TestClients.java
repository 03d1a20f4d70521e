package dev.hangar.testsupport;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

import java.net.URI;

/**
 * SDK v2 clients the way the tests point them at an in-process Hangar: its endpoint, us-east-1, the static
 * credentials {@code test}/{@code test} (account 000000000000) and the URLConnection HTTP client. The module that
 * uses it needs {@code url-connection-client} on its test classpath.
 */
public final class TestClients {

    private TestClients() {
    }

    /** For example {@code TestClients.pointedAt(LambdaClient.builder(), server.endpoint())}. */
    public static <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> C pointedAt(B builder,
                                                                                                 URI endpoint) {
        return builder.endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }
}
