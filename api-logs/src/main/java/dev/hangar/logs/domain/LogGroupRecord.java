package dev.hangar.logs.domain;

import dev.hangar.core.resource.ResourceTags;
import dev.hangar.logs.LogsArns;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroupClass;

import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** A log group: its settings, tags and streams (kept sorted by name, as DescribeLogStreams lists them). */
public final class LogGroupRecord {

    private final String name;
    private final LogsArns arns;
    private final long creationTime;
    private final String kmsKeyId;
    private final String logGroupClass;
    private final Boolean deletionProtection;
    private final ConcurrentNavigableMap<String, LogStreamRecord> streams = new ConcurrentSkipListMap<>();
    private final ResourceTags tags = new ResourceTags();
    private volatile Integer retentionInDays;

    public LogGroupRecord(String name, LogsArns arns, long creationTime, String kmsKeyId, String logGroupClass,
                          Boolean deletionProtection) {
        this.name = name;
        this.arns = arns;
        this.creationTime = creationTime;
        this.kmsKeyId = kmsKeyId;
        this.logGroupClass = logGroupClass == null ? LogGroupClass.STANDARD.toString() : logGroupClass;
        this.deletionProtection = deletionProtection;
    }

    public String name() {
        return name;
    }

    /** The ARN without the trailing ":*", as tagging APIs and logGroupArn use it. */
    String arn() {
        return arns.logGroup(name);
    }

    public ConcurrentNavigableMap<String, LogStreamRecord> streams() {
        return streams;
    }

    public LogStreamRecord stream(String streamName) {
        return streams.get(streamName);
    }

    /** Creates the stream unless it exists; returns null when it already did. */
    public LogStreamRecord createStream(String streamName, long now) {
        LogStreamRecord created = new LogStreamRecord(streamName, arns.logStream(name, streamName), now);
        return streams.putIfAbsent(streamName, created) == null ? created : null;
    }

    /** The stream, created on first use: what Lambda and the awslogs driver do. */
    public LogStreamRecord streamOrCreate(String streamName, long now) {
        LogStreamRecord existing = streams.get(streamName);
        return existing != null ? existing
                : streams.computeIfAbsent(streamName, n -> new LogStreamRecord(n, arns.logStream(name, n), now));
    }

    public Integer retentionInDays() {
        return retentionInDays;
    }

    public void retentionInDays(Integer days) {
        this.retentionInDays = days;
    }

    public ResourceTags tags() {
        return tags;
    }

    public String logGroupClass() {
        return logGroupClass;
    }

    public LogGroup toSdk() {
        long stored = 0;
        for (LogStreamRecord stream : streams.values()) {
            stored += stream.storedBytes();
        }
        return LogGroup.builder()
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
