package dev.hangar.logs;

import dev.hangar.logs.domain.LogGroupRecord;

import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** The log groups of one account and region, sorted by name as DescribeLogGroups lists them. */
final class LogsRegion {

    private final LogsArns arns;
    private final ConcurrentNavigableMap<String, LogGroupRecord> groups = new ConcurrentSkipListMap<>();

    LogsRegion(String account, String region) {
        this.arns = new LogsArns(region, account);
    }

    LogsArns arns() {
        return arns;
    }

    ConcurrentNavigableMap<String, LogGroupRecord> groups() {
        return groups;
    }

    LogGroupRecord group(String name) {
        return groups.get(name);
    }

    /** The group, or ResourceNotFoundException as AWS words it. */
    LogGroupRecord require(String name) {
        LogGroupRecord group = name == null ? null : groups.get(name);
        if (group == null) {
            throw LogsErrors.groupNotFound();
        }
        return group;
    }

    /** Resolves the logGroupName / logGroupIdentifier pair that reading operations accept. */
    LogGroupRecord require(String logGroupName, String logGroupIdentifier) {
        if (logGroupName != null && logGroupIdentifier != null) {
            throw LogsErrors.invalidParameter("LogGroup name and LogGroup ARN are mutually exclusive parameters.");
        }
        if (logGroupName == null && logGroupIdentifier == null) {
            throw LogsErrors.invalidParameter("Should provide either name or ARN of the log group");
        }
        return require(logGroupName != null ? logGroupName : arns.groupName(logGroupIdentifier));
    }

    /** Adds the group unless one of that name exists; returns null when it did. */
    LogGroupRecord add(LogGroupRecord group) {
        return groups.putIfAbsent(group.name(), group) == null ? group : null;
    }

    LogGroupRecord groupOrCreate(String name, long now) {
        LogGroupRecord existing = groups.get(name);
        return existing != null ? existing
                : groups.computeIfAbsent(name, n -> new LogGroupRecord(n, arns, now, null, null, null));
    }

    boolean remove(String name) {
        return groups.remove(name) != null;
    }
}
