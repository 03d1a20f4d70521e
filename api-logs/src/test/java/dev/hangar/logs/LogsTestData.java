package dev.hangar.logs;

import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Names, groups, streams and events the tests make. Every test uses its own group names, so the tests of a class
 * share one Hangar's state without interfering.
 */
final class LogsTestData {

    static final String ACCOUNT = "000000000000";
    static final String REGION = "us-east-1";
    private static final AtomicInteger NAMES = new AtomicInteger();

    private LogsTestData() {
    }

    /** A group name no other test uses. */
    static String unique(String base) {
        return base + "-" + NAMES.incrementAndGet() + "-" + Long.toHexString(System.nanoTime());
    }

    static String newGroup(CloudWatchLogsClient client, String base) {
        String name = unique(base);
        client.createLogGroup(b -> b.logGroupName(name));
        return name;
    }

    static void newStream(CloudWatchLogsClient client, String group, String stream) {
        client.createLogStream(b -> b.logGroupName(group).logStreamName(stream));
    }

    static InputLogEvent event(long timestamp, String message) {
        return InputLogEvent.builder().timestamp(timestamp).message(message).build();
    }

    /** n events "prefix-0" .. "prefix-(n-1)", one millisecond apart from start. */
    static List<InputLogEvent> events(long start, int n, String prefix) {
        List<InputLogEvent> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(event(start + i, prefix + "-" + i));
        }
        return out;
    }

    static void put(CloudWatchLogsClient client, String group, String stream, List<InputLogEvent> events) {
        client.putLogEvents(b -> b.logGroupName(group).logStreamName(stream).logEvents(events));
    }
}
