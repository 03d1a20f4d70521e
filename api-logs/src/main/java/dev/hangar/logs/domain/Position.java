package dev.hangar.logs.domain;

/**
 * A place between events in (timestamp, seq) order: events at or after it sort >= it. Real events have seq >= 1,
 * so (t, 0) is the start of millisecond t. Printed as 56 digits like AWS's event ids and tokens.
 */
public record Position(long timestamp, long seq) {

    public static final Position START = new Position(0, 0);

    public static Position startOf(long timestamp) {
        return new Position(Math.max(0, timestamp), 0);
    }

    public String digits() {
        return String.format("%020d%036d", timestamp, seq);
    }

    /** The position printed by {@link #digits()}, or null when the text is not one. */
    public static Position parse(String digits) {
        if (digits == null || digits.length() != 56) {
            return null;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                return null;
            }
        }
        try {
            return new Position(Long.parseLong(digits.substring(0, 20)), Long.parseLong(digits.substring(20)));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
