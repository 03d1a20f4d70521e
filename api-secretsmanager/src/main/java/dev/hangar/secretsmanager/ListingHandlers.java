package dev.hangar.secretsmanager;

import dev.hangar.core.resource.Page;
import dev.hangar.core.resource.PageKeys;
import dev.hangar.core.service.RequestContext;
import dev.hangar.core.service.RunsOn;
import dev.hangar.core.state.AccountRegionStore;
import dev.hangar.secretsmanager.domain.SecretRecord;
import software.amazon.awssdk.services.secretsmanager.model.Filter;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsRequest;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsResponse;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;
import software.amazon.awssdk.services.secretsmanager.model.SortByType;
import software.amazon.awssdk.services.secretsmanager.model.SortOrderType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * ListSecrets: filtered ({@link SecretFilters}), without secrets scheduled for deletion unless asked, sorted by
 * creation date (or SortBy) ascending unless SortOrder says desc, paged by the kit's pager on a key that follows the
 * sort, so that secrets made or deleted between pages shift nothing.
 */
@RunsOn(RunsOn.Pool.EVENT_LOOP)
record ListingHandlers(AccountRegionStore<SecretsManagerRegion> regions) {

    public ListSecretsResponse listSecrets(RequestContext ctx, ListSecretsRequest r) {
        int size = SecretsManagerPages.size(r.maxResults());
        List<Filter> filters = r.hasFilters() ? r.filters() : List.of();
        SecretFilters.check(filters);
        if (r.sortBy() == SortByType.UNKNOWN_TO_SDK_VERSION || r.sortOrder() == SortOrderType.UNKNOWN_TO_SDK_VERSION) {
            SecretsManagerErrors.validation()
                    .oneOf(r.sortByAsString(), "sortBy", SortByType.knownValues().stream().map(String::valueOf).toList())
                    .oneOf(r.sortOrderAsString(), "sortOrder",
                            SortOrderType.knownValues().stream().map(String::valueOf).toList())
                    .throwIfAny();
        }
        boolean includeDeleted = Boolean.TRUE.equals(r.includePlannedDeletion());
        Function<SecretRecord, String> key = sortKey(r.sortBy());
        Comparator<String> order = r.sortOrder() == SortOrderType.DESC ? Comparator.reverseOrder()
                : Comparator.naturalOrder();
        List<SecretRecord> matching = new ArrayList<>();
        for (SecretRecord secret : regions.get(ctx).all()) {
            if ((includeDeleted || !secret.deleted()) && SecretFilters.matches(secret, filters)) {
                matching.add(secret);
            }
        }
        matching.sort(Comparator.comparing(key, order));
        Page<SecretRecord> page = SecretsManagerPages.PAGER.page(r, matching, key, order, size);
        List<SecretListEntry> out = new ArrayList<>(page.items().size());
        page.items().forEach(s -> out.add(s.listEntry()));
        return ListSecretsResponse.builder().secretList(out).nextToken(page.nextToken()).build();
    }

    /** The sort's date as sixteen digits, then the name (unique), so that equal dates still order one way. */
    private static Function<SecretRecord, String> sortKey(SortByType by) {
        if (by == null) {
            return s -> dated(s.createdDate(), s);
        }
        return switch (by) {
            case NAME -> SecretRecord::name;
            case LAST_CHANGED_DATE -> s -> dated(s.lastChangedDate(), s);
            case LAST_ACCESSED_DATE -> s -> dated(s.lastAccessedDay(), s);
            default -> s -> dated(s.createdDate(), s);
        };
    }

    private static String dated(Instant date, SecretRecord s) {
        return PageKeys.of(PageKeys.number(date == null ? Long.MIN_VALUE : date.toEpochMilli()), s.name());
    }
}
