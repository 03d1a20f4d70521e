package dev.hangar.ssm;

import dev.hangar.core.resource.Constraints;
import dev.hangar.core.resource.TagRequest;
import dev.hangar.core.resource.TagRules;
import dev.hangar.core.service.RequestContext;
import dev.hangar.core.service.RunsOn;
import dev.hangar.core.state.AccountRegionStore;
import dev.hangar.core.time.HangarClock;
import dev.hangar.ssm.ParameterNames.Selector;
import dev.hangar.ssm.domain.Ciphertext;
import dev.hangar.ssm.domain.ParameterRecord;
import dev.hangar.ssm.domain.ParameterVersionRecord;
import software.amazon.awssdk.services.ssm.model.DeleteParameterRequest;
import software.amazon.awssdk.services.ssm.model.DeleteParameterResponse;
import software.amazon.awssdk.services.ssm.model.DeleteParametersRequest;
import software.amazon.awssdk.services.ssm.model.DeleteParametersResponse;
import software.amazon.awssdk.services.ssm.model.GetParameterRequest;
import software.amazon.awssdk.services.ssm.model.GetParameterResponse;
import software.amazon.awssdk.services.ssm.model.GetParametersRequest;
import software.amazon.awssdk.services.ssm.model.GetParametersResponse;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.ParameterTier;
import software.amazon.awssdk.services.ssm.model.ParameterVersionNotFoundException;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import software.amazon.awssdk.services.ssm.model.PutParameterRequest;
import software.amazon.awssdk.services.ssm.model.PutParameterResponse;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * PutParameter, GetParameter(s) and DeleteParameter(s). Only memory is touched, so they run on the event loop.
 *
 * @param clock a version's LastModifiedDate is on it
 */
@RunsOn(RunsOn.Pool.EVENT_LOOP)
record ParameterHandlers(AccountRegionStore<SsmRegion> regions, HangarClock clock) {

    public PutParameterResponse putParameter(RequestContext ctx, PutParameterRequest r) {
        SsmRegion region = regions.get(ctx);
        String name = ParameterNames.forPut(r.name());
        if (r.value() == null) {
            throw SsmErrors.validation().missing("value").error();
        }
        PutRules.checkMembers(r);
        TagRequest tags = TagRequest.ofList(r.tags());
        TagRules.checkOnCreate(tags, SsmTagging.ERRORS);
        while (true) {
            ParameterRecord record = region.findOrCreate(name);
            try {
                // a record deleted between the lookup and the lock is left to its delete, and the put starts over
                ParameterVersionRecord stored = record.locked(() -> record.deleted() ? null
                        : put(region, record, name, r, tags));
                if (stored != null) {
                    return PutParameterResponse.builder().version(stored.version()).tier(stored.tier()).build();
                }
            } finally {
                region.dropIfEmpty(record);
            }
        }
    }

    /** Under the parameter's lock: checks against the latest version, then stores the next one. */
    private ParameterVersionRecord put(SsmRegion region, ParameterRecord record, String name, PutParameterRequest r,
                                       TagRequest tags) {
        ParameterVersionRecord latest = record.latest();
        if (latest != null && !Boolean.TRUE.equals(r.overwrite())) {
            throw SsmErrors.alreadyExists();
        }
        ParameterType type = PutRules.type(r, latest);
        String policies = r.policies() != null ? r.policies() : latest != null ? latest.policies() : null;
        ParameterPolicies.parse(policies);
        ParameterTier tier = PutRules.tier(r, latest, policies);
        String allowedPattern = PutRules.allowedPattern(r, latest);
        String dataType = PutRules.dataType(r, type, latest);
        ParameterVersionRecord oldest = record.oldestToDrop();
        if (oldest != null && record.labelled(oldest.version())) {
            throw SsmErrors.maxVersions(name, oldest.version());
        }
        boolean secure = type == ParameterType.SECURE_STRING;
        ParameterVersionRecord next = new ParameterVersionRecord(name, record.nextVersion(), type, r.value(),
                secure ? Ciphertext.of(r.value()) : null, PutRules.keyId(r, type, latest),
                r.description() != null ? r.description() : latest != null ? latest.description() : null,
                allowedPattern, tier, dataType, policies, clock.now(), region.arns().user());
        record.add(next);
        if (latest == null) {
            record.tags().add(tags, SsmTagging.ERRORS);
        }
        return next;
    }

    public GetParameterResponse getParameter(RequestContext ctx, GetParameterRequest r) {
        SsmRegion region = regions.get(ctx);
        Selector selector = Selector.parse(ParameterNames.forRead(r.name(), "name"));
        ParameterVersionRecord version = resolve(region, selector);
        return GetParameterResponse.builder().parameter(ParameterViews.parameter(region.arns(), version,
                Boolean.TRUE.equals(r.withDecryption()), selector.shown())).build();
    }

    public GetParametersResponse getParameters(RequestContext ctx, GetParametersRequest r) {
        SsmRegion region = regions.get(ctx);
        List<String> names = names(r.names());
        boolean decrypt = Boolean.TRUE.equals(r.withDecryption());
        List<Parameter> found = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        for (String text : names) {
            Selector selector = Selector.parse(text);
            try {
                found.add(ParameterViews.parameter(region.arns(), resolve(region, selector), decrypt,
                        selector.shown()));
            } catch (ParameterNotFoundException | ParameterVersionNotFoundException notThere) {
                invalid.add(text);
            }
        }
        return GetParametersResponse.builder().parameters(found).invalidParameters(invalid).build();
    }

    public DeleteParameterResponse deleteParameter(RequestContext ctx, DeleteParameterRequest r) {
        String name = ParameterNames.forRead(r.name(), "name");
        if (!regions.get(ctx).remove(name)) {
            throw SsmErrors.notFound(name);
        }
        return DeleteParameterResponse.builder().build();
    }

    public DeleteParametersResponse deleteParameters(RequestContext ctx, DeleteParametersRequest r) {
        SsmRegion region = regions.get(ctx);
        List<String> deleted = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        for (String name : names(r.names())) {
            (region.remove(name) ? deleted : invalid).add(name);
        }
        return DeleteParametersResponse.builder().deletedParameters(deleted).invalidParameters(invalid).build();
    }

    /** The version a selector names, or ParameterNotFound / ParameterVersionNotFound. */
    static ParameterVersionRecord resolve(SsmRegion region, Selector selector) {
        ParameterRecord record = region.require(selector.name());
        if (selector.version() != null) {
            ParameterVersionRecord version = record.version(selector.version());
            if (version == null) {
                String asked = selector.text().substring(selector.name().length() + 1);
                throw SsmErrors.versionNotFound(selector.name(), asked);
            }
            return version;
        }
        if (selector.label() != null) {
            ParameterVersionRecord labelled = record.labelled(selector.label());
            if (labelled == null) {
                throw SsmErrors.notFound(selector.text());
            }
            return labelled;
        }
        return record.latest();
    }

    /** The Names member of GetParameters / DeleteParameters: 1 to 10 names, each checked, duplicates once. */
    private static List<String> names(List<String> names) {
        if (names.isEmpty()) {
            throw SsmErrors.validation().fail(names, "names", Constraints.minLength(1)).error();
        }
        if (names.size() > 10) {
            throw SsmErrors.validation().fail(names, "names", Constraints.maxLength(10)).error();
        }
        Set<String> unique = new LinkedHashSet<>();
        for (String name : names) {
            unique.add(ParameterNames.forRead(name, "names"));
        }
        return List.copyOf(unique);
    }
}
