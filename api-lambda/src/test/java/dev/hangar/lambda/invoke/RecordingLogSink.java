package dev.hangar.lambda.invoke;

import dev.hangar.core.port.LogSink;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every event as it was appended. */
final class RecordingLogSink implements LogSink {

    /** @param arrivedAt when the sink got it, epoch ms */
    record Entry(String account, String region, String group, String stream, LogEvent event, long arrivedAt) {
    }

    final List<Entry> entries = new CopyOnWriteArrayList<>();

    @Override
    public void append(String account, String region, String group, String stream, List<LogEvent> events) {
        long now = System.currentTimeMillis();
        events.forEach(e -> entries.add(new Entry(account, region, group, stream, e, now)));
    }

    List<String> messages(String group) {
        return entries.stream().filter(e -> e.group().equals(group)).map(e -> e.event().message()).toList();
    }

    /** All the group's messages joined, as a reader of the stream would see them. */
    String text(String group) {
        return String.join("", messages(group));
    }
}
