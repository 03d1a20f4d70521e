package dev.hangar.core.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpResponseStatus;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes an {@link AwsHttpResponse} as HTTP/1.1 bytes: status line, headers and body in one buffer. A complete
 * response is complete before it is written, so Netty's message objects, header tables and encoder state machine
 * would only be built to be taken apart again; a streamed one gets its head here and its chunks from
 * {@link #chunk} and {@link #lastChunk}.
 */
final class ResponseEncoder {

    /** Beyond this a body goes out as its own buffer rather than copied behind the head. */
    private static final int COPY_LIMIT = 16 * 1024;
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] HEADER_SEPARATOR = {':', ' '};
    private static final byte[] CONTENT_LENGTH = "Content-Length: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONNECTION_CLOSE = "Connection: close\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONNECTION_KEEP_ALIVE = "Connection: keep-alive\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CHUNKED = "Transfer-Encoding: chunked\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LAST_CHUNK = "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
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

    /** How a streamed body's end is told: by its announced length, by its last chunk, or by closing the connection. */
    enum Framing { LENGTH, CHUNKED, UNTIL_CLOSE }

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

    /**
     * The head of a streamed response: its headers, then the framing's own (Content-Length or Transfer-Encoding) and
     * the connection's. Framing headers the handler set are left out: the framing is the encoder's to announce.
     */
    static ByteBuf encodeStreamHead(ByteBufAllocator alloc, AwsHttpResponse response, Connection connection,
                                    Framing framing, long length) {
        ByteBuf head = alloc.buffer(headSizeHint(response) + CHUNKED.length);
        head.writeBytes(statusBytes(response.status()));
        for (Map.Entry<String, String> header : response.headers().entrySet()) {
            String name = header.getKey();
            if (name.equalsIgnoreCase("Content-Length") || name.equalsIgnoreCase("Transfer-Encoding")
                    || name.equalsIgnoreCase("Connection")) {
                continue;
            }
            writeAscii(head, name);
            head.writeBytes(HEADER_SEPARATOR);
            writeAscii(head, header.getValue());
            head.writeBytes(CRLF);
        }
        if (framing == Framing.LENGTH) {
            head.writeBytes(CONTENT_LENGTH);
            head.writeCharSequence(Long.toString(length), StandardCharsets.US_ASCII);
            head.writeBytes(CRLF);
        } else if (framing == Framing.CHUNKED) {
            head.writeBytes(CHUNKED);
        }
        if (connection == Connection.CLOSE) {
            head.writeBytes(CONNECTION_CLOSE);
        } else if (connection == Connection.KEEP_ALIVE_HTTP10) {
            head.writeBytes(CONNECTION_KEEP_ALIVE);
        }
        head.writeBytes(CRLF);
        return head;
    }

    /**
     * One chunk of a chunked body (size in hex, CRLF, the bytes, CRLF): one buffer when small, the caller's array
     * wrapped between its size line and CRLF when large. {@code length} is not 0: an empty chunk would end the body.
     */
    static ByteBuf chunk(ByteBufAllocator alloc, byte[] bytes, int offset, int length) {
        if (length <= COPY_LIMIT) {
            ByteBuf out = alloc.buffer(length + 12);
            writeHex(out, length);
            out.writeBytes(CRLF);
            out.writeBytes(bytes, offset, length);
            out.writeBytes(CRLF);
            return out;
        }
        ByteBuf size = alloc.buffer(10);
        writeHex(size, length);
        size.writeBytes(CRLF);
        return Unpooled.wrappedBuffer(size, Unpooled.wrappedBuffer(bytes, offset, length), Unpooled.wrappedBuffer(CRLF));
    }

    /** The bytes of a body that is not chunked: copied when small, the caller's array wrapped when large. */
    static ByteBuf raw(ByteBufAllocator alloc, byte[] bytes, int offset, int length) {
        if (length <= COPY_LIMIT) {
            return alloc.buffer(length).writeBytes(bytes, offset, length);
        }
        return Unpooled.wrappedBuffer(bytes, offset, length);
    }

    static ByteBuf lastChunk() {
        return Unpooled.wrappedBuffer(LAST_CHUNK);
    }

    private static void writeHex(ByteBuf out, int value) {
        int shift = 28;
        while (shift > 0 && (value >>> shift & 0xf) == 0) {
            shift -= 4;
        }
        for (; shift >= 0; shift -= 4) {
            out.writeByte(HEX[value >>> shift & 0xf]);
        }
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
