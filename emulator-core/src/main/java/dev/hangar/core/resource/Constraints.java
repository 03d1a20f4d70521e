package dev.hangar.core.resource;

import java.util.Collection;

/**
 * The constraint texts of AWS's front-end validation, as it words them after "failed to satisfy constraint: ". They
 * come from the service model (length, range, pattern, enum), so they read the same in every service.
 */
public final class Constraints {

    private Constraints() {
    }

    public static String notNull() {
        return "Member must not be null";
    }

    public static String maxLength(long max) {
        return "Member must have length less than or equal to " + max;
    }

    public static String minLength(long min) {
        return "Member must have length greater than or equal to " + min;
    }

    public static String maxValue(long max) {
        return "Member must have value less than or equal to " + max;
    }

    public static String minValue(long min) {
        return "Member must have value greater than or equal to " + min;
    }

    /** @param shown the pattern as the model writes it, e.g. {@code [^\s]+} */
    public static String pattern(String shown) {
        return "Member must satisfy regular expression pattern: " + shown;
    }

    /** "Member must satisfy enum value set: [a, b]", the values in the order given. */
    public static String enumSet(Collection<?> values) {
        return "Member must satisfy enum value set: " + values;
    }

    /**
     * A map's keys or values as a whole: "Map keys must satisfy constraint: [c1, c2]" or "Map value must satisfy
     * constraint: [c1, c2]" (AWS's wording: "keys", but "value"), listing every constraint of the key or value shape.
     */
    public static String mapEntries(boolean keys, Collection<String> constraints) {
        return (keys ? "Map keys" : "Map value") + " must satisfy constraint: [" + String.join(", ", constraints) + "]";
    }
}
