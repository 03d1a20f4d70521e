package dev.hangar.ssm;

import dev.hangar.core.resource.Validation;
import software.amazon.awssdk.services.ssm.model.HierarchyLevelLimitExceededException;
import software.amazon.awssdk.services.ssm.model.InvalidAllowedPatternException;
import software.amazon.awssdk.services.ssm.model.InvalidFilterKeyException;
import software.amazon.awssdk.services.ssm.model.InvalidFilterOptionException;
import software.amazon.awssdk.services.ssm.model.InvalidFilterValueException;
import software.amazon.awssdk.services.ssm.model.InvalidNextTokenException;
import software.amazon.awssdk.services.ssm.model.InvalidResourceIdException;
import software.amazon.awssdk.services.ssm.model.InvalidResourceTypeException;
import software.amazon.awssdk.services.ssm.model.ParameterAlreadyExistsException;
import software.amazon.awssdk.services.ssm.model.ParameterMaxVersionLimitExceededException;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.ParameterPatternMismatchException;
import software.amazon.awssdk.services.ssm.model.ParameterVersionLabelLimitExceededException;
import software.amazon.awssdk.services.ssm.model.ParameterVersionNotFoundException;
import software.amazon.awssdk.services.ssm.model.TooManyTagsErrorException;
import software.amazon.awssdk.services.ssm.model.ValidationException;

/**
 * Parameter Store's errors with AWS's messages. Which texts are verified against AWS answers, and which follow the
 * model's descriptions, is in docs/ssm.md. Front-end validation ("1 validation error detected: ...") is a
 * ValidationException, as the front end's default is.
 */
final class SsmErrors {

    private SsmErrors() {
    }

    static ValidationException validation(String message) {
        return ValidationException.builder().message(message).build();
    }

    /** AWS's model validation, all broken constraints at once, as a ValidationException. */
    static Validation<ValidationException> validation() {
        return new Validation<>(SsmErrors::validation);
    }

    static ParameterNotFoundException notFound(String name) {
        return ParameterNotFoundException.builder().message("Parameter " + name + " not found.").build();
    }

    static ParameterVersionNotFoundException versionNotFound(String name, String version) {
        return ParameterVersionNotFoundException.builder()
                .message("Systems Manager could not find version " + version + " of " + name
                        + ". Verify the version and try again.").build();
    }

    static ParameterAlreadyExistsException alreadyExists() {
        return ParameterAlreadyExistsException.builder().message("The parameter already exists. To overwrite this "
                + "value, set the overwrite option in the request to true.").build();
    }

    static ParameterMaxVersionLimitExceededException maxVersions(String name, long oldest) {
        return ParameterMaxVersionLimitExceededException.builder().message("You attempted to create a new version of "
                + name + " by calling the PutParameter API with the overwrite flag. Version " + oldest
                + ", the oldest version, can't be deleted because it has a label associated with it. Move the label "
                + "to another version of the parameter, and try again.").build();
    }

    static ParameterPatternMismatchException patternMismatch(String allowedPattern) {
        return ParameterPatternMismatchException.builder()
                .message("Parameter value, cannot be validated against allowedPattern: " + allowedPattern).build();
    }

    static InvalidAllowedPatternException invalidAllowedPattern() {
        return InvalidAllowedPatternException.builder()
                .message("The request doesn't meet the regular expression requirement.").build();
    }

    static HierarchyLevelLimitExceededException hierarchyTooDeep() {
        return HierarchyLevelLimitExceededException.builder()
                .message("A hierarchy can have a maximum of 15 levels. For more information, see Requirements and "
                        + "constraints for parameter names in the Amazon Web Services Systems Manager User Guide.")
                .build();
    }

    static ParameterVersionLabelLimitExceededException tooManyLabels() {
        return ParameterVersionLabelLimitExceededException.builder().message("A parameter version can have maximum "
                + "10 labels. Move one or more labels to another version and try again.").build();
    }

    static InvalidFilterKeyException invalidFilterKey(String message) {
        return InvalidFilterKeyException.builder().message(message).build();
    }

    static InvalidFilterOptionException invalidFilterOption(String message) {
        return InvalidFilterOptionException.builder().message(message).build();
    }

    static InvalidFilterValueException invalidFilterValue(String message) {
        return InvalidFilterValueException.builder().message(message).build();
    }

    static InvalidNextTokenException invalidNextToken() {
        return InvalidNextTokenException.builder().message("The specified token isn't valid.").build();
    }

    /** AWS's model gives InvalidResourceId no message member; it answers the code alone. */
    static InvalidResourceIdException invalidResourceId() {
        return InvalidResourceIdException.builder().build();
    }

    static InvalidResourceTypeException invalidResourceType() {
        return InvalidResourceTypeException.builder().build();
    }

    static TooManyTagsErrorException tooManyTags() {
        return TooManyTagsErrorException.builder().build();
    }
}
