package dev.hangar.core.http;

import java.util.concurrent.CompletableFuture;

/**
 * An open WebSocket, as its handler sends on it. Every method may be called from any thread. The futures carry
 * back-pressure as {@link StreamWriter#write} does: each completes when more may be sent, on the event loop, and
 * fails with {@link StreamClosedException} once the session is over.
 */
public interface WebSocketSession {

    /** The request that asked for the upgrade. */
    AwsHttpRequest request();

    /** The subprotocol the handshake chose, or null. */
    String subprotocol();

    CompletableFuture<Void> sendText(String text);

    /** The array is not copied: do not change it after the call. */
    CompletableFuture<Void> sendBinary(byte[] data);

    CompletableFuture<Void> ping(byte[] data);

    /**
     * Starts the closing handshake with this code and reason (RFC 6455 section 7.4; 1000 is a normal close): nothing
     * more is sent, the peer's answer ends the connection ({@link WebSocketHandler#onClose}), and a peer that does not
     * answer is cut off after a short wait.
     */
    void close(int code, String reason);

    /** False once a close was sent or received, or the connection is gone. */
    boolean isOpen();
}
