package dev.hangar.logs;

import dev.hangar.core.resource.Arn;
import dev.hangar.core.resource.ArnScope;

/** CloudWatch Logs' ARN formats in one account and region, and the group identifiers that take a name or an ARN. */
public final class LogsArns {

    private final ArnScope scope;

    LogsArns(String region, String account) {
        this.scope = ArnScope.of("logs", region, account);
    }

    /** arn:aws:logs:r:a:log-group:NAME — the logGroupArn member and what tagging takes. */
    public String logGroup(String name) {
        return scope.arn("log-group:" + name);
    }

    /** arn:aws:logs:r:a:log-group:NAME:* — the older "arn" member, as IAM policies name a group's streams. */
    public String logGroupWildcard(String name) {
        return logGroup(name) + ":*";
    }

    public String logStream(String group, String stream) {
        return logGroup(group) + ":log-stream:" + stream;
    }

    /**
     * The group name in a logGroupIdentifier: a name, or an ARN with or without ":*". Returns null when the
     * identifier is an ARN of another account or region (which Hangar does not share across).
     */
    String groupName(String identifier) {
        if (!identifier.startsWith("arn:")) {
            return identifier;
        }
        Arn arn = Arn.parse(identifier);
        if (arn == null || !"logs".equals(arn.service()) || !arn.resource().startsWith("log-group:")) {
            throw LogsErrors.invalidParameter("Invalid ARN: " + identifier);
        }
        String name = scope.resourceOf(identifier, "log-group:");
        if (name == null) {
            return null;
        }
        return name.endsWith(":*") ? name.substring(0, name.length() - 2) : name;
    }
}
