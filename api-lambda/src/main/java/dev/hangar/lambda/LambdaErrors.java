package dev.hangar.lambda;

import dev.hangar.core.service.AwsException;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.InvalidRequestContentException;
import software.amazon.awssdk.services.lambda.model.PreconditionFailedException;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

import java.util.Map;

/**
 * Lambda's errors with the texts AWS sends (AWS-FACTS.md, LocalStack's recordings of real AWS). Every Lambda error
 * body carries "Type": "User" except the front-end model validation (ValidationException).
 */
public final class LambdaErrors {

    public static final String USER = "User";

    private LambdaErrors() {
    }

    public static ResourceNotFoundException functionNotFound(String arn) {
        return ResourceNotFoundException.builder().type(USER).message("Function not found: " + arn).build();
    }

    public static ResourceNotFoundException resourceNotFound(String message) {
        return ResourceNotFoundException.builder().type(USER).message(message).build();
    }

    public static ResourceConflictException functionExists(String name) {
        return ResourceConflictException.builder().type(USER).message("Function already exist: " + name).build();
    }

    public static ResourceConflictException conflict(String message) {
        return ResourceConflictException.builder().type(USER).message(message).build();
    }

    /** An Update* while the previous update (or the creation) has not finished. */
    public static ResourceConflictException updateInProgress(String arn) {
        return conflict("The operation cannot be performed at this time. An update is in progress for resource: " + arn);
    }

    /** Invoke (or an update) of a function that is not Active yet, or Failed. */
    public static ResourceConflictException notInvocable(String state) {
        return conflict("The operation cannot be performed at this time. The function is currently in the following state: "
                + state);
    }

    public static InvalidParameterValueException invalidParameter(String message) {
        return InvalidParameterValueException.builder().type(USER).message(message).build();
    }

    public static PreconditionFailedException revisionMismatch() {
        return PreconditionFailedException.builder().type(USER).message("The Revision Id provided does not match the "
                + "latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id").build();
    }

    /** A request body Lambda cannot read, as AWS words it (the service's RequestErrors). */
    public static AwsException unreadableBody(String detail) {
        return new AwsException("InvalidRequestContentException", 400, true,
                "Could not parse request body into json: Could not parse payload into json: " + detail,
                Map.of("Type", USER));
    }

    public static InvalidRequestContentException invalidJson(String parserMessage) {
        return InvalidRequestContentException.builder().type(USER)
                .message("Could not parse request body into json: Could not parse payload into json: " + parserMessage)
                .build();
    }

    /**
     * AWS answers oversize requests with the error type RequestEntityTooLargeException (the SDK model calls its shape
     * RequestTooLargeException, but that is not what goes over the wire), status 413.
     */
    public static AwsException requestEntityTooLarge(String message) {
        return new AwsException("RequestEntityTooLargeException", 413, true, message, Map.of("Type", USER));
    }

    public static AwsException zippedTooLarge() {
        return requestEntityTooLarge("Zipped size must be smaller than " + LambdaLimits.CODE_SIZE_ZIPPED + " bytes");
    }

    public static InvalidParameterValueException unzippedTooLarge() {
        return invalidParameter("Unzipped size must be smaller than " + LambdaLimits.CODE_SIZE_UNZIPPED + " bytes");
    }

    public static InvalidParameterValueException badZip() {
        return invalidParameter("Could not unzip uploaded file. Please check your file, then try to upload again.");
    }
}
