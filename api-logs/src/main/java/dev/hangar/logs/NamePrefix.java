package dev.hangar.logs;

import java.util.NavigableMap;

/** The entries of a name-sorted map whose names start with a prefix: a contiguous range, found without a scan. */
final class NamePrefix {

    private NamePrefix() {
    }

    static <V> NavigableMap<String, V> range(NavigableMap<String, V> byName, String prefix) {
        if (prefix == null || prefix.isEmpty()) {
            return byName;
        }
        char lastChar = prefix.charAt(prefix.length() - 1);
        if (lastChar == Character.MAX_VALUE) {
            return byName.tailMap(prefix, true);
        }
        String end = prefix.substring(0, prefix.length() - 1) + (char) (lastChar + 1);
        return byName.subMap(prefix, true, end, false);
    }
}
