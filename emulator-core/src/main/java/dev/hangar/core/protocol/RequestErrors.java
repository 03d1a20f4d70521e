package dev.hangar.core.protocol;

import dev.hangar.core.service.AwsErrors;
import dev.hangar.core.service.AwsException;

/**
 * How a service reports a request body it cannot read (malformed JSON, a member of the wrong JSON type). Most AWS
 * services answer SerializationException; a service that words it otherwise (Lambda's
 * InvalidRequestContentException) says so on its {@link dev.hangar.core.service.ServiceDescriptor}.
 */
@FunctionalInterface
public interface RequestErrors {

    /** @param detail what was wrong, e.g. "Unexpected character ('}' (code 125)) at line 1, column 9" */
    AwsException unreadableBody(String detail);

    RequestErrors SERIALIZATION_EXCEPTION = AwsErrors::serialization;
}
