package dev.hangar.lambda;

import dev.hangar.core.service.AwsErrors;

import java.util.ArrayList;
import java.util.List;

/**
 * AWS's front-end model validation, which reports every violated constraint of a request at once:
 * "2 validation errors detected: Value '3000' at 'timeout' failed to satisfy constraint: ...; Value ...".
 */
final class ValidationErrors {

    private final List<String> errors = new ArrayList<>();

    void add(Object value, String member, String constraint) {
        String shown = value == null ? "null" : "'" + value + "'";
        errors.add("Value " + shown + " at '" + member + "' failed to satisfy constraint: " + constraint);
    }

    /** AWS leaves out the value where it could be sensitive (environment variables). */
    void addWithoutValue(String member, String constraint) {
        errors.add("Value at '" + member + "' failed to satisfy constraint: " + constraint);
    }

    void range(Integer value, String member, long min, long max) {
        if (value == null) {
            return;
        }
        if (value < min) {
            add(value, member, "Member must have value greater than or equal to " + min);
        } else if (value > max) {
            add(value, member, "Member must have value less than or equal to " + max);
        }
    }

    void maxLength(String value, String member, int max) {
        if (value != null && value.length() > max) {
            add(value, member, "Member must have length less than or equal to " + max);
        }
    }

    void throwIfAny() {
        if (errors.isEmpty()) {
            return;
        }
        String count = errors.size() == 1 ? "1 validation error detected: " : errors.size() + " validation errors detected: ";
        throw AwsErrors.validation(count + String.join("; ", errors));
    }
}
