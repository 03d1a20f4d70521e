package dev.hangar.secretsmanager;

import dev.hangar.core.resource.Constraints;
import dev.hangar.core.resource.TagRequest;
import dev.hangar.core.resource.Validation;
import dev.hangar.core.service.AwsException;
import dev.hangar.core.service.RequestContext;
import dev.hangar.core.service.RunsOn;
import dev.hangar.core.state.AccountRegionStore;
import dev.hangar.core.time.HangarClock;
import dev.hangar.secretsmanager.domain.SecretRecord;
import software.amazon.awssdk.services.secretsmanager.model.TagResourceRequest;
import software.amazon.awssdk.services.secretsmanager.model.TagResourceResponse;
import software.amazon.awssdk.services.secretsmanager.model.UntagResourceRequest;
import software.amazon.awssdk.services.secretsmanager.model.UntagResourceResponse;

import java.util.List;

/**
 * TagResource and UntagResource on a secret (the only taggable resource of Secrets Manager); DescribeSecret and
 * ListSecrets show the tags. A change of tags is a change of the secret (LastChangedDate).
 *
 * @param clock LastChangedDate is on it
 */
@RunsOn(RunsOn.Pool.EVENT_LOOP)
record TagHandlers(AccountRegionStore<SecretsManagerRegion> regions, HangarClock clock) {

    public TagResourceResponse tagResource(RequestContext ctx, TagResourceRequest r) {
        SecretsManagerValidation.noNullMembers(SecretsManagerErrors.validation(), r.tags(), "tags").throwIfAny();
        SecretRecord secret = regions.get(ctx).requireActive(r.secretId());
        secret.tags().add(TagRequest.ofList(r.tags()), SecretsManagerTagging.ERRORS);
        secret.changed(clock.now());
        return TagResourceResponse.builder().build();
    }

    public UntagResourceResponse untagResource(RequestContext ctx, UntagResourceRequest r) {
        List<String> keys = r.tagKeys();
        Validation<AwsException> v = SecretsManagerErrors.validation();
        for (int i = 0; i < keys.size(); i++) {
            v.length(keys.get(i), "tagKeys." + (i + 1) + ".member", 1, 128);
            if (keys.get(i) == null) {
                v.fail(null, "tagKeys." + (i + 1) + ".member", Constraints.notNull());
            }
        }
        v.throwIfAny();
        SecretRecord secret = regions.get(ctx).requireActive(r.secretId());
        secret.tags().remove(keys);
        secret.changed(clock.now());
        return UntagResourceResponse.builder().build();
    }
}
