package dev.hangar.ssm;

import dev.hangar.core.resource.Constraints;
import dev.hangar.core.resource.Page;
import dev.hangar.core.service.RequestContext;
import dev.hangar.core.service.RunsOn;
import dev.hangar.core.state.AccountRegionStore;
import dev.hangar.ssm.domain.ParameterRecord;
import dev.hangar.ssm.domain.ParameterVersionRecord;
import software.amazon.awssdk.services.ssm.model.GetParameterHistoryRequest;
import software.amazon.awssdk.services.ssm.model.GetParameterHistoryResponse;
import software.amazon.awssdk.services.ssm.model.LabelParameterVersionRequest;
import software.amazon.awssdk.services.ssm.model.LabelParameterVersionResponse;
import software.amazon.awssdk.services.ssm.model.UnlabelParameterVersionRequest;
import software.amazon.awssdk.services.ssm.model.UnlabelParameterVersionResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A parameter's versions and their labels: GetParameterHistory, LabelParameterVersion, UnlabelParameterVersion.
 * Label rules (the LabelParameterVersion reference): at most 100 characters of letters, digits, "." "-" "_", not
 * starting with a digit, "aws" or "ssm" in any case; a label that breaks them is not attached and comes back in
 * InvalidLabels.
 */
@RunsOn(RunsOn.Pool.EVENT_LOOP)
record LabelHandlers(AccountRegionStore<SsmRegion> regions) {

    private static final Pattern LABEL = Pattern.compile("[a-zA-Z0-9_.\\-]+");

    public GetParameterHistoryResponse getParameterHistory(RequestContext ctx, GetParameterHistoryRequest r) {
        String name = ParameterNames.forRead(r.name(), "name");
        int size = SsmPages.size(r.maxResults(), 50, 50);
        ParameterRecord record = regions.get(ctx).require(name);
        boolean decrypt = Boolean.TRUE.equals(r.withDecryption());
        Page<ParameterVersionRecord> page = SsmPages.PAGER.page(r, record.history(), LabelHandlers::versionKey, size);
        return GetParameterHistoryResponse.builder()
                .parameters(page.items().stream().map(v -> ParameterViews.history(record, v, decrypt)).toList())
                .nextToken(page.nextToken()).build();
    }

    /** Versions as page keys that sort as numbers do. */
    private static String versionKey(ParameterVersionRecord v) {
        return String.format(Locale.ROOT, "%020d", v.version());
    }

    public LabelParameterVersionResponse labelParameterVersion(RequestContext ctx, LabelParameterVersionRequest r) {
        String name = ParameterNames.forRead(r.name(), "name");
        List<String> labels = checkLabels(r.labels());
        ParameterRecord record = regions.get(ctx).require(name);
        List<String> invalid = new ArrayList<>();
        List<String> valid = new ArrayList<>();
        for (String label : labels) {
            (validLabel(label) ? valid : invalid).add(label);
        }
        long version = record.locked(() -> {
            long target = r.parameterVersion() != null ? r.parameterVersion() : record.latest().version();
            if (record.version(target) == null) {
                throw SsmErrors.versionNotFound(name, Long.toString(target));
            }
            if (!record.attach(target, valid)) {
                throw SsmErrors.tooManyLabels();
            }
            return target;
        });
        return LabelParameterVersionResponse.builder().invalidLabels(invalid).parameterVersion(version).build();
    }

    public UnlabelParameterVersionResponse unlabelParameterVersion(RequestContext ctx,
                                                                   UnlabelParameterVersionRequest r) {
        String name = ParameterNames.forRead(r.name(), "name");
        List<String> labels = checkLabels(r.labels());
        ParameterRecord record = regions.get(ctx).require(name);
        long version = r.parameterVersion();
        List<String> removed = record.locked(() -> {
            if (record.version(version) == null) {
                throw SsmErrors.versionNotFound(name, Long.toString(version));
            }
            return record.detach(version, labels);
        });
        List<String> invalid = labels.stream().filter(l -> !removed.contains(l)).distinct().toList();
        return UnlabelParameterVersionResponse.builder().removedLabels(removed).invalidLabels(invalid).build();
    }

    /** The Labels member: 1 to 10 labels of 1 to 100 characters each (the model's bounds). */
    private static List<String> checkLabels(List<String> labels) {
        if (labels.isEmpty() || labels.size() > 10) {
            throw SsmErrors.validation().fail(labels, "labels", labels.isEmpty()
                    ? Constraints.minLength(1) : Constraints.maxLength(10)).error();
        }
        if (labels.stream().anyMatch(l -> l == null || l.isEmpty() || l.length() > 100)) {
            throw SsmErrors.validation().fail(labels, "labels", "Member must satisfy constraint: ["
                    + Constraints.maxLength(100) + ", " + Constraints.minLength(1) + "]").error();
        }
        return labels;
    }

    private static boolean validLabel(String label) {
        String lower = label.toLowerCase(Locale.ROOT);
        return LABEL.matcher(label).matches() && !Character.isDigit(label.charAt(0))
                && !lower.startsWith("aws") && !lower.startsWith("ssm");
    }
}
