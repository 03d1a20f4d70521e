package dev.hangar.lambda;

import dev.hangar.core.resource.TagErrors;
import dev.hangar.core.resource.TagRules;
import dev.hangar.core.service.AwsErrors;

/**
 * How Lambda words the kit's tag rules. Keys and values that break AWS's rules: ValidationException in the front
 * end's map form ("Map value must satisfy constraint: [...]", as users have reported it, e.g.
 * cloud-custodian#2520). More than 50: "Number of tags exceeds function tag limit." (LocalStack's recording of AWS),
 * also for a single request, since Lambda's model sets no count on the member. The aws: prefix: Hangar's wording.
 */
final class LambdaTagging {

    static final TagErrors ERRORS = TagErrors.withoutRequestLimit(
            (request, broken) -> TagRules.modelValidation(request, broken, "tags", AwsErrors::validation),
            key -> LambdaErrors.invalidParameter(TagRules.reservedKeyMessage(key)),
            request -> LambdaErrors.invalidParameter("Number of tags exceeds function tag limit."));

    private LambdaTagging() {
    }
}
