package dev.hangar.logs;

import java.util.List;
import java.util.regex.Pattern;

/** The constraints of the CloudWatch Logs model that AWS checks before anything else. */
final class LogsValidation {

    private static final Pattern GROUP_NAME = Pattern.compile("[\\.\\-_/#A-Za-z0-9]+");
    private static final Pattern STREAM_NAME = Pattern.compile("[^:*]*");

    /** The values PutRetentionPolicy accepts (the model's enum of days). */
    static final List<Integer> RETENTION_DAYS = List.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545,
            731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

    private LogsValidation() {
    }

    static String groupName(String name, String member) {
        if (name == null) {
            throw LogsErrors.missing(member);
        }
        length(name, member, 1, 512);
        if (!GROUP_NAME.matcher(name).matches()) {
            throw LogsErrors.validation(name, member,
                    "Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+");
        }
        return name;
    }

    static String streamName(String name, String member) {
        if (name == null) {
            throw LogsErrors.missing(member);
        }
        length(name, member, 1, 512);
        if (!STREAM_NAME.matcher(name).matches()) {
            throw LogsErrors.validation(name, member, "Member must satisfy regular expression pattern: [^:*]*");
        }
        return name;
    }

    static void length(String value, String member, int min, int max) {
        if (value.length() < min) {
            throw LogsErrors.validation(value, member,
                    "Member must have length greater than or equal to " + min);
        }
        if (value.length() > max) {
            throw LogsErrors.validation(value, member, "Member must have length less than or equal to " + max);
        }
    }

    /** A page size: the default when absent, else within [1, max]. */
    static int limit(Integer limit, int max) {
        if (limit == null) {
            return max;
        }
        if (limit < 1) {
            throw LogsErrors.validation(limit, "limit", "Member must have value greater than or equal to 1");
        }
        if (limit > max) {
            throw LogsErrors.validation(limit, "limit", "Member must have value less than or equal to " + max);
        }
        return limit;
    }

    static int retentionInDays(Integer days) {
        if (days == null) {
            throw LogsErrors.missing("retentionInDays");
        }
        if (!RETENTION_DAYS.contains(days)) {
            throw LogsErrors.validation(days, "retentionInDays",
                    "Member must satisfy enum value set: " + RETENTION_DAYS);
        }
        return days;
    }
}
