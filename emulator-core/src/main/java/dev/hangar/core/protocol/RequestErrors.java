package dev.hangar.core.protocol;

import dev.hangar.core.service.AwsErrors;
import dev.hangar.core.service.AwsException;

/**
 * How a service reports a request its front end rejects before any handler: a body it cannot read (malformed JSON,
 * a member of the wrong JSON type) and input that fails the model's validation (a required member missing). Most
 * AWS services answer SerializationException and ValidationException; a service that words them otherwise (Lambda's
 * InvalidRequestContentException, CloudWatch Logs' InvalidParameterException) says so on its
 * {@link dev.hangar.core.service.ServiceDescriptor}.
 */
@FunctionalInterface
public interface RequestErrors {

    /** @param detail what was wrong, e.g. "Unexpected character ('}' (code 125)) at line 1, column 9" */
    AwsException unreadableBody(String detail);

    /**
     * @param message AWS's validation text, e.g. "1 validation error detected: Value null at 'role' failed to satisfy
     *                constraint: Member must not be null"
     */
    default AwsException invalidInput(String message) {
        return AwsErrors.validation(message);
    }

    RequestErrors SERIALIZATION_EXCEPTION = AwsErrors::serialization;
}
