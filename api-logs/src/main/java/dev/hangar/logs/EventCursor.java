package dev.hangar.logs;

import dev.hangar.logs.domain.Position;

/**
 * A GetLogEvents token: a direction and a {@link Position}. Unlike the listings' opaque tokens (the kit's pager),
 * these keep AWS's own look, "f/&lt;56 digits&gt;/s" and "b/&lt;56 digits&gt;/s": clients and tests see them, a poller
 * compares the token it gets with the one it sent to know it reached the end, and any position in them is a valid
 * place to read from, so there is nothing to forge.
 */
record EventCursor(boolean forward, Position position) {

    String text() {
        return (forward ? "f/" : "b/") + position.digits() + "/s";
    }

    static EventCursor parse(String token) {
        if (token.length() >= 2 && (token.startsWith("f/") || token.startsWith("b/"))) {
            String digits = token.substring(2);
            if (digits.endsWith("/s")) {
                digits = digits.substring(0, digits.length() - 2);
            }
            Position position = Position.parse(digits);
            if (position != null) {
                return new EventCursor(token.charAt(0) == 'f', position);
            }
        }
        throw LogsErrors.invalidToken();
    }
}
