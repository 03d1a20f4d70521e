package dev.hangar.logs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableMap;

/** One page of DescribeLogStreams, by name (paged by the last name shown) or by last event time (by offset). */
record StreamListing(List<LogStream> streams, String nextToken) {

    static StreamListing byName(LogGroup group, String prefix, boolean descending, int limit, String nextToken) {
        NavigableMap<String, LogStream> candidates = prefix == null ? group.streams() : withPrefix(group, prefix);
        String after = Tokens.nameAfter(nextToken);
        if (after != null) {
            candidates = descending ? candidates.headMap(after, false) : candidates.tailMap(after, false);
        }
        if (descending) {
            candidates = candidates.descendingMap();
        }
        List<LogStream> page = new ArrayList<>();
        for (LogStream stream : candidates.values()) {
            if (page.size() == limit) {
                return new StreamListing(page, Tokens.nameToken(page.get(page.size() - 1).name()));
            }
            page.add(stream);
        }
        return new StreamListing(page, null);
    }

    /** Streams whose names start with the prefix: a contiguous range of the sorted map. */
    static NavigableMap<String, LogStream> withPrefix(LogGroup group, String prefix) {
        if (prefix.isEmpty()) {
            return group.streams();
        }
        char lastChar = prefix.charAt(prefix.length() - 1);
        if (lastChar == Character.MAX_VALUE) {
            return group.streams().tailMap(prefix, true);
        }
        String end = prefix.substring(0, prefix.length() - 1) + (char) (lastChar + 1);
        return group.streams().subMap(prefix, true, end, false);
    }

    static StreamListing byLastEventTime(LogGroup group, boolean descending, int limit, String nextToken) {
        Comparator<LogStream> order = Comparator.comparingLong(LogStream::lastEventTimestampOrMin)
                .thenComparing(LogStream::name);
        List<LogStream> all = new ArrayList<>(group.streams().values());
        all.sort(descending ? order.reversed() : order);
        int from = Math.min(Tokens.offset(nextToken), all.size());
        int to = Math.min(all.size(), from + limit);
        return new StreamListing(List.copyOf(all.subList(from, to)),
                to < all.size() ? Tokens.offsetToken(to) : null);
    }
}
