package dev.hangar.ecs;

import dev.hangar.core.port.LogSink;

import java.util.ArrayList;
import java.util.List;

/** A LogSink that keeps what it is given, for assertions. */
final class CapturedLogs implements LogSink {

    record Line(String account, String region, String group, String stream, String message) {
    }

    private final List<Line> lines = new ArrayList<>();

    @Override
    public synchronized void append(String account, String region, String group, String stream,
                                    List<LogEvent> events) {
        events.forEach(e -> lines.add(new Line(account, region, group, stream, e.message())));
    }

    synchronized List<Line> lines() {
        return List.copyOf(lines);
    }
}
