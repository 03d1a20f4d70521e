package dev.hangar.ecs;

import dev.hangar.core.resource.Pager;

/** ECS's paging: the kit's pager on nextToken/maxResults, with ECS's page-size bounds and invalid-token answer. */
final class EcsPages {

    /** Every ECS listing answers up to 100 items when maxResults is not given, as the API reference documents. */
    static final int DEFAULT_MAX_RESULTS = 100;

    static final Pager PAGER = new Pager("nextToken", "maxResults",
            token -> EcsErrors.invalidParameter("Invalid nextToken."));

    private EcsPages() {
    }

    /** maxResults as the page size: 1 to 100, 100 when absent. */
    static int size(Integer maxResults) {
        return size(maxResults, DEFAULT_MAX_RESULTS);
    }

    /** maxResults as the page size: 1 to 100, {@code otherwise} when absent (ListServices answers 10). */
    static int size(Integer maxResults, int otherwise) {
        int max = maxResults == null ? otherwise : maxResults;
        if (max < 1 || max > 100) {
            throw EcsErrors.invalidParameter("maxResults must be between 1 and 100.");
        }
        return max;
    }
}
