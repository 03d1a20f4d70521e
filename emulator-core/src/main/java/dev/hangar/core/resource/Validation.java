package dev.hangar.core.resource;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.LongFunction;
import java.util.regex.Pattern;

/**
 * AWS's front-end model validation, which reports every broken constraint of a request at once: "2 validation errors
 * detected: Value '3000' at 'timeout' failed to satisfy constraint: ...; Value null at 'role' failed to satisfy
 * constraint: Member must not be null". Collect the failures, then {@link #throwIfAny()} throws the service's own
 * error ({@link ValidationErrors}) with that text. Member names are given as AWS writes them (lower camel case,
 * dotted paths such as "ephemeralStorage.size" or "logEvents.1.member.message").
 */
public final class Validation<E extends RuntimeException> {

    private final ValidationErrors<E> errors;
    private final List<String> failures = new ArrayList<>(2);

    public Validation(ValidationErrors<E> errors) {
        this.errors = errors;
    }

    /** "Value 'x' at 'member' failed to satisfy constraint: ..." ("Value null at" when the value is null). */
    public Validation<E> fail(Object value, String member, String constraint) {
        String shown = value == null ? "null" : "'" + value + "'";
        failures.add("Value " + shown + " at '" + member + "' failed to satisfy constraint: " + constraint);
        return this;
    }

    /** "Value at 'member' failed ...": AWS leaves the value out where it could be sensitive or too large. */
    public Validation<E> failWithoutValue(String member, String constraint) {
        failures.add("Value at '" + member + "' failed to satisfy constraint: " + constraint);
        return this;
    }

    /** A required member that is absent. */
    public Validation<E> missing(String member) {
        return fail(null, member, Constraints.notNull());
    }

    /** A number outside [min, max]; nothing when the value is absent. */
    public Validation<E> range(Number value, String member, long min, long max) {
        return value == null ? this
                : within(value, value.longValue(), member, min, max, Constraints::minValue, Constraints::maxValue);
    }

    /** A text shorter than min or longer than max (in UTF-16 units, as the model counts); nothing when absent. */
    public Validation<E> length(String value, String member, int min, int max) {
        return value == null ? this
                : within(value, value.length(), member, min, max, Constraints::minLength, Constraints::maxLength);
    }

    private Validation<E> within(Object value, long measure, String member, long min, long max,
                                 LongFunction<String> below, LongFunction<String> above) {
        if (measure < min) {
            fail(value, member, below.apply(min));
        } else if (measure > max) {
            fail(value, member, above.apply(max));
        }
        return this;
    }

    /** A text the whole pattern does not match; nothing when absent. */
    public Validation<E> pattern(String value, String member, Pattern pattern, String shown) {
        if (value != null && !pattern.matcher(value).matches()) {
            fail(value, member, Constraints.pattern(shown));
        }
        return this;
    }

    /** A text that is none of the allowed values; nothing when absent. */
    public Validation<E> oneOf(String value, String member, Collection<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            fail(value, member, Constraints.enumSet(allowed));
        }
        return this;
    }

    public boolean failed() {
        return !failures.isEmpty();
    }

    /** "1 validation error detected: ..." or "N validation errors detected: ...; ...". */
    public String message() {
        String count = failures.size() == 1 ? "1 validation error detected: "
                : failures.size() + " validation errors detected: ";
        return count + String.join("; ", failures);
    }

    /** The service's error for what failed so far; only when something did. */
    public E error() {
        if (failures.isEmpty()) {
            throw new IllegalStateException("nothing failed validation");
        }
        return errors.error(message());
    }

    public void throwIfAny() {
        if (!failures.isEmpty()) {
            throw error();
        }
    }
}
