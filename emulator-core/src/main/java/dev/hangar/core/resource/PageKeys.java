package dev.hangar.core.resource;

/**
 * Helpers for page keys: the pager compares keys as text, so a key made of numbers must sort as the numbers do.
 * Composite keys join their parts with {@link #SEPARATOR}, which sorts before every character a name may hold, so
 * "a" + SEPARATOR + ... sorts before "a-b" + SEPARATOR + ..., as "a" sorts before "a-b".
 */
public final class PageKeys {

    public static final char SEPARATOR = '\u0000';

    private PageKeys() {
    }

    /** Sixteen hex digits that sort as the numbers do, negative ones first. */
    public static String number(long value) {
        String hex = Long.toHexString(value ^ Long.MIN_VALUE);
        return "0".repeat(16 - hex.length()) + hex;
    }

    /** The parts joined with {@link #SEPARATOR}. */
    public static String of(String... parts) {
        return String.join(String.valueOf(SEPARATOR), parts);
    }
}
