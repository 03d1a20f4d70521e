package dev.hangar.runtime;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads the engine's multiplexed log stream: frames of an 8-byte header (stream type, three zero bytes, payload
 * length as big-endian uint32) and the payload. docker-java's own reader hands a frame out in read-sized pieces,
 * which loses where each log message (and so its timestamp) begins; this one hands out whole frames.
 */
final class LogFrameReader {

    static final int STDOUT = 1;
    static final int STDERR = 2;

    /** One whole frame. */
    record Frame(int stream, byte[] payload) {
    }

    private final DataInputStream in;
    private final byte[] header = new byte[8];

    LogFrameReader(InputStream in) {
        this.in = new DataInputStream(in);
    }

    /** The next frame, or null at the end of the stream. */
    Frame next() throws IOException {
        int first = in.read();
        if (first < 0) {
            return null;
        }
        header[0] = (byte) first;
        try {
            in.readFully(header, 1, 7);
        } catch (EOFException e) {
            throw new IOException("log stream ended inside a frame header", e);
        }
        if (first > 2 || header[1] != 0 || header[2] != 0 || header[3] != 0) {
            // only a container with a TTY sends raw output, and Hangar creates none
            throw new IOException("not a multiplexed log stream (container with a TTY?)");
        }
        int length = ((header[4] & 0xff) << 24) | ((header[5] & 0xff) << 16) | ((header[6] & 0xff) << 8)
                | (header[7] & 0xff);
        if (length < 0) {
            throw new IOException("log frame length out of range");
        }
        byte[] payload = new byte[length];
        in.readFully(payload);
        return new Frame(first, payload);
    }
}
