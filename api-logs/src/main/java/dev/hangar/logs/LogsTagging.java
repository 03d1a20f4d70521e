package dev.hangar.logs;

import dev.hangar.core.resource.TagErrors;
import dev.hangar.core.resource.TagRequest;
import dev.hangar.core.resource.TagRule;
import dev.hangar.core.resource.TagRules;
import software.amazon.awssdk.services.cloudwatchlogs.model.TooManyTagsException;

import java.util.Set;

/**
 * How CloudWatch Logs words the kit's tag rules. Its model limits the tags member to 50 entries, keys to 1-128 and
 * values to 0-256 characters of its pattern, reported as front-end validation in InvalidParameterException. More
 * than 50 on a resource: TagResource declares TooManyTagsException (whose model description is the text used here);
 * TagLogGroup and CreateLogGroup declare only InvalidParameterException, so they answer that with the same text.
 */
final class LogsTagging {

    /** The text of TooManyTagsException's model description; the message AWS really sends is not verified. */
    static final String TOO_MANY = "A resource can have no more than 50 tags.";

    /** For CreateLogGroup and TagLogGroup. */
    static final TagErrors LOG_GROUP = errors(null);

    private LogsTagging() {
    }

    /** For TagResource, whose TooManyTagsException names the resource. */
    static TagErrors tagResource(String resourceArn) {
        return errors(resourceArn);
    }

    private static TagErrors errors(String resourceArn) {
        return new TagErrors() {
            @Override
            public RuntimeException invalid(TagRequest request, Set<TagRule> broken) {
                return TagRules.modelValidation(request, broken, "tags", LogsErrors::invalidParameter);
            }

            @Override
            public RuntimeException reservedKey(String key) {
                return LogsErrors.invalidParameter(TagRules.reservedKeyMessage(key));
            }

            @Override
            public RuntimeException tooMany(TagRequest request) {
                return resourceArn == null ? LogsErrors.invalidParameter(TOO_MANY)
                        : TooManyTagsException.builder().message(TOO_MANY).resourceName(resourceArn).build();
            }
        };
    }
}
