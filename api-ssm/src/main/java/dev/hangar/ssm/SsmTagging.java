package dev.hangar.ssm;

import dev.hangar.core.resource.Constraints;
import dev.hangar.core.resource.TagErrors;
import dev.hangar.core.resource.TagRequest;
import dev.hangar.core.resource.TagRules;
import dev.hangar.core.resource.Validation;
import software.amazon.awssdk.services.ssm.model.ValidationException;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How Parameter Store words the kit's tag rules. Its model bounds a request's TagList to 1000 entries (so only the
 * resource's limit of 50 applies, answered with TooManyTagsError) and each Tag's Key to 1-128 and Value to 0-256
 * characters of one pattern; the front end reports those per list entry ("tags.1.member.key").
 */
final class SsmTagging {

    /** The Tag shape's pattern, as the SSM model prints it for keys and values alike. */
    static final String PATTERN = "^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$";
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

    static final TagErrors ERRORS = TagErrors.withoutRequestLimit(
            (request, broken) -> entries(request),
            key -> SsmErrors.validation(TagRules.reservedKeyMessage(key)),
            request -> SsmErrors.tooManyTags());

    private SsmTagging() {
    }

    /** Every broken constraint of the request's entries, at once, as the front end lists them. */
    private static ValidationException entries(TagRequest request) {
        Validation<ValidationException> v = SsmErrors.validation();
        List<Map.Entry<String, String>> entries = request.entries();
        for (int i = 0; i < entries.size(); i++) {
            String key = entries.get(i).getKey() == null ? "" : entries.get(i).getKey();
            String value = entries.get(i).getValue() == null ? "" : entries.get(i).getValue();
            String member = "tags." + (i + 1) + ".member.";
            v.length(key, member + "key", 1, TagRules.MAX_KEY_LENGTH);
            if (!ALLOWED.matcher(key).matches()) {
                v.fail(key, member + "key", Constraints.pattern(PATTERN));
            }
            v.length(value, member + "value", 0, TagRules.MAX_VALUE_LENGTH);
            if (!ALLOWED.matcher(value).matches()) {
                v.fail(value, member + "value", Constraints.pattern(PATTERN));
            }
        }
        return v.failed() ? v.error() : SsmErrors.validation("Invalid tags: " + request.shown());
    }
}
