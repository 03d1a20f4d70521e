package dev.hangar.ssm;

import dev.hangar.core.resource.Page;
import dev.hangar.core.service.RequestContext;
import dev.hangar.core.service.RunsOn;
import dev.hangar.core.state.AccountRegionStore;
import dev.hangar.ssm.domain.ParameterRecord;
import dev.hangar.ssm.domain.ParameterVersionRecord;
import software.amazon.awssdk.services.ssm.model.DescribeParametersRequest;
import software.amazon.awssdk.services.ssm.model.DescribeParametersResponse;
import software.amazon.awssdk.services.ssm.model.GetParametersByPathRequest;
import software.amazon.awssdk.services.ssm.model.GetParametersByPathResponse;

import java.util.ArrayList;
import java.util.List;

/**
 * GetParametersByPath and DescribeParameters: walks of the region's parameters in name order, filtered, paged by
 * the kit's pager keyed on the name (so that parameters put or deleted between pages shift nothing).
 */
@RunsOn(RunsOn.Pool.EVENT_LOOP)
record ParameterSearchHandlers(AccountRegionStore<SsmRegion> regions) {

    public GetParametersByPathResponse getParametersByPath(RequestContext ctx, GetParametersByPathRequest r) {
        SsmRegion region = regions.get(ctx);
        String path = ParameterNames.forRead(r.path(), "path");
        if (!path.startsWith("/")) {
            throw SsmErrors.validation("The parameter doesn't meet the parameter name requirements. The parameter "
                    + "name must begin with a forward slash \"/\". It can't be prefixed with \"aws\" or \"ssm\" "
                    + "(case-insensitive). It must use only letters, numbers, or the following symbols: . (period), "
                    + "- (hyphen), _ (underscore). Special characters are not allowed. All sub-paths, if specified, "
                    + "must use the forward slash symbol \"/\". Valid example: /get/parameters2-/by1./path0_.");
        }
        if (ParameterNames.levels(path) > ParameterNames.MAX_LEVELS) {
            throw SsmErrors.hierarchyTooDeep();
        }
        int size = SsmPages.size(r.maxResults(), 10, 10);
        ParameterFilters filters = ParameterFilters.forPath(r.parameterFilters());
        boolean recursive = Boolean.TRUE.equals(r.recursive());
        List<String> labels = filters.labels();
        List<ParameterVersionRecord> matching = new ArrayList<>();
        for (ParameterRecord record : region.parameters().values()) {
            if (!ParameterFilters.under(record.name(), path, recursive)) {
                continue;
            }
            ParameterVersionRecord version = labels == null ? record.latest() : labelled(record, labels);
            if (version != null && filters.matches(record, version)) {
                matching.add(version);
            }
        }
        Page<ParameterVersionRecord> page = SsmPages.PAGER.page(r, matching, ParameterVersionRecord::name, size);
        boolean decrypt = Boolean.TRUE.equals(r.withDecryption());
        return GetParametersByPathResponse.builder()
                .parameters(page.items().stream()
                        .map(v -> ParameterViews.parameter(region.arns(), v, decrypt, null)).toList())
                .nextToken(page.nextToken()).build();
    }

    /** The version carrying one of the labels (the first of them that is attached), or null. */
    private static ParameterVersionRecord labelled(ParameterRecord record, List<String> labels) {
        for (String label : labels) {
            ParameterVersionRecord version = record.labelled(label);
            if (version != null) {
                return version;
            }
        }
        return null;
    }

    public DescribeParametersResponse describeParameters(RequestContext ctx, DescribeParametersRequest r) {
        SsmRegion region = regions.get(ctx);
        if (!r.filters().isEmpty() && !r.parameterFilters().isEmpty()) {
            throw SsmErrors.validation("You can use either Filters or ParameterFilters in a single request.");
        }
        int size = SsmPages.size(r.maxResults(), 10, 50);
        ParameterFilters filters = !r.filters().isEmpty() ? ParameterFilters.forDescribeLegacy(r.filters())
                : ParameterFilters.forDescribe(r.parameterFilters());
        List<ParameterVersionRecord> matching = new ArrayList<>();
        if (!Boolean.TRUE.equals(r.shared())) { // no other account shares parameters with this one in Hangar
            for (ParameterRecord record : region.parameters().values()) {
                ParameterVersionRecord latest = record.latest();
                if (latest != null && filters.matches(record, latest)) {
                    matching.add(latest);
                }
            }
        }
        Page<ParameterVersionRecord> page = SsmPages.PAGER.page(r, matching, ParameterVersionRecord::name, size);
        return DescribeParametersResponse.builder()
                .parameters(page.items().stream().map(v -> ParameterViews.metadata(region.arns(), v)).toList())
                .nextToken(page.nextToken()).build();
    }
}
