package dev.hangar.ssm.domain;

import software.amazon.awssdk.services.ssm.model.ParameterTier;
import software.amazon.awssdk.services.ssm.model.ParameterType;

import java.time.Instant;

/**
 * One version of a parameter, as PutParameter made it. Immutable: a version never changes after it is written (its
 * labels live on the {@link ParameterRecord}, since they move between versions).
 *
 * @param value      the value as given, also for SecureString (Hangar has no KMS: see docs/ssm.md)
 * @param ciphertext for SecureString, the opaque text answered without WithDecryption; null otherwise
 * @param keyId      for SecureString, the KMS key id the request named (alias/aws/ssm by default); null otherwise
 * @param policies   the Policies text as sent (recorded, not enforced), or null
 */
public record ParameterVersionRecord(
        String name,
        long version,
        ParameterType type,
        String value,
        String ciphertext,
        String keyId,
        String description,
        String allowedPattern,
        ParameterTier tier,
        String dataType,
        String policies,
        Instant lastModified,
        String lastModifiedUser) {

    /** The value as the caller is to see it: the plain value, or for SecureString without decryption the ciphertext. */
    public String shownValue(boolean withDecryption) {
        return type == ParameterType.SECURE_STRING && !withDecryption ? ciphertext : value;
    }
}
