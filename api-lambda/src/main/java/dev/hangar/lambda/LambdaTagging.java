package dev.hangar.lambda;

import dev.hangar.core.resource.TagErrors;
import dev.hangar.core.resource.TagRequest;
import dev.hangar.core.resource.TagRule;
import dev.hangar.core.resource.TagRules;
import dev.hangar.core.service.AwsErrors;

import java.util.EnumSet;
import java.util.Set;

/**
 * How Lambda words the kit's tag rules. Keys and values that break AWS's rules: ValidationException in the front
 * end's map form ("Map value must satisfy constraint: [...]", as users have reported it, e.g.
 * cloud-custodian#2520). More than 50: "Number of tags exceeds function tag limit." (LocalStack's recording of AWS),
 * also for a single request, since Lambda's model sets no count on the member. The aws: prefix: Hangar's wording.
 */
final class LambdaTagging {

    static final TagErrors ERRORS = new TagErrors() {
        @Override
        public RuntimeException invalid(TagRequest request, Set<TagRule> broken) {
            Set<TagRule> model = EnumSet.copyOf(broken);
            model.remove(TagRule.TOO_MANY_IN_REQUEST);
            return model.isEmpty() ? tooMany(request)
                    : TagRules.modelValidation(request, model, "tags", AwsErrors::validation);
        }

        @Override
        public RuntimeException reservedKey(String key) {
            return LambdaErrors.invalidParameter(TagRules.reservedKeyMessage(key));
        }

        @Override
        public RuntimeException tooMany(TagRequest request) {
            return LambdaErrors.invalidParameter("Number of tags exceeds function tag limit.");
        }
    };

    private LambdaTagging() {
    }
}
