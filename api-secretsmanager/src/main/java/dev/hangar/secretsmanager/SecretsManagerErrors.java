package dev.hangar.secretsmanager;

import dev.hangar.core.resource.Validation;
import dev.hangar.core.service.AwsErrors;
import dev.hangar.core.service.AwsException;
import software.amazon.awssdk.services.secretsmanager.model.InvalidNextTokenException;
import software.amazon.awssdk.services.secretsmanager.model.InvalidParameterException;
import software.amazon.awssdk.services.secretsmanager.model.InvalidRequestException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * Secrets Manager's errors with AWS's messages (docs/secretsmanager.md says which are seen from AWS and which are
 * Hangar's). Model validation is the front end's ValidationException, which the SDK does not model.
 */
final class SecretsManagerErrors {

    /** AWS's text for a name, or a SecretId that is not an ARN, with a character outside its set. */
    static final String INVALID_NAME =
            "Invalid name. Must be a valid name containing alphanumeric characters, or any of the following: -/_+=.@!";

    private SecretsManagerErrors() {
    }

    static ResourceNotFoundException secretNotFound() {
        return ResourceNotFoundException.builder().message("Secrets Manager can't find the specified secret.").build();
    }

    static ResourceNotFoundException noValueForStage(String stage) {
        return ResourceNotFoundException.builder()
                .message("Secrets Manager can't find the specified secret value for staging label: " + stage).build();
    }

    static ResourceNotFoundException noValueForVersion(String versionId) {
        return ResourceNotFoundException.builder()
                .message("Secrets Manager can't find the specified secret value for VersionId: " + versionId).build();
    }

    static InvalidRequestException stageNotOnVersion() {
        return invalidRequest("You provided a VersionStage that is not associated to the provided VersionId.");
    }

    static InvalidRequestException markedForDeletion() {
        return invalidRequest("You can't perform this operation on the secret because it was marked for deletion.");
    }

    static InvalidRequestException nameScheduledForDeletion() {
        return invalidRequest(
                "You can't create this secret because a secret with this name is already scheduled for deletion.");
    }

    static ResourceExistsException secretExists(String name) {
        return ResourceExistsException.builder()
                .message("The operation failed because the secret " + name + " already exists.").build();
    }

    static ResourceExistsException versionExists() {
        return ResourceExistsException.builder()
                .message("You can't modify an existing version, you can only create a new version.").build();
    }

    static InvalidParameterException bothValues() {
        return invalidParameter(
                "You can't specify both a binary secret value and a string secret value in the same secret.");
    }

    static InvalidRequestException noValue() {
        return invalidRequest("You must provide either SecretString or SecretBinary.");
    }

    static InvalidParameterException invalidParameter(String message) {
        return InvalidParameterException.builder().message(message).build();
    }

    static InvalidRequestException invalidRequest(String message) {
        return InvalidRequestException.builder().message(message).build();
    }

    static InvalidNextTokenException invalidToken() {
        return InvalidNextTokenException.builder().message("Invalid NextToken value.").build();
    }

    static AwsException validationMessage(String message) {
        return AwsErrors.validation(message);
    }

    /** AWS's front-end validation ("1 validation error detected: ..."), a ValidationException. */
    static Validation<AwsException> validation() {
        return new Validation<>(AwsErrors::validation);
    }
}
