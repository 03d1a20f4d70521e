package dev.hangar.core.resource;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * AWS's rules for tags, the same in every service that tags (its API references' "basic restrictions"): at most 50
 * user tags per resource, keys of 1 to 128 and values of 0 to 256 Unicode characters, letters, numbers, spaces and
 * _ . : / = + - @ only, and the "aws:" prefix reserved in any case. Tags with that prefix would not count towards the
 * 50, as AWS says; no request may set them, so only Hangar itself could.
 */
public final class TagRules {

    public static final int MAX_USER_TAGS = 50;
    public static final int MAX_KEY_LENGTH = 128;
    public static final int MAX_VALUE_LENGTH = 256;
    public static final String RESERVED_PREFIX = "aws:";

    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");
    /** The patterns as the models of CloudWatch Logs and Lambda print them in validation messages. */
    static final String KEY_PATTERN = "^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+)$";
    static final String VALUE_PATTERN = "^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$";

    private TagRules() {
    }

    /**
     * Checks a request's tags as AWS does, model rules first (all at once), then the reserved prefix.
     *
     * @throws RuntimeException the service's error from {@code errors}
     */
    public static void check(TagRequest request, TagErrors errors) {
        Set<TagRule> broken = broken(request);
        if (!errors.modelLimitsCount()) {
            broken.remove(TagRule.TOO_MANY_IN_REQUEST); // left to the resource's limit
        }
        if (!broken.isEmpty()) {
            throw errors.invalid(request, broken);
        }
        for (Map.Entry<String, String> e : request.entries()) {
            if (reserved(e.getKey())) {
                throw errors.reservedKey(e.getKey());
            }
        }
    }

    /**
     * Checks the tags a resource is created with (CreateFunction, CreateLogGroup ...): {@link #check}, and the limit
     * of 50 user tags, which a resource that has none yet reaches with the request's own tags alone.
     */
    public static void checkOnCreate(TagRequest request, TagErrors errors) {
        check(request, errors);
        if (userTags(request.asMap().keySet()) > MAX_USER_TAGS) {
            throw errors.tooMany(request);
        }
    }

    /** The model rules the request breaks; empty when none. */
    public static Set<TagRule> broken(TagRequest request) {
        Set<TagRule> broken = EnumSet.noneOf(TagRule.class);
        if (request.size() > MAX_USER_TAGS) {
            broken.add(TagRule.TOO_MANY_IN_REQUEST);
        }
        for (Map.Entry<String, String> e : request.entries()) {
            String key = e.getKey() == null ? "" : e.getKey();
            String value = e.getValue() == null ? "" : e.getValue();
            int keyLength = key.codePointCount(0, key.length());
            if (keyLength < 1 || keyLength > MAX_KEY_LENGTH) {
                broken.add(TagRule.KEY_LENGTH);
            }
            if (!ALLOWED.matcher(key).matches()) {
                broken.add(TagRule.KEY_CHARACTERS);
            }
            if (value.codePointCount(0, value.length()) > MAX_VALUE_LENGTH) {
                broken.add(TagRule.VALUE_LENGTH);
            }
            if (!ALLOWED.matcher(value).matches()) {
                broken.add(TagRule.VALUE_CHARACTERS);
            }
        }
        return broken;
    }

    /**
     * Hangar's wording for a key in the reserved prefix, for services whose own text is not known. AWS's API
     * references state the rule, not the message.
     */
    public static String reservedKeyMessage(String key) {
        return "Tag keys may not start with 'aws:': that prefix is reserved.";
    }

    /** Whether a key is in AWS's reserved name space. */
    public static boolean reserved(String key) {
        return key != null && key.toLowerCase(Locale.ROOT).startsWith(RESERVED_PREFIX);
    }

    /**
     * The broken rules as AWS's front end words them for a map member such as Lambda's and CloudWatch Logs' "tags":
     * "Value '{a=1}' at 'tags' failed to satisfy constraint: Map keys must satisfy constraint: [Member must have length
     * less than or equal to 128, Member must have length greater than or equal to 1, Member must satisfy regular
     * expression pattern: ...]", the value constraints likewise ("Map value ..."), and the count as the member's length.
     */
    public static <E extends RuntimeException> E modelValidation(TagRequest request, Set<TagRule> broken,
                                                                 String member, ValidationErrors<E> errors) {
        Validation<E> validation = new Validation<>(errors);
        if (broken.contains(TagRule.KEY_LENGTH) || broken.contains(TagRule.KEY_CHARACTERS)) {
            validation.fail(request.shown(), member, Constraints.mapEntries(true, List.of(
                    Constraints.maxLength(MAX_KEY_LENGTH), Constraints.minLength(1),
                    Constraints.pattern(KEY_PATTERN))));
        }
        if (broken.contains(TagRule.VALUE_LENGTH) || broken.contains(TagRule.VALUE_CHARACTERS)) {
            validation.fail(request.shown(), member, Constraints.mapEntries(false, List.of(
                    Constraints.maxLength(MAX_VALUE_LENGTH), Constraints.minLength(0),
                    Constraints.pattern(VALUE_PATTERN))));
        }
        if (broken.contains(TagRule.TOO_MANY_IN_REQUEST)) {
            validation.fail(request.shown(), member, Constraints.maxLength(MAX_USER_TAGS));
        }
        return validation.error();
    }

    /** How many of the tags count towards the limit (those outside the reserved prefix). */
    static int userTags(Iterable<String> keys) {
        int n = 0;
        for (String key : keys) {
            if (!reserved(key)) {
                n++;
            }
        }
        return n;
    }

    /** The keys of the request the resource does not carry yet, in request order. */
    static List<String> newKeys(TagRequest request, Map<String, String> current) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> e : request.entries()) {
            if (!current.containsKey(e.getKey()) && !out.contains(e.getKey())) {
                out.add(e.getKey());
            }
        }
        return out;
    }
}
