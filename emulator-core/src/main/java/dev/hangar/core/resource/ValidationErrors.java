package dev.hangar.core.resource;

/**
 * The error a service throws for AWS's front-end validation message. Most services answer ValidationException
 * ({@code AwsErrors::validation}); CloudWatch Logs answers InvalidParameterException with the same text.
 */
@FunctionalInterface
public interface ValidationErrors<E extends RuntimeException> {

    /** @param message "1 validation error detected: Value 'x' at 'member' failed to satisfy constraint: ..." */
    E error(String message);
}
