package dev.hangar.core.http;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The connection becomes a WebSocket served by the handler.
 *
 * @param subprotocols the subprotocols the handler speaks; the first of the client's list that is among them is chosen
 */
public record WebSocketUpgrade(WebSocketHandler handler, List<String> subprotocols) implements AwsHttpResponse.Live {

    public WebSocketUpgrade {
        Objects.requireNonNull(handler, "handler");
        subprotocols = List.copyOf(subprotocols);
    }

    /** Whether the request asks for a WebSocket (an {@code Upgrade: websocket} GET), not whether it is a valid one. */
    public static boolean requested(AwsHttpRequest request) {
        String upgrade = request.header("upgrade");
        return "GET".equals(request.method()) && upgrade != null
                && upgrade.toLowerCase(Locale.ROOT).contains("websocket");
    }

    /**
     * The subprotocol a handshake with these supported ones chooses: the first of the client's
     * {@code Sec-WebSocket-Protocol} list that is supported, or null. For a handler that refuses a client with none
     * it speaks rather than upgrading without one.
     */
    public static String chosenSubprotocol(AwsHttpRequest request, List<String> supported) {
        String offered = request.header("sec-websocket-protocol");
        if (offered == null) {
            return null;
        }
        for (String one : offered.split(",")) {
            String name = one.trim();
            if (supported.contains(name)) {
                return name;
            }
        }
        return null;
    }
}
