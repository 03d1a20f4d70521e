package dev.hangar.core.port;

import java.time.Duration;
import java.time.Instant;

/**
 * Temporary credentials for a role, as a task role, a function's execution role or a pod's service account gets
 * them. Until IAM and STS are wired, {@link LocalCredentials} issues them without checking trust policies.
 */
public interface CredentialsPort {

    /** What a role session holds; the key id resolves to {@code account} in {@link Accounts}. */
    record TemporaryCredentials(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration,
                                String account, String roleArn, String sessionName) {
    }

    /**
     * @param roleArn     arn:aws:iam::ACCOUNT:role/NAME
     * @param sessionName as STS's RoleSessionName: 2-64 characters of [\w+=,.@-]
     * @param duration    how long the credentials are valid (STS: 15 minutes to 12 hours)
     */
    TemporaryCredentials assumeRole(String roleArn, String sessionName, Duration duration);
}
