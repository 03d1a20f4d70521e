package dev.hangar.core.http;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One raw HTTP/1.1 connection, read piece by piece, so a test sees exactly what the server sent and when (and can
 * send a Host header the JDK's client will not).
 */
public final class WireClient implements AutoCloseable {

    final Socket socket;
    public final InputStream in;

    public WireClient(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout(10_000);
        this.in = new BufferedInputStream(socket.getInputStream());
    }

    public static WireClient connect(String host, int port) throws IOException {
        return new WireClient(new Socket(host, port));
    }

    public void send(String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    public record Head(int status, Map<String, String> headers) {
        public String header(String lowerCaseName) {
            return headers.get(lowerCaseName);
        }
    }

    public Head head() throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line = line(); !line.isEmpty(); line = line()) {
            lines.add(line);
        }
        int status = Integer.parseInt(lines.get(0).split(" ")[1]);
        Map<String, String> headers = new HashMap<>();
        for (String header : lines.subList(1, lines.size())) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
        }
        return new Head(status, headers);
    }

    /** A complete response's body, by its Content-Length. */
    public String body(Head head) throws IOException {
        int length = Integer.parseInt(head.headers.getOrDefault("content-length", "0"));
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    /**
     * The next chunk of a chunked body: its bytes, an empty array for the last chunk (its trailer read too).
     *
     * @throws EOFException when the connection ends where a chunk should be: the stream was cut
     */
    public byte[] chunk() throws IOException {
        String size = line();
        if (size.isEmpty()) {
            throw new EOFException("the connection ended where a chunk should be");
        }
        int length = Integer.parseInt(size, 16);
        if (length == 0) {
            line();
            return new byte[0];
        }
        byte[] data = in.readNBytes(length);
        if (data.length < length) {
            throw new EOFException("the connection ended inside a chunk");
        }
        line();
        return data;
    }

    public String chunkText() throws IOException {
        return new String(chunk(), StandardCharsets.UTF_8);
    }

    public byte[] exactly(int count) throws IOException {
        byte[] data = in.readNBytes(count);
        if (data.length < count) {
            throw new EOFException("only " + data.length + " of " + count + " bytes");
        }
        return data;
    }

    /** A line without its CRLF; empty at the end of the stream. */
    public String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
