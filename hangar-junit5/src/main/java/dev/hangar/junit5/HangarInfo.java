package dev.hangar.junit5;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

import java.net.URI;

/**
 * Where a running Hangar is and how to call it, for clients the extension does not make (an async client, another
 * HTTP client, the AWS CLI): the endpoint, the region and the static credentials its injected clients use.
 * Injected as a parameter of test and lifecycle methods; also {@link HangarExtension#info()}.
 */
public final class HangarInfo {

    /** The region of the injected clients. Hangar serves any region; resources are kept per region. */
    public static final Region REGION = Region.US_EAST_1;
    /** The access key of the injected clients; Hangar accepts any and does not check signatures. */
    public static final String ACCESS_KEY_ID = "test";
    /** The secret key of the injected clients. */
    public static final String SECRET_ACCESS_KEY = "test";

    private final URI endpoint;
    private final String account;

    HangarInfo(URI endpoint, String account) {
        this.endpoint = endpoint;
        this.account = account;
    }

    /** {@code http://127.0.0.1:<port>}: the SDK's {@code endpointOverride}, the CLI's {@code --endpoint-url}. */
    public URI endpoint() {
        return endpoint;
    }

    /** Always us-east-1: the region the injected clients call. */
    public Region region() {
        return REGION;
    }

    /** The account resources are made in: HANGAR_DEFAULT_ACCOUNT, 000000000000 unless set. */
    public String account() {
        return account;
    }

    /** Static credentials test/test. */
    public AwsCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY));
    }

    @Override
    public String toString() {
        return "Hangar at " + endpoint + " (" + REGION.id() + ", account " + account + ")";
    }
}
