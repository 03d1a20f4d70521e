package dev.hangar.core.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpResponseStatus;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes an {@link AwsHttpResponse} as HTTP/1.1 bytes: status line, headers and body in one buffer. Every response
 * Hangar sends is complete before it is written, so Netty's message objects, header tables and encoder state machine
 * would only be built to be taken apart again.
 */
final class ResponseEncoder {

    /** Beyond this a body goes out as its own buffer rather than copied behind the head. */
    private static final int COPY_LIMIT = 16 * 1024;
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] HEADER_SEPARATOR = {':', ' '};
    private static final byte[] CONTENT_LENGTH = "Content-Length: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONNECTION_CLOSE = "Connection: close\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONNECTION_KEEP_ALIVE = "Connection: keep-alive\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[][] STATUS_LINES = new byte[600][];

    static {
        for (int code = 100; code < STATUS_LINES.length; code++) {
            STATUS_LINES[code] = statusLine(code);
        }
    }

    private ResponseEncoder() {
    }

    /** How the connection is left after this response, which the head must announce. */
    enum Connection { KEEP_ALIVE_HTTP11, KEEP_ALIVE_HTTP10, CLOSE }

    /**
     * The response as wire bytes: one buffer, or two when the body is large (head, then the body array itself).
     *
     * @param withBody false for an answer to HEAD: the same head, no body
     */
    static ByteBuf[] encode(ByteBufAllocator alloc, AwsHttpResponse response, Connection connection, boolean withBody) {
        byte[] body = response.body() == null ? new byte[0] : response.body();
        boolean copyBody = withBody && body.length <= COPY_LIMIT;
        ByteBuf head = alloc.buffer(headSizeHint(response) + (copyBody ? body.length : 0));
        head.writeBytes(statusBytes(response.status()));
        for (Map.Entry<String, String> header : response.headers().entrySet()) {
            writeAscii(head, header.getKey());
            head.writeBytes(HEADER_SEPARATOR);
            writeAscii(head, header.getValue());
            head.writeBytes(CRLF);
        }
        head.writeBytes(CONTENT_LENGTH);
        writeDecimal(head, body.length);
        head.writeBytes(CRLF);
        if (connection == Connection.CLOSE) {
            head.writeBytes(CONNECTION_CLOSE);
        } else if (connection == Connection.KEEP_ALIVE_HTTP10) {
            head.writeBytes(CONNECTION_KEEP_ALIVE);
        }
        head.writeBytes(CRLF);
        if (!withBody || body.length == 0) {
            return new ByteBuf[] {head};
        }
        if (copyBody) {
            head.writeBytes(body);
            return new ByteBuf[] {head};
        }
        return new ByteBuf[] {head, Unpooled.wrappedBuffer(body)};
    }

    private static byte[] statusBytes(int status) {
        if (status >= 100 && status < STATUS_LINES.length) {
            return STATUS_LINES[status];
        }
        return statusLine(status);
    }

    private static byte[] statusLine(int code) {
        return ("HTTP/1.1 " + code + " " + HttpResponseStatus.valueOf(code).reasonPhrase() + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static int headSizeHint(AwsHttpResponse response) {
        int size = 64 + CONNECTION_KEEP_ALIVE.length;
        for (Map.Entry<String, String> header : response.headers().entrySet()) {
            size += header.getKey().length() + header.getValue().length() + 4;
        }
        return size;
    }

    /**
     * Header text as single bytes. A CR or LF becomes a space (a value that came from a caller must never end the
     * header and start another), and a character beyond ASCII becomes '?', as US-ASCII encoding would write it.
     */
    private static void writeAscii(ByteBuf out, String text) {
        if (isPlainAscii(text)) {
            out.writeCharSequence(text, StandardCharsets.US_ASCII);
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.writeByte(c == '\r' || c == '\n' ? ' ' : c < 0x80 ? c : '?');
        }
    }

    private static boolean isPlainAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n' || c >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static void writeDecimal(ByteBuf out, int value) {
        if (value == 0) {
            out.writeByte('0');
            return;
        }
        int digits = 0;
        for (int v = value; v > 0; v /= 10) {
            digits++;
        }
        int at = out.writerIndex() + digits;
        out.ensureWritable(digits);
        for (int v = value; v > 0; v /= 10) {
            out.setByte(--at, '0' + v % 10);
        }
        out.writerIndex(out.writerIndex() + digits);
    }
}
