package dev.hangar.logs;

import dev.hangar.core.state.Arns;

/** CloudWatch Logs ARNs of one account and region. */
record LogsArns(String account, String region) {

    /** arn:aws:logs:r:a:log-group:NAME — the logGroupArn member and what tagging takes. */
    String logGroup(String name) {
        return Arns.of("logs", region, account, "log-group:" + name);
    }

    /** arn:aws:logs:r:a:log-group:NAME:* — the older "arn" member, as IAM policies name a group's streams. */
    String logGroupWildcard(String name) {
        return logGroup(name) + ":*";
    }

    String logStream(String group, String stream) {
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
        Arns.Parsed arn = Arns.parse(identifier);
        if (arn == null || !"logs".equals(arn.service()) || !arn.resource().startsWith("log-group:")) {
            throw LogsErrors.invalidParameter("Invalid ARN: " + identifier);
        }
        if (!region.equals(arn.region()) || !account.equals(arn.account())) {
            return null;
        }
        String name = arn.resource().substring("log-group:".length());
        return name.endsWith(":*") ? name.substring(0, name.length() - 2) : name;
    }
}
