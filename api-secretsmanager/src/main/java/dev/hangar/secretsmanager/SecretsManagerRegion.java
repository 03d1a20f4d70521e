package dev.hangar.secretsmanager;

import dev.hangar.core.resource.Arn;
import dev.hangar.core.resource.ArnScope;
import dev.hangar.secretsmanager.domain.SecretRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The secrets of one account and region, by name, and how a SecretId finds one: a name, a full ARN, or a partial
 * ARN (the ARN without the six random characters Secrets Manager appends).
 */
final class SecretsManagerRegion {

    private static final char[] SUFFIX = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final String SECRET = "secret:";

    private final ArnScope scope;
    private final ConcurrentMap<String, SecretRecord> secrets = new ConcurrentHashMap<>();

    SecretsManagerRegion(String account, String region) {
        this.scope = ArnScope.of("secretsmanager", region, account);
    }

    /** arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME-xxxxxx, a new random suffix each time. */
    String newArn(String name) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] suffix = new char[6];
        for (int i = 0; i < suffix.length; i++) {
            suffix[i] = SUFFIX[random.nextInt(SUFFIX.length)];
        }
        return scope.arn(SECRET + name + "-" + new String(suffix));
    }

    SecretRecord byName(String name) {
        return secrets.get(name);
    }

    /** Adds the secret unless one of that name exists; returns the one already there, or null. */
    SecretRecord add(SecretRecord secret) {
        return secrets.putIfAbsent(secret.name(), secret);
    }

    /** Removes exactly this secret (a purge timer must not remove a secret made later under the same name). */
    boolean remove(SecretRecord secret) {
        return secrets.remove(secret.name(), secret);
    }

    List<SecretRecord> all() {
        return new ArrayList<>(secrets.values());
    }

    /**
     * The secret a SecretId names, or null. An ARN is matched whole first, then as a partial ARN: the text after
     * "secret:" is the name. So the full ARN of a deleted secret does not find a new one of the same name, whose
     * suffix differs, and a name that itself ends in "-xxxxxx" is found by its full ARN.
     */
    SecretRecord find(String secretId) {
        if (!secretId.startsWith("arn:")) {
            return secrets.get(secretId);
        }
        Arn arn = Arn.parse(secretId);
        if (!scope.contains(arn) || !arn.resource().startsWith(SECRET)) {
            return null;
        }
        String resource = arn.resource().substring(SECRET.length());
        int dash = resource.lastIndexOf('-');
        if (dash > 0) {
            SecretRecord whole = secrets.get(resource.substring(0, dash));
            if (whole != null && whole.arn().equals(secretId)) {
                return whole;
            }
        }
        return secrets.get(resource);
    }

    /** The secret a (checked) SecretId names, or ResourceNotFoundException. */
    SecretRecord require(String secretId) {
        SecretRecord secret = find(SecretsManagerValidation.secretId(secretId));
        if (secret == null) {
            throw SecretsManagerErrors.secretNotFound();
        }
        return secret;
    }

    /** {@link #require}, and not scheduled for deletion (InvalidRequestException then). */
    SecretRecord requireActive(String secretId) {
        SecretRecord secret = require(secretId);
        if (secret.deleted()) {
            throw SecretsManagerErrors.markedForDeletion();
        }
        return secret;
    }
}
