package dev.hangar.logs;

import dev.hangar.core.resource.TagErrors;
import dev.hangar.core.resource.TagRules;
import software.amazon.awssdk.services.cloudwatchlogs.model.TooManyTagsException;

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
        return TagErrors.of((request, broken) -> TagRules.modelValidation(request, broken, "tags",
                        LogsErrors::invalidParameter),
                key -> LogsErrors.invalidParameter(TagRules.reservedKeyMessage(key)),
                request -> resourceArn == null ? LogsErrors.invalidParameter(TOO_MANY)
                        : TooManyTagsException.builder().message(TOO_MANY).resourceName(resourceArn).build());
    }
}
