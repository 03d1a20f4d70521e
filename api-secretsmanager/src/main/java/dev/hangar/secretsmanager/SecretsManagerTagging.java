package dev.hangar.secretsmanager;

import dev.hangar.core.resource.Constraints;
import dev.hangar.core.resource.TagErrors;
import dev.hangar.core.resource.TagRequest;
import dev.hangar.core.resource.TagRule;
import dev.hangar.core.resource.TagRules;
import dev.hangar.core.resource.Validation;
import dev.hangar.core.service.AwsException;

import java.util.Map;
import java.util.Set;

/**
 * How Secrets Manager words the kit's tag rules. Its model limits keys to 1-128 and values to 0-256 characters and
 * sets no count on the list, so lengths are the front end's ValidationException ("tags.N.member.key"); the
 * characters, the "aws:" prefix and the 50 tags of a secret are refused with InvalidParameterException in Hangar's
 * words (AWS's texts for them are not verified).
 */
final class SecretsManagerTagging {

    static final String TOO_MANY = "A secret can have no more than 50 tags.";
    static final String CHARACTERS = "Tag keys and values may contain only letters, numbers, spaces and _ . : / = + - @";

    static final TagErrors ERRORS = TagErrors.withoutRequestLimit(SecretsManagerTagging::invalid,
            key -> SecretsManagerErrors.invalidParameter(TagRules.reservedKeyMessage(key)),
            request -> SecretsManagerErrors.invalidParameter(TOO_MANY));

    private SecretsManagerTagging() {
    }

    private static RuntimeException invalid(TagRequest request, Set<TagRule> broken) {
        Validation<AwsException> v = SecretsManagerErrors.validation();
        int index = 0;
        for (Map.Entry<String, String> e : request.entries()) {
            index++;
            String key = e.getKey() == null ? "" : e.getKey();
            String value = e.getValue() == null ? "" : e.getValue();
            if (key.isEmpty()) {
                v.fail(key, "tags." + index + ".member.key", Constraints.minLength(1));
            } else if (key.codePointCount(0, key.length()) > TagRules.MAX_KEY_LENGTH) {
                v.fail(key, "tags." + index + ".member.key", Constraints.maxLength(TagRules.MAX_KEY_LENGTH));
            }
            if (value.codePointCount(0, value.length()) > TagRules.MAX_VALUE_LENGTH) {
                v.fail(value, "tags." + index + ".member.value", Constraints.maxLength(TagRules.MAX_VALUE_LENGTH));
            }
        }
        if (v.failed()) {
            return v.error();
        }
        return SecretsManagerErrors.invalidParameter(CHARACTERS);
    }
}
