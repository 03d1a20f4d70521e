package dev.hangar.lambda.invoke;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * One invocation's slice of its environment's log: from its START to its REPORT. Guarded by the owning
 * {@link InvocationLogs}; {@link #settled} completes with the base64 tail once END and REPORT are written.
 */
final class LogWindow {

    /** LogType=Tail returns the last 4 KB. */
    static final int TAIL_BYTES = 4096;

    final String requestId;
    /** The caller asked for LogType=Tail: its tail must hold what the function printed before it answered. */
    boolean tailWanted;
    /** When it started on the engine's time base (the wall clock): the container's lines are attributed by it. */
    final Instant startedAt;
    /** START's time in the stream, on Hangar's clock. */
    Instant startShown;
    final CompletableFuture<String> settled = new CompletableFuture<>();

    private final Deque<String> tail = new ArrayDeque<>();
    private int tailBytes;

    /** When it had its answer, on Hangar's clock. */
    Instant endedAt;
    long endedNanos;
    long lastLineNanos;
    /** The stream's time (Hangar's clock) of the latest output kept in this window. */
    Instant lastLineAt;
    /** Its START line, kept first in the tail at once and written to the sink by {@link InvocationLogs#announce}. */
    String startLine;
    boolean announced;
    Supplier<String> report;
    String[] linesBeforeEnd = new String[0];
    boolean finished;

    LogWindow(String requestId, Instant startedAt) {
        this.requestId = requestId;
        this.startedAt = startedAt;
    }

    boolean ended() {
        return endedAt != null;
    }

    /** Keeps a little more than the tail needs, dropping the oldest lines. */
    void keep(String message) {
        tail.addLast(message);
        tailBytes += message.getBytes(StandardCharsets.UTF_8).length;
        while (tail.size() > 1 && tailBytes - firstBytes() >= TAIL_BYTES) {
            tailBytes -= firstBytes();
            tail.removeFirst();
        }
    }

    String tailBase64() {
        byte[] all = String.join("", tail).getBytes(StandardCharsets.UTF_8);
        int from = Math.max(0, all.length - TAIL_BYTES);
        byte[] last = java.util.Arrays.copyOfRange(all, from, all.length);
        return Base64.getEncoder().encodeToString(last);
    }

    private int firstBytes() {
        return tail.getFirst().getBytes(StandardCharsets.UTF_8).length;
    }
}
