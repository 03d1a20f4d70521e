package dev.hangar.logs;

import dev.hangar.core.admin.ConsoleView;
import dev.hangar.core.state.AccountRegionStore;
import dev.hangar.logs.domain.LogGroupRecord;
import dev.hangar.logs.domain.LogStreamRecord;
import dev.hangar.logs.domain.Position;
import dev.hangar.logs.domain.StoredEvent;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CloudWatch Logs on the web console: its groups and streams, and the live tail the page polls. The tail's cursor is
 * the (timestamp, seq) position after the last event sent, as GetLogEvents' tokens are; an event that arrives later
 * with an older timestamp than the cursor is not shown (the emulated output of tasks and functions comes in order).
 */
final class LogsConsoleView implements ConsoleView {

    private static final Position END = new Position(Long.MAX_VALUE, Long.MAX_VALUE);

    private final AccountRegionStore<LogsRegion> regions;

    LogsConsoleView(AccountRegionStore<LogsRegion> regions) {
        this.regions = regions;
    }

    @Override
    public List<Map<String, Object>> resources() {
        List<Map<String, Object>> out = new ArrayList<>();
        regions.forEach((account, region, logs) -> {
            if (logs.groups().isEmpty()) {
                return;
            }
            List<Map<String, Object>> groups = new ArrayList<>();
            for (LogGroupRecord group : logs.groups().values()) {
                Map<String, Object> g = new LinkedHashMap<>();
                g.put("name", group.name());
                List<Map<String, Object>> streams = new ArrayList<>();
                for (LogStreamRecord stream : group.streams().values()) {
                    Map<String, Object> s = new LinkedHashMap<>();
                    s.put("name", stream.name());
                    long last = stream.lastEventTimestampOrMin();
                    s.put("lastEventTimestamp", last == Long.MIN_VALUE ? null : last);
                    streams.add(s);
                }
                g.put("streams", streams);
                groups.add(g);
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("account", account);
            entry.put("region", region);
            entry.put("logGroups", groups);
            out.add(entry);
        });
        return out;
    }

    @Override
    public LogTail logTail(String account, String region, String groupName, String streamName, String cursor,
                           int limit) {
        LogGroupRecord group = regions.get(account, region).group(groupName);
        Collection<LogStreamRecord> streams = group == null ? List.of()
                : streamName == null ? group.streams().values()
                : group.stream(streamName) == null ? List.of() : List.of(group.stream(streamName));
        if (group == null || (streamName != null && streams.isEmpty())) {
            return new LogTail(List.of(), cursor, false);
        }
        Position from = cursor == null ? Position.START : Position.parse(cursor);
        if (from == null) {
            from = Position.START;
        }
        List<StoredEvent> events = new ArrayList<>();
        for (LogStreamRecord stream : streams) {
            events.addAll(stream.between(from, END));
        }
        events.sort(StoredEvent.ORDER);
        // the first call shows the latest events; later calls continue from the cursor, oldest first
        List<StoredEvent> page = cursor == null
                ? events.subList(Math.max(0, events.size() - limit), events.size())
                : events.subList(0, Math.min(limit, events.size()));
        List<Map<String, Object>> out = new ArrayList<>(page.size());
        for (StoredEvent e : page) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("timestamp", e.timestamp());
            m.put("stream", e.streamName());
            m.put("message", e.message());
            out.add(m);
        }
        String next = page.isEmpty() ? (cursor != null ? cursor : Position.START.digits())
                : page.get(page.size() - 1).after().digits();
        return new LogTail(out, next, true);
    }
}
