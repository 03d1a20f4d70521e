package dev.hangar.secretsmanager;

import dev.hangar.core.resource.TagRequest;
import dev.hangar.core.resource.TagRules;
import dev.hangar.core.resource.Validation;
import dev.hangar.core.service.AwsException;
import dev.hangar.core.service.RequestContext;
import dev.hangar.core.service.RunsOn;
import dev.hangar.core.state.AccountRegionStore;
import dev.hangar.core.state.Ids;
import dev.hangar.core.time.HangarClock;
import dev.hangar.secretsmanager.domain.SecretRecord;
import dev.hangar.secretsmanager.domain.SecretValue;
import dev.hangar.secretsmanager.domain.SecretVersionRecord;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.DeleteSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.DeleteSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.RestoreSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.RestoreSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.UpdateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.UpdateSecretResponse;

import java.time.Duration;
import java.time.Instant;

/**
 * The secret's life: CreateSecret, DescribeSecret, UpdateSecret, DeleteSecret (a recovery window on Hangar's clock,
 * or at once) and RestoreSecret.
 *
 * @param clock dates are on it, and a scheduled deletion happens when it says the window has passed
 */
@RunsOn(RunsOn.Pool.EVENT_LOOP)
record SecretHandlers(AccountRegionStore<SecretsManagerRegion> regions, HangarClock clock) {

    private static final long DEFAULT_RECOVERY_DAYS = 30;

    public CreateSecretResponse createSecret(RequestContext ctx, CreateSecretRequest r) {
        Validation<AwsException> v = SecretsManagerValidation.start().length(r.name(), "name", 1, 512);
        SecretsManagerValidation.noNullMembers(v, r.hasTags() ? r.tags() : null, "tags");
        SecretsManagerValidation.token(v, r.clientRequestToken());
        SecretsManagerValidation.description(v, r.description(), r.kmsKeyId());
        SecretsManagerValidation.value(v, r.secretString(), r.secretBinary()).throwIfAny();
        SecretsManagerValidation.checkName(r.name());
        SecretValue value = SecretsManagerValidation.optionalValue(r.secretString(), r.secretBinary());
        if (r.hasAddReplicaRegions()) {
            throw SecretsManagerErrors.invalidParameter(
                    "Hangar does not replicate secrets to other Regions: AddReplicaRegions is not supported.");
        }
        TagRequest tags = TagRequest.ofList(r.tags());
        TagRules.checkOnCreate(tags, SecretsManagerTagging.ERRORS);

        SecretsManagerRegion region = regions.get(ctx);
        SecretRecord existing = region.byName(r.name());
        if (existing != null) {
            return repeated(existing, r, value);
        }
        Instant now = clock.now();
        SecretRecord secret = new SecretRecord(r.name(), region.newArn(r.name()), now, r.description(),
                r.kmsKeyId());
        secret.tags().add(tags, SecretsManagerTagging.ERRORS);
        String versionId = null;
        if (value != null) {
            versionId = r.clientRequestToken() != null ? r.clientRequestToken() : Ids.uuid();
            secret.putVersion(versionId, value, null, now);
        }
        SecretRecord raced = region.add(secret);
        if (raced != null) {
            return repeated(raced, r, value);
        }
        return CreateSecretResponse.builder().arn(secret.arn()).name(secret.name()).versionId(versionId).build();
    }

    /**
     * A CreateSecret for a name that exists: the retry of the request that made it (same token, same value) gets
     * that request's answer; anything else is refused.
     */
    private static CreateSecretResponse repeated(SecretRecord existing, CreateSecretRequest r, SecretValue value) {
        if (existing.deleted()) {
            throw SecretsManagerErrors.nameScheduledForDeletion();
        }
        SecretVersionRecord version = r.clientRequestToken() == null ? null
                : existing.version(r.clientRequestToken());
        if (version == null || value == null) {
            throw SecretsManagerErrors.secretExists(r.name());
        }
        if (!version.value().equals(value)) {
            throw SecretsManagerErrors.versionExists();
        }
        return CreateSecretResponse.builder()
                .arn(existing.arn()).name(existing.name()).versionId(version.versionId()).build();
    }

