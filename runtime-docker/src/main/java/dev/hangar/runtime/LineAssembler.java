package dev.hangar.runtime;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Joins one output stream's log frames into lines. A frame may end mid-line (a process that printed without a
 * newline, or a line the engine split at 16 KiB); bytes are kept until the newline so that a multi-byte character cut
 * between frames still decodes. A line's time is that of its first fragment. Not thread-safe: one per stream.
 */
final class LineAssembler {

    private final String containerId;
    private final LogLine.Stream stream;
    private final Consumer<LogLine> sink;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private Instant pendingTime;

    LineAssembler(String containerId, LogLine.Stream stream, Consumer<LogLine> sink) {
        this.containerId = containerId;
        this.stream = stream;
        this.sink = sink;
    }

    void accept(byte[] bytes, int offset, Instant time) {
        int start = offset;
        for (int i = offset; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                append(bytes, start, i - start, time);
                emit();
                start = i + 1;
            }
        }
        if (start < bytes.length) {
            append(bytes, start, bytes.length - start, time);
        }
    }

    /** The stream ended: a last line without its newline is still a line. */
    void flush() {
        if (pending.size() > 0) {
            emit();
        }
    }

    private void append(byte[] bytes, int from, int length, Instant time) {
        if (pendingTime == null) {
            pendingTime = time;
        }
        pending.write(bytes, from, length);
    }

    private void emit() {
        byte[] line = pending.toByteArray();
        int length = line.length;
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        Instant time = pendingTime == null ? Instant.now() : pendingTime;
        pending.reset();
        pendingTime = null;
        sink.accept(new LogLine(containerId, stream, new String(line, 0, length, StandardCharsets.UTF_8), time));
    }
}
