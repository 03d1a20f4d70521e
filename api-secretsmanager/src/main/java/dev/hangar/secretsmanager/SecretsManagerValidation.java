package dev.hangar.secretsmanager;

import dev.hangar.core.resource.Constraints;
import dev.hangar.core.resource.Validation;
import dev.hangar.core.service.AwsException;
import dev.hangar.secretsmanager.domain.SecretValue;
import software.amazon.awssdk.core.SdkBytes;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The constraints of the Secrets Manager model that its front end checks first, every broken one in one
 * ValidationException, and the name rule it checks next. Secret values are sensitive: AWS leaves them out of the
 * message ("Value at 'secretString' failed ...").
 */
final class SecretsManagerValidation {

    /** ASCII letters, digits and /_+=.@- (and "!", which AWS's message lists too). */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9/_+=.@!-]+");
    static final int MAX_VALUE = 65536;

    private SecretsManagerValidation() {
    }

    static Validation<AwsException> start() {
        return SecretsManagerErrors.validation();
    }

    /** A SecretId: 1-2048 characters; one that is not an ARN must be a valid name. */
    static String secretId(String id) {
        start().length(id, "secretId", 1, 2048).throwIfAny();
        if (!id.startsWith("arn:")) {
            checkName(id);
        }
        return id;
    }

    static void checkName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw SecretsManagerErrors.validationMessage(SecretsManagerErrors.INVALID_NAME);
        }
    }

    static Validation<AwsException> token(Validation<AwsException> v, String token) {
        return v.length(token, "clientRequestToken", 32, 64);
    }

    static Validation<AwsException> description(Validation<AwsException> v, String description, String kmsKeyId) {
        return v.length(description, "description", 0, 2048).length(kmsKeyId, "kmsKeyId", 0, 2048);
    }

    static Validation<AwsException> value(Validation<AwsException> v, String string, SdkBytes binary) {
        if (string != null && (string.isEmpty() || string.length() > MAX_VALUE)) {
            v.failWithoutValue("secretString", string.isEmpty() ? Constraints.minLength(1)
                    : Constraints.maxLength(MAX_VALUE));
        }
        if (binary != null && (binary.asByteBuffer().remaining() == 0
                || binary.asByteBuffer().remaining() > MAX_VALUE)) {
            v.failWithoutValue("secretBinary", binary.asByteBuffer().remaining() == 0 ? Constraints.minLength(1)
                    : Constraints.maxLength(MAX_VALUE));
        }
        return v;
    }

    static Validation<AwsException> stages(Validation<AwsException> v, List<String> stages, String member) {
        if (stages == null) {
            return v;
        }
        if (stages.isEmpty() || stages.size() > 20) {
            v.fail(stages, member, stages.isEmpty() ? Constraints.minLength(1) : Constraints.maxLength(20));
        }
        for (String stage : stages) {
            if (stage == null || stage.isEmpty() || stage.length() > 256) {
                v.fail(stages, member, "Member must satisfy constraint: [Member must have length less than or "
                        + "equal to 256, Member must have length greater than or equal to 1]");
                break;
            }
        }
        return v;
    }

    /**
     * A list member whose elements are null (JSON {@code [null]}, which no SDK sends): the front end's "Value null at
     * 'tags.1.member' failed to satisfy constraint: Member must not be null", rather than a null deep inside a handler.
     */
    static Validation<AwsException> noNullMembers(Validation<AwsException> v, List<?> list, String member) {
        if (list != null) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) == null) {
                    v.missing(member + "." + (i + 1) + ".member");
                }
            }
        }
        return v;
    }

    /** The request's value, which must be a string or bytes but not both. */
    static SecretValue requiredValue(String string, SdkBytes binary) {
        SecretValue value = optionalValue(string, binary);
        if (value == null) {
            throw SecretsManagerErrors.noValue();
        }
        return value;
    }

    /** As {@link #requiredValue}, but neither is allowed: no value, no new version. */
    static SecretValue optionalValue(String string, SdkBytes binary) {
        if (string != null && binary != null) {
            throw SecretsManagerErrors.bothValues();
        }
        return string == null && binary == null ? null : new SecretValue(string, binary);
    }
}
