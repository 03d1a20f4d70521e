package dev.hangar.runtime;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.Consumer;

/**
 * Follows one container's log and hands out lines. Logs are asked for with timestamps: the engine writes one frame
 * per log message, "2026-11-25T13:38:11.123456789Z text", so each line carries the time the process wrote it.
 * <p>
 * Docker 20.10 may end a follow when the container exits before the last message reaches the log (seen with a
 * final write without a newline), so when the follow ends by itself, the log is read once more from the last
 * message's time on and only newer messages are taken.
 */
final class LogFollower implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LogFollower.class);
    /** Longest RFC 3339 nano timestamp the engine writes, plus the space after it. */
    private static final int MAX_TIMESTAMP_LENGTH = 40;

    private final DockerClient client;
    private final String containerId;
    private final Consumer<LogLine> onLine;
    private final LineAssembler stdout;
    private final LineAssembler stderr;
    private volatile boolean closed;
    private volatile Stream current;
    /** Time of the newest message received; the catch-up read skips everything up to it. */
    private Instant lastMessage;

    LogFollower(DockerClient client, String containerId, Consumer<LogLine> onLine) {
        this.client = client;
        this.containerId = containerId;
        this.onLine = onLine;
        this.stdout = new LineAssembler(containerId, LogLine.Stream.STDOUT, this::deliver);
        this.stderr = new LineAssembler(containerId, LogLine.Stream.STDERR, this::deliver);
    }

    void begin() {
        open(true);
    }

    private void open(boolean follow) {
        if (closed) {
            return;
        }
        Stream stream = new Stream(follow);
        current = stream;
        var cmd = client.logContainerCmd(containerId).withStdOut(true).withStdErr(true).withTimestamps(true);
        if (follow) {
            cmd.withFollowStream(true);
        } else if (lastMessage != null) {
            cmd.withSince((int) lastMessage.getEpochSecond());
        }
        cmd.exec(stream);
    }

    private synchronized void frame(Frame frame, boolean catchUp) {
        byte[] payload = frame.getPayload();
        if (payload == null || payload.length == 0) {
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
        if (time != null) {
            if (catchUp && lastMessage != null && !time.isAfter(lastMessage)) {
                return;
            }
            lastMessage = time;
        } else {
            time = Instant.now();
        }
        // a TTY container's output comes as RAW: stdout and stderr merged, as the terminal saw them
        (frame.getStreamType() == StreamType.STDERR ? stderr : stdout).accept(payload, textStart, time);
    }

    private void ended(Stream stream, Throwable failure) {
        closeQuietly(stream);
        if (failure != null) {
            log.debug("Log stream of {} ended with {}", containerId, EngineErrors.rootMessage(failure));
        }
        if (closed) {
            return;
        }
        if (stream.follow && failure == null) {
            open(false);
            return;
        }
        synchronized (this) {
            stdout.flush();
            stderr.flush();
        }
        closed = true;
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
        Stream stream = current;
        if (stream != null) {
            closeQuietly(stream);
        }
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (Exception e) {
            log.debug("Closing a log stream failed", e);
        }
    }

    private final class Stream extends ResultCallback.Adapter<Frame> {
        final boolean follow;

        Stream(boolean follow) {
            this.follow = follow;
        }

        @Override
        public void onStart(Closeable stream) {
            super.onStart(stream);
            // closed by the caller before the engine answered: the template would reopen, so shut it here
            if (closed) {
                closeQuietly(stream);
            }
        }

        @Override
        public void onNext(Frame frame) {
            frame(frame, !follow);
        }

        @Override
        public void onError(Throwable throwable) {
            // not super.onError, which logs at ERROR: a closed follow or a removed container ends here too
            ended(this, throwable);
        }

        @Override
        public void onComplete() {
            ended(this, null);
        }
    }
}
