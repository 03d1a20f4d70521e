package dev.hangar.secretsmanager;

import dev.hangar.core.resource.Page;
import dev.hangar.core.resource.PageKeys;
import dev.hangar.core.resource.Validation;
import dev.hangar.core.service.AwsException;
import dev.hangar.core.service.RequestContext;
import dev.hangar.core.service.RunsOn;
import dev.hangar.core.state.AccountRegionStore;
import dev.hangar.core.time.HangarClock;
import dev.hangar.secretsmanager.domain.SecretRecord;
import dev.hangar.secretsmanager.domain.SecretVersionRecord;
import software.amazon.awssdk.services.secretsmanager.model.APIErrorType;
import software.amazon.awssdk.services.secretsmanager.model.BatchGetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.BatchGetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.Filter;
import software.amazon.awssdk.services.secretsmanager.model.SecretValueEntry;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * BatchGetSecretValue: the AWSCURRENT values of up to 20 secrets named in SecretIdList (each that cannot be read is
 * an entry of Errors with GetSecretValue's code and message, not a failed call), or of the secrets Filters match
 * (those of ListSecrets, not scheduled for deletion), paged by MaxResults 1-20 in creation order.
 *
 * @param clock the reads count as accesses, on it
 */
@RunsOn(RunsOn.Pool.EVENT_LOOP)
record BatchHandlers(AccountRegionStore<SecretsManagerRegion> regions, HangarClock clock) {

    private static final int MAX = 20;

    public BatchGetSecretValueResponse batchGetSecretValue(RequestContext ctx, BatchGetSecretValueRequest r) {
        List<String> ids = r.hasSecretIdList() ? r.secretIdList() : null;
        List<Filter> filters = r.hasFilters() ? r.filters() : null;
        Validation<AwsException> v = SecretsManagerErrors.validation();
        if (ids != null && (ids.isEmpty() || ids.size() > MAX)) {
            v.fail(ids, "secretIdList", ids.isEmpty() ? "Member must have length greater than or equal to 1"
                    : "Member must have length less than or equal to " + MAX);
        }
        SecretsManagerValidation.noNullMembers(v, ids, "secretIdList").range(r.maxResults(), "maxResults", 1, MAX)
                .throwIfAny();
        if ((ids == null) == (filters == null)) {
            throw SecretsManagerErrors.invalidParameter("You must include Filters or SecretIdList, but not both.");
        }
        if (ids != null && (r.maxResults() != null || r.nextToken() != null)) {
            throw SecretsManagerErrors.invalidParameter(
                    "MaxResults and NextToken can be used only with Filters, not with SecretIdList.");
        }
        SecretsManagerRegion region = regions.get(ctx);
        List<SecretValueEntry> values = new ArrayList<>();
        List<APIErrorType> errors = new ArrayList<>();
        if (ids != null) {
            for (String id : ids) {
                try {
                    values.add(read(region.requireActive(id)));
                } catch (SecretsManagerException | AwsException e) {
                    errors.add(error(id, e));
                }
            }
            return BatchGetSecretValueResponse.builder().secretValues(values).errors(errors).build();
        }
        SecretFilters.check(filters);
        List<SecretRecord> matching = new ArrayList<>();
        for (SecretRecord secret : region.all()) {
            if (!secret.deleted() && SecretFilters.matches(secret, filters)) {
                matching.add(secret);
            }
        }
        matching.sort(Comparator.comparing(BatchHandlers::key));
        Page<SecretRecord> page = SecretsManagerPages.PAGER.page(r, matching, BatchHandlers::key,
                r.maxResults() == null ? MAX : r.maxResults());
        for (SecretRecord secret : page.items()) {
            try {
                values.add(read(secret));
            } catch (SecretsManagerException | AwsException e) {
                errors.add(error(secret.name(), e));
            }
        }
        return BatchGetSecretValueResponse.builder().secretValues(values).errors(errors)
                .nextToken(page.nextToken()).build();
    }

    private SecretValueEntry read(SecretRecord secret) {
        SecretVersionRecord version = ValueHandlers.read(secret, null, null, clock);
        return SecretValueEntry.builder()
                .arn(secret.arn()).name(secret.name()).versionId(version.versionId())
                .secretString(version.value().string()).secretBinary(version.value().binary())
                .versionStages(version.stageList()).createdDate(version.createdDate())
                .build();
    }

    private static APIErrorType error(String secretId, RuntimeException e) {
        String code = e instanceof AwsException aws ? aws.code() : e.getClass().getSimpleName();
        String message = e instanceof SecretsManagerException sm && sm.awsErrorDetails() != null
                ? sm.awsErrorDetails().errorMessage() : e.getMessage();
        return APIErrorType.builder().secretId(secretId).errorCode(code).message(message).build();
    }

    private static String key(SecretRecord s) {
        return PageKeys.of(PageKeys.number(s.createdDate().toEpochMilli()), s.name());
    }
}