    public DescribeSecretResponse describeSecret(RequestContext ctx, DescribeSecretRequest r) {
        return regions.get(ctx).require(r.secretId()).describe();
    }

    public UpdateSecretResponse updateSecret(RequestContext ctx, UpdateSecretRequest r) {
        Validation<AwsException> v = SecretsManagerValidation.start();
        SecretsManagerValidation.token(v, r.clientRequestToken());
        SecretsManagerValidation.description(v, r.description(), r.kmsKeyId());
        SecretsManagerValidation.value(v, r.secretString(), r.secretBinary()).throwIfAny();
        SecretRecord secret = regions.get(ctx).requireActive(r.secretId());
        SecretValue value = SecretsManagerValidation.optionalValue(r.secretString(), r.secretBinary());
        Instant now = clock.now();
        // the key first: a new version is made with the new key, as AWS encrypts it
        secret.update(r.description(), r.kmsKeyId(), now);
        String versionId = null;
        if (value != null) {
            String token = r.clientRequestToken() != null ? r.clientRequestToken() : Ids.uuid();
            SecretRecord.PutOutcome outcome = secret.putVersion(token, value, null, now);
            if (outcome == null) {
                throw SecretsManagerErrors.versionExists();
            }
            versionId = outcome.version().versionId();
        }
        return UpdateSecretResponse.builder().arn(secret.arn()).name(secret.name()).versionId(versionId).build();
    }

    public DeleteSecretResponse deleteSecret(RequestContext ctx, DeleteSecretRequest r) {
        boolean force = Boolean.TRUE.equals(r.forceDeleteWithoutRecovery());
        Long days = r.recoveryWindowInDays();
        if (force && days != null) {
            throw SecretsManagerErrors.invalidParameter(
                    "You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.");
        }
        if (days != null && (days < 7 || days > 30)) {
            throw SecretsManagerErrors.invalidParameter(
                    "The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).");
        }
        SecretsManagerRegion region = regions.get(ctx);
        String secretId = SecretsManagerValidation.secretId(r.secretId());
        SecretRecord secret = region.find(secretId);
        Instant now = clock.now();
        if (secret == null) {
            if (force) {
                // AWS: forcibly deleting a secret that does not exist is not a ResourceNotFoundException
                boolean arn = secretId.startsWith("arn:");
                return DeleteSecretResponse.builder().arn(arn ? secretId : null).name(arn ? null : secretId)
                        .deletionDate(now).build();
            }
            throw SecretsManagerErrors.secretNotFound();
        }
        if (force) {
            HangarClock.Timer timer = secret.restore(now);
            if (timer != null) {
                timer.cancel();
            }
            region.remove(secret);
            return DeleteSecretResponse.builder().arn(secret.arn()).name(secret.name()).deletionDate(now).build();
        }
        if (secret.deleted()) {
            throw SecretsManagerErrors.markedForDeletion();
        }
        Duration window = Duration.ofDays(days == null ? DEFAULT_RECOVERY_DAYS : days);
        Instant at = now.plus(window);
        HangarClock.Timer timer = clock.schedule(() -> purge(region, secret, at), window);
        secret.scheduleDeletion(now, at, timer);
        return DeleteSecretResponse.builder().arn(secret.arn()).name(secret.name()).deletionDate(at).build();
    }

    /** The recovery window has passed: the secret goes, unless it was restored (or deleted again) meanwhile. */
    private static void purge(SecretsManagerRegion region, SecretRecord secret, Instant at) {
        synchronized (secret) {
            if (at.equals(secret.deletionDate())) {
                region.remove(secret);
            }
        }
    }

    public RestoreSecretResponse restoreSecret(RequestContext ctx, RestoreSecretRequest r) {
        SecretRecord secret = regions.get(ctx).require(r.secretId());
        if (secret.deleted()) {
            HangarClock.Timer timer = secret.restore(clock.now());
            if (timer != null) {
                timer.cancel();
            }
        }
        return RestoreSecretResponse.builder().arn(secret.arn()).name(secret.name()).build();
    }
}
