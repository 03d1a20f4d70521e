package dev.hangar.logs;

import dev.hangar.core.resource.Constraints;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The constraints of the CloudWatch Logs model that AWS checks before anything else, reported one at a time, in the
 * kit's wording ({@link LogsErrors#validation()}).
 */
final class LogsValidation {

    private static final Pattern GROUP_NAME = Pattern.compile("[\\.\\-_/#A-Za-z0-9]+");
    private static final Pattern STREAM_NAME = Pattern.compile("[^:*]*");

    /** The values PutRetentionPolicy accepts (the model's enum of days). */
    static final List<Integer> RETENTION_DAYS = List.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545,
            731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

    private LogsValidation() {
    }

    static String groupName(String name, String member) {
        return name(name, member, GROUP_NAME, "[\\.\\-_/#A-Za-z0-9]+");
    }

    static String streamName(String name, String member) {
        return name(name, member, STREAM_NAME, "[^:*]*");
    }

    private static String name(String name, String member, Pattern pattern, String shown) {
        if (name == null) {
            throw LogsErrors.validation().missing(member).error();
        }
        // one failure at a time, the length first, as Hangar has always answered
        LogsErrors.validation().length(name, member, 1, 512).throwIfAny();
        LogsErrors.validation().pattern(name, member, pattern, shown).throwIfAny();
        return name;
    }

    /** A page size: the default when absent, else within [1, max]. */
    static int limit(Integer limit, int max) {
        if (limit == null) {
            return max;
        }
        LogsErrors.validation().range(limit, "limit", 1, max).throwIfAny();
        return limit;
    }

    static int retentionInDays(Integer days) {
        if (days == null) {
            throw LogsErrors.validation().missing("retentionInDays").error();
        }
        if (!RETENTION_DAYS.contains(days)) {
            throw LogsErrors.validation().fail(days, "retentionInDays", Constraints.enumSet(RETENTION_DAYS)).error();
        }
        return days;
    }
}
