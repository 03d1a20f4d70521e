package dev.hangar.core.eventstream;

import software.amazon.awssdk.eventstream.HeaderValue;
import software.amazon.awssdk.eventstream.Message;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The messages of an AWS event stream ({@code application/vnd.amazon.eventstream}) as wire bytes. The framing
 * (prelude with total and headers length and its CRC32, typed headers, payload, message CRC32) is the SDK's own
 * {@link Message}; this class only knows which headers each kind of message carries.
 */
public final class EventStreamMessages {

    public static final String CONTENT_TYPE = "application/vnd.amazon.eventstream";

    private EventStreamMessages() {
    }

    /**
     * An event: {@code :message-type event}, its {@code :event-type} (the member name in the stream's union:
     * "PayloadChunk", "InvokeComplete", "initial-response") and {@code :content-type}.
     *
     * @param headers the event's own headers (members bound to event headers), after the reserved ones
     */
    public static byte[] event(String eventType, String contentType, byte[] payload, Map<String, String> headers) {
        Map<String, HeaderValue> all = new LinkedHashMap<>(6 + headers.size() * 2);
        all.put(":message-type", HeaderValue.fromString("event"));
        all.put(":event-type", HeaderValue.fromString(eventType));
        if (contentType != null) {
            all.put(":content-type", HeaderValue.fromString(contentType));
        }
        headers.forEach((name, value) -> all.put(name, HeaderValue.fromString(value)));
        return encode(all, payload);
    }

    /**
     * A modelled exception: {@code :message-type exception}, {@code :exception-type} (the exception's member name in
     * the stream's union, which the SDK also reads as its error code) and the exception's members as the payload.
     */
    public static byte[] exception(String exceptionType, String contentType, byte[] payload) {
        Map<String, HeaderValue> all = new LinkedHashMap<>(6);
        all.put(":message-type", HeaderValue.fromString("exception"));
        all.put(":exception-type", HeaderValue.fromString(exceptionType));
        if (contentType != null) {
            all.put(":content-type", HeaderValue.fromString(contentType));
        }
        return encode(all, payload);
    }

    /** An error outside the model: {@code :message-type error} with {@code :error-code} and {@code :error-message}. */
    public static byte[] error(String code, String message) {
        Map<String, HeaderValue> all = new LinkedHashMap<>(6);
        all.put(":message-type", HeaderValue.fromString("error"));
        all.put(":error-code", HeaderValue.fromString(code));
        all.put(":error-message", HeaderValue.fromString(message == null ? "" : message));
        return encode(all, new byte[0]);
    }

    private static byte[] encode(Map<String, HeaderValue> headers, byte[] payload) {
        ByteBuffer encoded = new Message(headers, payload == null ? new byte[0] : payload).toByteBuffer();
        if (encoded.hasArray() && encoded.arrayOffset() == 0 && encoded.position() == 0
                && encoded.remaining() == encoded.array().length) {
            return encoded.array();
        }
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        return bytes;
    }
}
