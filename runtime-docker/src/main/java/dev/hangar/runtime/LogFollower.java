package dev.hangar.runtime;

import com.github.dockerjava.transport.DockerHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Follows one container's log on a thread of its own and hands out lines. Logs are asked for with timestamps: the
 * engine writes one frame per log message, "2026-11-25T13:38:11.123456789Z text", so each line carries the time
 * the process wrote it.
 * <p>
 * Docker 20.10 may end a follow when the container exits before the last message reaches the log (seen with a
 * final write without a newline), so when the follow ends by itself the log is read once more, from the last
 * message's time on, and only messages the follow did not deliver are taken. Which ones those are is decided per
 * stream: the engine stamps and writes each stream's messages in order (the pieces of one long line share a
 * stamp), while stdout and stderr interleave in the log in no time order.
 */
final class LogFollower implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LogFollower.class);
    /** Longest RFC 3339 nano timestamp the engine writes, plus the space after it. */
    private static final int MAX_TIMESTAMP_LENGTH = 40;

    private final DockerHttpClient http;
    private final String containerId;
    private final Consumer<LogLine> onLine;
    private final Runnable onEnd;
    private final LineAssembler stdout;
    private final LineAssembler stderr;
    private final Watermark stdoutMark = new Watermark();
    private final Watermark stderrMark = new Watermark();
    private volatile boolean closed;
    private volatile DockerHttpClient.Response current;
    /** Counted down when the reader thread is done, closed or not. */
    private final CountDownLatch ended = new CountDownLatch(1);

    /** @param onEnd run on the reader thread when it is done */
    LogFollower(DockerHttpClient http, String containerId, Consumer<LogLine> onLine, Runnable onEnd) {
        this.http = http;
        this.containerId = containerId;
        this.onLine = onLine;
        this.onEnd = onEnd;
        this.stdout = new LineAssembler(containerId, LogLine.Stream.STDOUT, this::deliver);
        this.stderr = new LineAssembler(containerId, LogLine.Stream.STDERR, this::deliver);
    }

    void begin() {
        Thread reader = new Thread(this::run, "hangar-logs-" + containerId.substring(0, Math.min(12, containerId.length())));
        reader.setDaemon(true);
        reader.start();
    }

    private void run() {
        try {
            Throwable failure = read(true);
            if (!closed && failure == null) {
                failure = read(false);
            }
            if (failure != null && !closed) {
                log.debug("Log stream of {} ended with {}", containerId, EngineErrors.rootMessage(failure));
            }
            if (!closed) {
                stdout.flush();
                stderr.flush();
            }
            closed = true;
        } finally {
            ended.countDown();
            onEnd.run();
        }
    }

    /** Waits until the reader has delivered the whole log (or was closed); false if it is still reading. */
    boolean awaitEnd(long nanos) throws InterruptedException {
        return ended.await(nanos, TimeUnit.NANOSECONDS);
    }

    /** Reads the log to its end; returns why it ended early, or null. */
    private Throwable read(boolean follow) {
        String query = "stdout=1&stderr=1&timestamps=1";
        if (follow) {
            query += "&follow=1";
        } else {
            Instant since = earliest(stdoutMark.time, stderrMark.time);
            if (since != null) {
                query += "&since=" + since.getEpochSecond();
            }
            stdoutMark.startCatchUp();
            stderrMark.startCatchUp();
        }
        DockerHttpClient.Request request = DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.GET)
                .path("/containers/" + containerId + "/logs?" + query)
                .build();
        try (DockerHttpClient.Response response = http.execute(request)) {
            current = response;
            if (closed) {
                return null;
            }
            InputStream body = response.getBody();
            if (response.getStatusCode() != 200) {
                return new IOException("HTTP " + response.getStatusCode() + ": "
                        + new String(body.readNBytes(4096), StandardCharsets.UTF_8).trim());
            }
            LogFrameReader reader = new LogFrameReader(body);
            for (LogFrameReader.Frame f = reader.next(); f != null && !closed; f = reader.next()) {
                frame(f, !follow);
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return e;
        } finally {
            current = null;
        }
    }

    private void frame(LogFrameReader.Frame frame, boolean catchUp) {
        byte[] payload = frame.payload();
        if (frame.stream() != LogFrameReader.STDOUT && frame.stream() != LogFrameReader.STDERR) {
            return;
        }
        int space = -1;
        for (int i = 0; i < Math.min(payload.length, MAX_TIMESTAMP_LENGTH); i++) {
            if (payload[i] == ' ') {
                space = i;
                break;
            }
        }
        Instant time = null;
        int textStart = 0;
        if (space > 0) {
            try {
                time = Instant.parse(new String(payload, 0, space, StandardCharsets.US_ASCII));
                textStart = space + 1;
            } catch (DateTimeParseException e) {
                time = null;
            }
        }
        boolean isStderr = frame.stream() == LogFrameReader.STDERR;
        if (time != null) {
            Watermark mark = isStderr ? stderrMark : stdoutMark;
            if (catchUp ? mark.alreadyDelivered(time) : mark.advance(time)) {
                return;
            }
        } else {
            time = Instant.now();
        }
        (isStderr ? stderr : stdout).accept(payload, textStart, time);
    }

    private void deliver(LogLine line) {
        if (closed) {
            return;
        }
        try {
            onLine.accept(line);
        } catch (RuntimeException e) {
            log.warn("Log consumer of {} failed", containerId, e);
        }
    }

    /** The caller stops following: nothing more is delivered, not even a last partial line. */
    @Override
    public void close() {
        closed = true;
        DockerHttpClient.Response response = current;
        if (response != null) {
            response.close(); // aborts the request, which ends the reader's blocking read
        }
    }

    private static Instant earliest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }

    /** The last message stamp one stream delivered, and how many messages carried it. */
    private static final class Watermark {
        Instant time;
        int atTime;
        int toSkipAtTime;

        /** Records a followed message; always false (nothing to skip while following). */
        boolean advance(Instant t) {
            if (t.equals(time)) {
                atTime++;
            } else {
                time = t;
                atTime = 1;
            }
            return false;
        }

        void startCatchUp() {
            toSkipAtTime = atTime;
        }

        /** During the catch-up read: whether the follow already delivered this message. */
        boolean alreadyDelivered(Instant t) {
            if (time == null || t.isAfter(time)) {
                return false;
            }
            if (t.isBefore(time)) {
                return true;
            }
            if (toSkipAtTime > 0) {
                toSkipAtTime--;
                return true;
            }
            return false;
        }
    }
}
