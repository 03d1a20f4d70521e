package dev.hangar.logs;

import dev.hangar.core.resource.ResourceTags;
import dev.hangar.logs.domain.LogStreamRecord;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroupClass;

import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** A log group: its settings, tags and streams (kept sorted by name, as DescribeLogStreams lists them). */
final class LogGroup {

    private final String name;
    private final LogsArns arns;
    private final long creationTime;
    private final String kmsKeyId;
    private final String logGroupClass;
    private final Boolean deletionProtection;
    private final ConcurrentNavigableMap<String, LogStreamRecord> streams = new ConcurrentSkipListMap<>();
    private final ResourceTags tags = new ResourceTags();
    private volatile Integer retentionInDays;

    LogGroup(String name, LogsArns arns, long creationTime, String kmsKeyId, String logGroupClass,
             Boolean deletionProtection) {
        this.name = name;
        this.arns = arns;
        this.creationTime = creationTime;
        this.kmsKeyId = kmsKeyId;
        this.logGroupClass = logGroupClass == null ? LogGroupClass.STANDARD.toString() : logGroupClass;
        this.deletionProtection = deletionProtection;
    }

    String name() {
        return name;
    }

    /** The ARN without the trailing ":*", as tagging APIs and logGroupArn use it. */
    String arn() {
        return arns.logGroup(name);
    }

    ConcurrentNavigableMap<String, LogStreamRecord> streams() {
        return streams;
    }

    LogStreamRecord stream(String streamName) {
        return streams.get(streamName);
    }

    /** Creates the stream unless it exists; returns null when it already did. */
    LogStreamRecord createStream(String streamName, long now) {
        LogStreamRecord created = new LogStreamRecord(streamName, arns.logStream(name, streamName), now);
        return streams.putIfAbsent(streamName, created) == null ? created : null;
    }

    /** The stream, created on first use: what Lambda and the awslogs driver do. */
    LogStreamRecord streamOrCreate(String streamName, long now) {
        LogStreamRecord existing = streams.get(streamName);
        return existing != null ? existing
                : streams.computeIfAbsent(streamName, n -> new LogStreamRecord(n, arns.logStream(name, n), now));
    }

    Integer retentionInDays() {
        return retentionInDays;
    }

    void retentionInDays(Integer days) {
        this.retentionInDays = days;
    }

    ResourceTags tags() {
        return tags;
    }

    String logGroupClass() {
        return logGroupClass;
    }

    software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup toSdk() {
        long stored = 0;
        for (LogStreamRecord stream : streams.values()) {
            stored += stream.storedBytes();
        }
        return software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup.builder()
                .logGroupName(name)
                .creationTime(creationTime)
                .retentionInDays(retentionInDays)
                .metricFilterCount(0)
                .arn(arns.logGroupWildcard(name))
                .logGroupArn(arns.logGroup(name))
                .storedBytes(stored)
                .kmsKeyId(kmsKeyId)
                .logGroupClass(logGroupClass)
                .deletionProtectionEnabled(deletionProtection)
                .build();
    }
}
