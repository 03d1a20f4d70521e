package dev.hangar.ssm;

import dev.hangar.core.resource.Pager;

/** Parameter Store's paging: the kit's pager on NextToken/MaxResults, refusing foreign tokens with InvalidNextToken. */
final class SsmPages {

    static final Pager PAGER = new Pager("NextToken", "MaxResults", token -> SsmErrors.invalidNextToken());

    private SsmPages() {
    }

    /** A page size: the default when absent, else within [1, max] as the model bounds it. */
    static int size(Integer maxResults, int defaultSize, int max) {
        if (maxResults == null) {
            return defaultSize;
        }
        SsmErrors.validation().range(maxResults, "maxResults", 1, max).throwIfAny();
        return maxResults;
    }
}
