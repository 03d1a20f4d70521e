package dev.hangar.core.http;

/** A streamed response or a WebSocket is over: the client went away, or it was aborted or ended. */
public final class StreamClosedException extends RuntimeException {

    public StreamClosedException(String message) {
        super(message, null, false, false);
    }

    public StreamClosedException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
