package dev.hangar.ssm;

import dev.hangar.core.resource.Constraints;
import dev.hangar.core.resource.Validation;
import dev.hangar.ssm.domain.ParameterVersionRecord;
import software.amazon.awssdk.services.ssm.model.ParameterTier;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import software.amazon.awssdk.services.ssm.model.PutParameterRequest;
import software.amazon.awssdk.services.ssm.model.ValidationException;

import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What PutParameter checks of its members, and how a new version inherits from the latest one: on Overwrite an
 * absent Type, Description, AllowedPattern, KeyId, DataType or Tier keeps the latest version's.
 */
final class PutRules {

    static final int STANDARD_MAX = 4096;
    static final int ADVANCED_MAX = 8192;
    static final String DEFAULT_KEY = "alias/aws/ssm";
    static final List<String> DATA_TYPES = List.of("text", "aws:ec2:image", "aws:ssm:integration");
    private static final Pattern KEY_ID = Pattern.compile("^([a-zA-Z0-9:/_-]+)$");
    private static final Pattern AMI = Pattern.compile("ami-([0-9a-f]{8}|[0-9a-f]{17})");

    private PutRules() {
    }

    /** The model's constraints on the request's own members, all reported at once. */
    static void checkMembers(PutParameterRequest r) {
        Validation<ValidationException> v = SsmErrors.validation();
        if (r.value() != null && r.value().isEmpty()) {
            v.failWithoutValue("value", Constraints.minLength(1)); // sensitive: AWS leaves the value out
        }
        v.oneOf(r.typeAsString(), "type", List.of("String", "StringList", "SecureString"));
        v.oneOf(r.tierAsString(), "tier", List.of("Standard", "Advanced", "Intelligent-Tiering"));
        v.length(r.description(), "description", 0, 1024);
        v.length(r.keyId(), "keyId", 1, 256).pattern(r.keyId(), "keyId", KEY_ID, KEY_ID.pattern());
        v.length(r.allowedPattern(), "allowedPattern", 0, 1024);
        v.length(r.policies(), "policies", 1, 4096);
        v.length(r.dataType(), "dataType", 0, 128);
        if (r.hasTags() && r.tags().size() > 1000) {
            v.fail(r.tags(), "tags", Constraints.maxLength(1000));
        }
        v.throwIfAny();
        if (Boolean.TRUE.equals(r.overwrite()) && r.hasTags() && !r.tags().isEmpty()) {
            throw SsmErrors.validation("Invalid request: tags and overwrite can't be used together. To create a "
                    + "parameter with tags, please remove overwrite flag. To update tags for an existing parameter, "
                    + "please use AddTagsToResource or RemoveTagsFromResource.");
        }
        if (r.dataType() != null && !DATA_TYPES.contains(r.dataType())) {
            throw SsmErrors.validation("The following data type is not supported: " + r.dataType()
                    + " (Data type names are all lowercase.)");
        }
    }

    static ParameterType type(PutParameterRequest r, ParameterVersionRecord latest) {
        if (r.type() != null) {
            return r.type();
        }
        if (latest == null) {
            throw SsmErrors.validation("A parameter type is required when you create a parameter.");
        }
        return latest.type();
    }

    /** The tier the version is stored in, after Intelligent-Tiering's choice, with the size limits checked. */
    static ParameterTier tier(PutParameterRequest r, ParameterVersionRecord latest, String policies) {
        ParameterTier asked = r.tier() != null ? r.tier() : latest != null ? latest.tier() : ParameterTier.STANDARD;
        boolean wasAdvanced = latest != null && latest.tier() == ParameterTier.ADVANCED;
        ParameterTier tier = asked;
        if (asked == ParameterTier.INTELLIGENT_TIERING) {
            tier = wasAdvanced || r.value().length() > STANDARD_MAX || policies != null
                    ? ParameterTier.ADVANCED : ParameterTier.STANDARD;
        }
        if (tier == ParameterTier.STANDARD && wasAdvanced) {
            throw SsmErrors.validation("This parameter uses the advanced-parameter tier. You can't downgrade a "
                    + "parameter from the advanced-parameter tier to the standard-parameter tier. If necessary, you "
                    + "can delete the advanced parameter and recreate it as a standard parameter.");
        }
        if (tier == ParameterTier.STANDARD && r.value().length() > STANDARD_MAX) {
            throw SsmErrors.validation("Standard tier parameters support a maximum parameter value of 4096 "
                    + "characters. To create a larger parameter value, upgrade the parameter to use the "
                    + "advanced-parameter tier. For more information, see "
                    + "https://docs.aws.amazon.com/systems-manager/latest/userguide/parameter-store-advanced-parameters.html");
        }
        if (tier == ParameterTier.ADVANCED && r.value().length() > ADVANCED_MAX) {
            throw SsmErrors.validation("Advanced tier parameters support a maximum parameter value of 8192 "
                    + "characters.");
        }
        if (tier == ParameterTier.STANDARD && policies != null) {
            throw SsmErrors.validation("Standard tier parameters don't support parameter policies. To use "
                    + "parameter policies, upgrade the parameter to use the advanced-parameter tier.");
        }
        return tier;
    }

    /** The allowed pattern in force (the request's or the latest version's), and the value checked against it. */
    static String allowedPattern(PutParameterRequest r, ParameterVersionRecord latest) {
        String pattern = r.allowedPattern() != null ? r.allowedPattern()
                : latest != null ? latest.allowedPattern() : null;
        if (pattern == null || pattern.isEmpty()) {
            return pattern;
        }
        Pattern compiled;
        try {
            compiled = Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            throw SsmErrors.invalidAllowedPattern();
        }
        if (!compiled.matcher(r.value()).matches()) {
            throw SsmErrors.patternMismatch(pattern);
        }
        return pattern;
    }

    static String dataType(PutParameterRequest r, ParameterType type, ParameterVersionRecord latest) {
        String dataType = r.dataType() != null ? r.dataType() : latest != null ? latest.dataType() : "text";
        if (!"text".equals(dataType) && type != ParameterType.STRING) {
            throw SsmErrors.validation("The data type " + dataType + " is supported only for String parameters.");
        }
        if ("aws:ec2:image".equals(dataType) && !AMI.matcher(r.value()).matches()) {
            // AWS checks the format at once and the image's existence later; Hangar has no images to look up
            throw SsmErrors.validation("Invalid format for AMI ID. Parameter value must be in the format "
                    + "ami-12345678 or ami-1234567890abcdef0.");
        }
        return dataType;
    }

    /** For SecureString, the key named (or the latest version's, or alias/aws/ssm); no key for other types. */
    static String keyId(PutParameterRequest r, ParameterType type, ParameterVersionRecord latest) {
        if (type != ParameterType.SECURE_STRING) {
            return null;
        }
        if (r.keyId() != null) {
            return r.keyId();
        }
        return latest != null && latest.keyId() != null ? latest.keyId() : DEFAULT_KEY;
    }
}
