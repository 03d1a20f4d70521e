package dev.hangar.core.service;

import dev.hangar.core.resource.Validation;

/** The errors every service shares, with AWS's codes, statuses and message forms. */
public final class AwsErrors {

    private AwsErrors() {
    }

    /** AWS's front-end model validation, e.g. "1 validation error detected: Value null at 'cluster' failed ...". */
    public static AwsException validation(String message) {
        return new AwsException("ValidationException", 400, message);
    }

    /** A required member that is absent, named as the model names it ("Cluster" is reported as 'cluster'). */
    public static AwsException missingMember(String memberName) {
        return new Validation<>(AwsErrors::validation).missing(lowerFirst(memberName)).error();
    }

    public static AwsException serialization(String message) {
        return new AwsException("SerializationException", 400, message);
    }

    public static AwsException unknownOperation(String message) {
        return new AwsException("UnknownOperationException", 400, message);
    }

    public static AwsException notImplemented(String service, String operation) {
        return new AwsException("NotImplemented", 501, false,
                "not implemented in Hangar: " + service + ":" + operation, java.util.Map.of());
    }

    public static AwsException internal(String message) {
        return new AwsException("InternalFailure", 500, false, message, java.util.Map.of());
    }

    /** AWS's validation messages name members in lower camel case, whatever the model's case. */
    public static String lowerFirst(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
