package dev.hangar.core.service;

/** The errors every service shares, with AWS's codes, statuses and message forms. */
public final class AwsErrors {

    private AwsErrors() {
    }

    /** AWS's front-end model validation, e.g. "1 validation error detected: Value null at 'cluster' failed ...". */
    public static AwsException validation(String message) {
        return new AwsException("ValidationException", 400, message);
    }

    public static AwsException missingMember(String memberName) {
        return validation("1 validation error detected: Value null at '" + lowerFirst(memberName)
                + "' failed to satisfy constraint: Member must not be null");
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

    static String lowerFirst(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
