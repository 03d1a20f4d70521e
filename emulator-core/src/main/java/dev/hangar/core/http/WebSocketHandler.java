package dev.hangar.core.http;

/**
 * One side of a WebSocket: the events of one upgraded connection (kubectl exec, attach, port-forward; API Gateway
 * WebSocket APIs). Every method runs on the connection's event loop, in order, and must not block. Messages arrive
 * whole (fragments are joined); pings are answered by Hangar.
 */
public interface WebSocketHandler {

    /** The handshake is done: the session may send from now on (from any thread). */
    default void onOpen(WebSocketSession session) {
    }

    default void onText(WebSocketSession session, String text) {
    }

    default void onBinary(WebSocketSession session, byte[] data) {
    }

    /** The answer to a {@link WebSocketSession#ping}. */
    default void onPong(WebSocketSession session, byte[] data) {
    }

    /**
     * The session is over, called once: the peer closed with this code and reason (1005 when its close frame had no
     * code), or went away without closing (1006), or the session closed after {@link WebSocketSession#close} (the
     * peer's answering code, or 1006 when it never answered).
     */
    default void onClose(WebSocketSession session, int code, String reason) {
    }
}
