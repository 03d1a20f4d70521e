package dev.hangar.logs;

import dev.hangar.core.protocol.RequestErrors;
import dev.hangar.core.resource.Validation;
import dev.hangar.core.service.AwsErrors;
import dev.hangar.core.service.AwsException;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/** CloudWatch Logs' errors with AWS's messages. CloudWatch Logs reports model validation as InvalidParameter. */
final class LogsErrors {

    /**
     * How the front end rejects a request: an unreadable body is a SerializationException as elsewhere, but a missing
     * required member (checked by core from {@link LogsFacts}) is an InvalidParameterException, like every other
     * model validation of CloudWatch Logs.
     */
    static final RequestErrors REQUEST_ERRORS = new RequestErrors() {
        @Override
        public AwsException unreadableBody(String detail) {
            return AwsErrors.serialization(detail);
        }

        @Override
        public AwsException invalidInput(String message) {
            return new AwsException("InvalidParameterException", 400, message);
        }
    };

    private LogsErrors() {
    }

    static ResourceNotFoundException groupNotFound() {
        return ResourceNotFoundException.builder().message("The specified log group does not exist.").build();
    }

    static ResourceNotFoundException streamNotFound() {
        return ResourceNotFoundException.builder().message("The specified log stream does not exist.").build();
    }

    static ResourceAlreadyExistsException groupExists() {
        return ResourceAlreadyExistsException.builder().message("The specified log group already exists").build();
    }

    static ResourceAlreadyExistsException streamExists() {
        return ResourceAlreadyExistsException.builder().message("The specified log stream already exists").build();
    }

    static InvalidParameterException invalidParameter(String message) {
        return InvalidParameterException.builder().message(message).build();
    }

    /** AWS's front-end validation ("1 validation error detected: ..."), as CloudWatch Logs throws it. */
    static Validation<InvalidParameterException> validation() {
        return new Validation<>(LogsErrors::invalidParameter);
    }

    static InvalidParameterException invalidToken() {
        return invalidParameter("The specified nextToken is invalid.");
    }
}
