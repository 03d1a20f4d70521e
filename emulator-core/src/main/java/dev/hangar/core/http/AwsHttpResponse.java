package dev.hangar.core.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One HTTP response; headers keep their AWS spelling (x-amzn-RequestId, X-Amzn-ErrorType).
 *
 * <p>Most responses are complete: {@code body} is all there is. A response may instead be {@link Live live}: its
 * body is written over time by a producer ({@link StreamedBody}, see {@link #streamed}), or the connection is
 * upgraded to a WebSocket ({@link WebSocketUpgrade}, see {@link #webSocket}). A live response's {@code body} is empty
 * and ignored.
 *
 * @param live null for a complete response
 */
public record AwsHttpResponse(int status, Map<String, String> headers, byte[] body, Live live) {

    private static final byte[] NO_BODY = new byte[0];

    /** What a live response does instead of carrying its body. */
    public sealed interface Live permits StreamedBody, WebSocketUpgrade {
    }

    /** A complete response. */
    public AwsHttpResponse(int status, Map<String, String> headers, byte[] body) {
        this(status, headers, body, null);
    }

    public static AwsHttpResponse of(int status, String contentType, byte[] body) {
        return new AwsHttpResponse(status, contentTypeHeaders(contentType), body, null);
    }

    public static AwsHttpResponse json(int status, String json) {
        return of(status, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A response whose body the producer writes over time, of a length not known up front: chunked for HTTP/1.1,
     * and for an HTTP/1.0 client (or one that asked to close) ended by closing the connection. The producer starts
     * once the head is out; see {@link ResponseStream} and {@link StreamWriter}.
     */
    public static AwsHttpResponse streamed(int status, String contentType, ResponseStream producer) {
        return new AwsHttpResponse(status, contentTypeHeaders(contentType), NO_BODY, new StreamedBody(-1, producer));
    }

    /**
     * A response of a known length whose body the producer writes over time: sent with that Content-Length, so the
     * connection stays open after it, even for HTTP/1.0. Writing more, or ending with less, aborts the stream.
     */
    public static AwsHttpResponse streamed(int status, String contentType, long length, ResponseStream producer) {
        if (length < 0) {
            throw new IllegalArgumentException("a known length is not negative: " + length);
        }
        return new AwsHttpResponse(status, contentTypeHeaders(contentType), NO_BODY,
                new StreamedBody(length, producer));
    }

    /**
     * Upgrades the connection to a WebSocket (RFC 6455) served by the handler. Of the client's subprotocols the first
     * that is among {@code subprotocols} is chosen (none: the handshake names none); headers added to this response
     * go into the 101 answer. A request that is no WebSocket handshake is answered 400, an unsupported WebSocket
     * version 426: a handler that serves plain requests on the same path checks {@link WebSocketUpgrade#requested}.
     */
    public static AwsHttpResponse webSocket(WebSocketHandler handler, List<String> subprotocols) {
        return new AwsHttpResponse(101, new LinkedHashMap<>(), NO_BODY, new WebSocketUpgrade(handler, subprotocols));
    }

    public AwsHttpResponse withHeader(String name, String value) {
        // sized for the one more header up front: copying with the default sizing would resize on the put
        Map<String, String> copy = new LinkedHashMap<>(Math.max(4, (headers.size() + 1) * 2));
        copy.putAll(headers);
        copy.put(name, value);
        return new AwsHttpResponse(status, copy, body, live);
    }

    private static Map<String, String> contentTypeHeaders(String contentType) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        return headers;
    }
}
