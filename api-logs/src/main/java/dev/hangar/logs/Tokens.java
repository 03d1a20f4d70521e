package dev.hangar.logs;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The tokens Hangar hands out. GetLogEvents' look like AWS's ("f/<56 digits>/s", "b/<56 digits>/s") and name a
 * {@link Position}: forward reads events at or after it, backward reads events before it. Paging tokens for the
 * Describe and Filter operations are opaque: the position or name after which the next page starts, so pages stay
 * consistent while other threads append or create.
 */
final class Tokens {

    private static final String FILTER = "hangar-filter:";
    private static final String AFTER = "hangar-after:";
    private static final String OFFSET = "hangar-offset:";

    private Tokens() {
    }

    /** A GetLogEvents token: a direction and a position. */
    record Cursor(boolean forward, Position position) {

        String text() {
            return (forward ? "f/" : "b/") + position.digits() + "/s";
        }

        static Cursor parse(String token) {
            if (token.length() >= 2 && (token.startsWith("f/") || token.startsWith("b/"))) {
                String digits = token.substring(2);
                if (digits.endsWith("/s")) {
                    digits = digits.substring(0, digits.length() - 2);
                }
                Position position = Position.parse(digits);
                if (position != null) {
                    return new Cursor(token.charAt(0) == 'f', position);
                }
            }
            throw LogsErrors.invalidToken();
        }
    }

    static String filter(Position next) {
        return encode(FILTER + next.digits());
    }

    static Position filter(String token) {
        Position position = Position.parse(decode(token, FILTER));
        if (position == null) {
            throw LogsErrors.invalidToken();
        }
        return position;
    }

    /** The next page of a name-ordered listing starts after this name. */
    static String nameToken(String lastName) {
        return encode(AFTER + lastName);
    }

    /** The name a {@link #nameToken} continues after, or null for the first page. */
    static String nameAfter(String token) {
        return token == null ? null : decode(token, AFTER);
    }

    static String offsetToken(int offset) {
        return encode(OFFSET + offset);
    }

    static int offset(String token) {
        if (token == null) {
            return 0;
        }
        try {
            int offset = Integer.parseInt(decode(token, OFFSET));
            if (offset >= 0) {
                return offset;
            }
        } catch (NumberFormatException e) {
            // falls through
        }
        throw LogsErrors.invalidToken();
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String token, String prefix) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (text.startsWith(prefix)) {
                return text.substring(prefix.length());
            }
        } catch (IllegalArgumentException e) {
            // falls through
        }
        throw LogsErrors.invalidToken();
    }
}
