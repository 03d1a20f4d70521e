package dev.hangar.core.protocol;

import dev.hangar.core.service.AwsErrors;
import dev.hangar.core.service.AwsException;

import java.util.Map;

/**
 * How a service reports a request body it cannot read (malformed JSON, a member of the wrong JSON type). Most AWS
 * services answer SerializationException; Lambda answers InvalidRequestContentException. One place to override per
 * service: {@link ServiceModel#withRequestErrors(RequestErrors)}.
 */
@FunctionalInterface
public interface RequestErrors {

    /** @param detail what was wrong, e.g. "Unexpected character ('}' (code 125)) at line 1, column 9" */
    AwsException unreadableBody(String detail);

    RequestErrors SERIALIZATION_EXCEPTION = AwsErrors::serialization;

    /** Lambda's wording, as recorded against AWS. */
    RequestErrors LAMBDA = detail -> new AwsException("InvalidRequestContentException", 400, true,
            "Could not parse request body into json: Could not parse payload into json: " + detail,
            Map.of("Type", "User"));

    /** The wording AWS uses for that service (by Hangar's service name). */
    static RequestErrors forService(String serviceName) {
        return "lambda".equals(serviceName) ? LAMBDA : SERIALIZATION_EXCEPTION;
    }
}
