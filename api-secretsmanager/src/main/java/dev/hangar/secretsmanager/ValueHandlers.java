package dev.hangar.secretsmanager;

import dev.hangar.core.resource.Page;
import dev.hangar.core.resource.PageKeys;
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
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretVersionIdsRequest;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretVersionIdsResponse;
import software.amazon.awssdk.services.secretsmanager.model.PutSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.PutSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.SecretVersionsListEntry;
import software.amazon.awssdk.services.secretsmanager.model.UpdateSecretVersionStageRequest;
import software.amazon.awssdk.services.secretsmanager.model.UpdateSecretVersionStageResponse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A secret's versions: GetSecretValue, PutSecretValue, ListSecretVersionIds and UpdateSecretVersionStage, with the
 * staging labels moving as Secrets Manager moves them ({@link SecretRecord#putVersion}).
 *
 * @param clock versions' creation dates and the day of the last access are on it
 */
@RunsOn(RunsOn.Pool.EVENT_LOOP)
record ValueHandlers(AccountRegionStore<SecretsManagerRegion> regions, HangarClock clock) {

    public GetSecretValueResponse getSecretValue(RequestContext ctx, GetSecretValueRequest r) {
        SecretsManagerValidation.start().length(r.versionId(), "versionId", 32, 64)
                .length(r.versionStage(), "versionStage", 1, 256).throwIfAny();
        SecretRecord secret = regions.get(ctx).requireActive(r.secretId());
        SecretVersionRecord version = read(secret, r.versionId(), r.versionStage(), clock);
        SecretValue value = version.value();
        return GetSecretValueResponse.builder()
                .arn(secret.arn()).name(secret.name()).versionId(version.versionId())
                .secretString(value.string()).secretBinary(value.binary())
                .versionStages(version.stageList()).createdDate(version.createdDate())
                .build();
    }

    /**
     * The version a read names (by id, label, or AWSCURRENT), refused as GetSecretValue refuses it; the read counts
     * as an access.
     */
    static SecretVersionRecord read(SecretRecord secret, String versionId, String versionStage, HangarClock clock) {
        SecretVersionRecord version;
        if (versionId != null) {
            version = secret.version(versionId);
            if (version == null) {
                throw SecretsManagerErrors.noValueForVersion(versionId);
            }
            if (versionStage != null && !version.stageList().contains(versionStage)) {
                throw SecretsManagerErrors.stageNotOnVersion();
            }
        } else {
            String stage = versionStage != null ? versionStage : SecretRecord.CURRENT;
            version = secret.versionAt(stage);
            if (version == null) {
                throw SecretsManagerErrors.noValueForStage(stage);
            }
        }
        secret.accessed(version, clock.now());
        return version;
    }

    public PutSecretValueResponse putSecretValue(RequestContext ctx, PutSecretValueRequest r) {
        Validation<AwsException> v = SecretsManagerValidation.start();
        SecretsManagerValidation.token(v, r.clientRequestToken());
        SecretsManagerValidation.value(v, r.secretString(), r.secretBinary());
        SecretsManagerValidation.stages(v, r.hasVersionStages() ? r.versionStages() : null, "versionStages")
                .throwIfAny();
        SecretRecord secret = regions.get(ctx).requireActive(r.secretId());
        SecretValue value = SecretsManagerValidation.requiredValue(r.secretString(), r.secretBinary());
        String token = r.clientRequestToken() != null ? r.clientRequestToken() : Ids.uuid();
        SecretRecord.PutOutcome outcome = secret.putVersion(token, value,
                r.hasVersionStages() ? r.versionStages() : null, clock.now());
        if (outcome == null) {
            throw SecretsManagerErrors.versionExists();
        }
        return PutSecretValueResponse.builder()
                .arn(secret.arn()).name(secret.name()).versionId(outcome.version().versionId())
                .versionStages(outcome.stages())
                .build();
    }

    public ListSecretVersionIdsResponse listSecretVersionIds(RequestContext ctx, ListSecretVersionIdsRequest r) {
        int size = SecretsManagerPages.size(r.maxResults());
        SecretRecord secret = regions.get(ctx).require(r.secretId());
        List<SecretVersionsListEntry> versions =
                new ArrayList<>(secret.versionEntries(Boolean.TRUE.equals(r.includeDeprecated())));
        versions.sort(Comparator.comparing(ValueHandlers::key));
        Page<SecretVersionsListEntry> page = SecretsManagerPages.PAGER.page(r, versions, ValueHandlers::key, size);
        return ListSecretVersionIdsResponse.builder()
                .arn(secret.arn()).name(secret.name()).versions(page.items()).nextToken(page.nextToken())
                .build();
    }

    /** Versions page in the order they were made (by creation time, then id). */
    private static String key(SecretVersionsListEntry entry) {
        return PageKeys.of(PageKeys.number(entry.createdDate().toEpochMilli()), entry.versionId());
    }

    public UpdateSecretVersionStageResponse updateSecretVersionStage(RequestContext ctx,
                                                                     UpdateSecretVersionStageRequest r) {
        SecretsManagerValidation.start().length(r.versionStage(), "versionStage", 1, 256)
                .length(r.removeFromVersionId(), "removeFromVersionId", 32, 64)
                .length(r.moveToVersionId(), "moveToVersionId", 32, 64).throwIfAny();
        SecretRecord secret = regions.get(ctx).requireActive(r.secretId());
        String stage = r.versionStage();
        SecretVersionRecord removeFrom = existing(secret, r.removeFromVersionId());
        SecretVersionRecord moveTo = existing(secret, r.moveToVersionId());
        SecretVersionRecord holder = secret.versionAt(stage);
        if (removeFrom != null && holder != removeFrom) {
            throw SecretsManagerErrors.invalidParameter("The staging label " + stage
                    + " is not attached to the version " + removeFrom.versionId() + ".");
        }
        if (moveTo != null && holder != null && holder != moveTo && removeFrom == null) {
            throw SecretsManagerErrors.invalidParameter("The staging label " + stage + " is attached to the version "
                    + holder.versionId() + ": name it as RemoveFromVersionId to move the label.");
        }
        if (moveTo == null && removeFrom == null) {
            throw SecretsManagerErrors.invalidParameter(
                    "You must specify RemoveFromVersionId, MoveToVersionId or both.");
        }
        secret.moveStage(stage, removeFrom, moveTo, clock.now());
        return UpdateSecretVersionStageResponse.builder().arn(secret.arn()).name(secret.name()).build();
    }

    private static SecretVersionRecord existing(SecretRecord secret, String versionId) {
        if (versionId == null) {
            return null;
        }
        SecretVersionRecord version = secret.version(versionId);
        if (version == null) {
            throw SecretsManagerErrors.noValueForVersion(versionId);
        }
        return version;
    }
}
