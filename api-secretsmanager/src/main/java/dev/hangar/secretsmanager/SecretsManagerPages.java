package dev.hangar.secretsmanager;

import dev.hangar.core.resource.Pager;

/** Secrets Manager's paging: the kit's pager on NextToken/MaxResults, refused as InvalidNextTokenException. */
final class SecretsManagerPages {

    static final Pager PAGER = new Pager("NextToken", "MaxResults", token -> SecretsManagerErrors.invalidToken());

    private SecretsManagerPages() {
    }

    /** A page size: 1-100 (the model's range), 100 when absent. */
    static int size(Integer maxResults) {
        if (maxResults == null) {
            return 100;
        }
        SecretsManagerErrors.validation().range(maxResults, "maxResults", 1, 100).throwIfAny();
        return maxResults;
    }
}
