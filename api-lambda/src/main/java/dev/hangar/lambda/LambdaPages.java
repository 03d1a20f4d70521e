package dev.hangar.lambda;

import dev.hangar.core.resource.PageKeys;
import dev.hangar.core.resource.Pager;
import dev.hangar.core.resource.Validation;
import dev.hangar.core.service.AwsErrors;

/** Lambda's paging: the kit's pager on Marker/MaxItems, with Lambda's MaxItems bounds and invalid-marker answer. */
final class LambdaPages {

    static final int DEFAULT_MAX_ITEMS = 50;

    static final Pager PAGER = new Pager("Marker", "MaxItems",
            marker -> LambdaErrors.invalidParameter("Invalid marker: " + marker));

    private LambdaPages() {
    }

    /** MaxItems as the page size: 1 to 10,000 (the model's range, ValidationException), 50 when absent. */
    static int size(Integer maxItems) {
        new Validation<>(AwsErrors::validation).range(maxItems, "maxItems", 1, 10000)
                .throwIfAny();
        return maxItems == null ? DEFAULT_MAX_ITEMS : maxItems;
    }

    /** The key a version is listed by: the function's name, then $LATEST before the versions in number order. */
    static String versionKey(String functionName, String version) {
        return PageKeys.of(functionName, LambdaArns.LATEST.equals(version) ? ""
                : PageKeys.number(Long.parseLong(version)));
    }
}
