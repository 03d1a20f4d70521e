package dev.hangar.logs;

import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** The log groups of one account and region, sorted by name as DescribeLogGroups lists them. */
final class LogsRegion {

    private final LogsArns arns;
    private final ConcurrentNavigableMap<String, LogGroup> groups = new ConcurrentSkipListMap<>();

    LogsRegion(String account, String region) {
        this.arns = new LogsArns(region, account);
    }

    LogsArns arns() {
        return arns;
    }

    ConcurrentNavigableMap<String, LogGroup> groups() {
        return groups;
    }

    LogGroup group(String name) {
        return groups.get(name);
    }

    /** The group, or ResourceNotFoundException as AWS words it. */
    LogGroup require(String name) {
        LogGroup group = name == null ? null : groups.get(name);
        if (group == null) {
            throw LogsErrors.groupNotFound();
        }
        return group;
    }

    /** Resolves the logGroupName / logGroupIdentifier pair that reading operations accept. */
    LogGroup require(String logGroupName, String logGroupIdentifier) {
        if (logGroupName != null && logGroupIdentifier != null) {
            throw LogsErrors.invalidParameter("LogGroup name and LogGroup ARN are mutually exclusive parameters.");
        }
        if (logGroupName == null && logGroupIdentifier == null) {
            throw LogsErrors.invalidParameter("Should provide either name or ARN of the log group");
        }
        return require(logGroupName != null ? logGroupName : arns.groupName(logGroupIdentifier));
    }

    /** Adds the group unless one of that name exists; returns null when it did. */
    LogGroup add(LogGroup group) {
        return groups.putIfAbsent(group.name(), group) == null ? group : null;
    }

    LogGroup groupOrCreate(String name, long now) {
        LogGroup existing = groups.get(name);
        return existing != null ? existing
                : groups.computeIfAbsent(name, n -> new LogGroup(n, arns, now, null, null, null));
    }

    boolean remove(String name) {
        return groups.remove(name) != null;
    }
}
