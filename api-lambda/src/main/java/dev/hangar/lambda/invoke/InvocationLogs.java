package dev.hangar.lambda.invoke;

import dev.hangar.core.port.LogSink;
import dev.hangar.core.time.HangarClock;
import dev.hangar.runtime.LogLine;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One execution environment's log stream: Lambda's own START / END / REPORT lines around the function's output,
 * written to the LogSink as CloudWatch Logs shows them, and each invocation's tail for LogType=Tail.
 *
 * <p>The function's output comes from the container's log stream, which runs behind the Runtime API: a line printed
 * just before the response can arrive after it, and stdout and stderr are read by the engine separately, so neither
 * stream's progress says anything about the other's. So an invocation's END and REPORT are written once its output
 * has been quiet for a while after the answer: {@link LogDelay} (HANGAR_LAMBDA_LOG_SETTLE_MS plus the lag seen
 * lately), at the latest a few times that. Lines are attributed by the time the engine read them: to the latest
 * invocation that had started by then. A line that still comes later goes to the stream after END, as on a slow
 * CloudWatch, and teaches the delay to wait longer.
 *
 * <p>Two time bases: the engine stamps lines on the wall clock, and lines are attributed to windows on it (a
 * window's {@code startedAt}); what the stream shows is Hangar's clock, as Logs' own times are, so that a scaled
 * clock's log events are not hours behind their ingestion. A line is shown as long before Hangar's now as the engine
 * stamped it before the wall clock's (scaled), START/END/REPORT at Hangar's now. The quiet period and the drain limit
 * wait for the engine's real lag, so they run on real-time timers.
 */
final class InvocationLogs {

    private static final DateTimeFormatter STREAM_DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);

    private final LogSink sink;
    private final String account;
    private final String region;
    private final String group;
    private final String stream;
    private final HangarClock clock;
    private final ScheduledExecutorService scheduler;
    private final LogDelay delay;

    /** Output before the first START (the runtime's init): part of the first invocation's tail. */
    private final LogWindow beforeFirst = new LogWindow(null, Instant.EPOCH);
    private final List<LogWindow> recent = new ArrayList<>();
    private boolean anyStarted;
    /** The first invocation's window, whose tail also holds the init's output. */
    private LogWindow first;

    /** The stream of a new environment, named as AWS names it: yyyy/MM/dd/[version]environment id. */
    static InvocationLogs ofEnvironment(RunnableFunction function, String environmentId, InvokeContext ctx) {
        String stream = STREAM_DAY.format(ctx.clock.now()) + "/[" + function.version() + "]" + environmentId;
        return new InvocationLogs(ctx.logs, function.account(), function.region(),
                StandardVariables.logGroup(function), stream, ctx.clock, ctx.realTimeTimers, ctx.logDelay);
    }

    /** For tests: the stream's times on the wall clock. */
    InvocationLogs(LogSink sink, String account, String region, String group, String stream,
                   ScheduledExecutorService scheduler, LogDelay delay) {
        this(sink, account, region, group, stream, new WallClock(scheduler), scheduler, delay);
    }

    /**
     * @param clock     Hangar's clock, which the stream's times are on
     * @param scheduler real-time timers for the quiet period and the drain limit
     */
    InvocationLogs(LogSink sink, String account, String region, String group, String stream, HangarClock clock,
                   ScheduledExecutorService scheduler, LogDelay delay) {
        this.sink = sink;
        this.clock = clock;
        this.account = account;
        this.region = region;
        this.group = group;
        this.stream = stream;
        this.scheduler = scheduler;
        this.delay = delay;
    }

    String stream() {
        return stream;
    }

    /** A line Lambda itself writes outside any invocation (INIT_START), at {@code at} on Hangar's clock. */
    synchronized void platformLine(String text, Instant at) {
        String message = text + "\n";
        emit(message, at);
        if (!anyStarted) {
            beforeFirst.keep(message);
        }
    }

    /** The container wrote a line (the engine's log thread). */
    void onLine(LogLine line) {
        // the runtime clients put the lines of one multi-line message on one line, joined by \r
        String message = line.text().replace('\r', '\n') + "\n";
        Instant at = line.time();
        long lagNanos = Duration.between(at, Instant.now()).toNanos();
        delay.observed(lagNanos);
        Instant shown = clock.now().minusNanos((long) (lagNanos * clock.scale()));
        synchronized (this) {
            LogWindow target = windowAt(at);
            if (target != null && !at.isBefore(target.startedAt) && shown.isBefore(target.startShown)) {
                // moved from one time base to the other, a line of the invocation can land a hair before its START
                shown = target.startShown;
            }
            emit(message, shown);
            if (target == null) {
                if (!anyStarted) {
                    beforeFirst.keep(message);
                }
                return;
            }
            if (target.finished) {
                // too late for its invocation's tail (it is in the stream, by its time before END): wait longer
                // next time
                delay.observed(System.nanoTime() - target.endedNanos);
                return;
            }
            target.keep(message);
            target.lastLineNanos = System.nanoTime();
            if (target.lastLineAt == null || shown.isAfter(target.lastLineAt)) {
                target.lastLineAt = shown;
            }
            if (target.ended()) {
                // output of an answered invocation still coming in: how long after the answer it may take
                delay.observed(target.lastLineNanos - target.endedNanos);
            }
        }
    }

    /** Opens the invocation's window and writes START. */
    LogWindow start(String requestId, String version, Instant at) {
        LogWindow window = open(requestId, version, at, false);
        announce(window);
        return window;
    }

    /**
     * Opens the invocation's window, from now on the home of the output stamped from {@code at} on, with START first
     * in its tail; START goes to the sink with {@link #announce}. Split so that an environment can open the window
     * in the same step as it hands over the event, under its own lock, and write to the sink (another service) once
     * it holds no lock.
     */
    synchronized LogWindow open(String requestId, String version, Instant at, boolean tailWanted) {
        LogWindow window = new LogWindow(requestId, at);
        window.tailWanted = tailWanted;
        window.startShown = clock.now();
        if (!anyStarted) {
            anyStarted = true;
            first = window;
            for (String early : beforeFirstLines()) {
                window.keep(early);
            }
        }
        window.startLine = "START RequestId: " + requestId + " Version: " + version + "\n";
        window.keep(window.startLine);
        recent.add(window);
        while (recent.size() > 4 && recent.get(0).finished) {
            recent.remove(0);
        }
        return window;
    }

    /** Writes the window's START to the sink, once: before the runtime has the event, or at the latest before END. */
    synchronized void announce(LogWindow window) {
        if (!window.announced) {
            window.announced = true;
            emit(window.startLine, window.startShown);
        }
    }

    /** When an answered invocation's END and REPORT are written. */
    enum Close {
        /** Once its output has been quiet for a while (see the class comment): the environment lives on. */
        WHEN_QUIET,
        /**
         * When {@link #drained} says the container's output has all been read: the environment ended (an init error,
         * a crash) or is destroyed (a timeout), and its container's removal ends its log follows. No guessing from
         * quiet time: the last words (an import error's message, a timed-out handler's last lines) are in the tail
         * however late the engine hands them over.
         */
        WHEN_DRAINED
    }

    /** How long a window waits for {@link #drained} before it closes anyway (a removal that hangs). */
    private static final long DRAIN_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(10);
    /** The least quiet time of a LogType=Tail invocation (see {@link #quietNanos}). */
    static final long TAIL_QUIET_FLOOR_NANOS = TimeUnit.MILLISECONDS.toNanos(150);

    /**
     * The invocation has its answer: END and REPORT follow as {@code close} says.
     *
     * @param linesBeforeEnd Lambda's own lines before END, e.g. the timeout notice
     * @param report         the REPORT text, made when it is written (memory is read then)
     */
    void end(LogWindow window, List<String> linesBeforeEnd, Supplier<String> report, Close close) {
        synchronized (this) {
            if (window.ended()) {
                return;
            }
            window.endedAt = clock.now();
            window.endedNanos = System.nanoTime();
            window.report = report;
            window.linesBeforeEnd = linesBeforeEnd.toArray(String[]::new);
        }
        if (close == Close.WHEN_QUIET) {
            later(window, quietNanos(window), () -> checkSettled(window));
        } else {
            later(window, DRAIN_LIMIT_NANOS, () -> drained(window));
        }
    }

    /**
     * The container of a {@link Close#WHEN_DRAINED} window is gone and its output all read: END and REPORT now, unless
     * written already.
     */
    void drained(LogWindow window) {
        LogWindow finished;
        synchronized (this) {
            finished = window.finished ? null : finish(window);
        }
        complete(finished);
    }

    private void later(LogWindow window, long nanos, Runnable check) {
        try {
            scheduler.schedule(check, nanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // Hangar is shutting down: no more waiting, but END and REPORT are still written
            drained(window);
        }
    }

    /**
     * How long the window's output must stay quiet after the answer. A caller who reads the tail sees a missing line
     * (the runtime's "Invoke Error" printed just before its answer) where a stream reader would only see it late, so
     * a tail waits at least {@link #TAIL_QUIET_FLOOR_NANOS}, however quick the engine's log stream was lately.
     */
    long quietNanos(LogWindow window) {
        long learned = delay.quietNanos();
        return window.tailWanted ? Math.max(learned, TAIL_QUIET_FLOOR_NANOS) : learned;
    }

    private void checkSettled(LogWindow window) {
        long wait;
        synchronized (this) {
            if (window.finished) {
                return;
            }
            long now = System.nanoTime();
            long quietSince = Math.max(window.endedNanos, window.lastLineNanos);
            long quietFor = now - quietSince;
            long quietNanos = quietNanos(window);
            if (quietFor >= quietNanos || now - window.endedNanos >= delay.maxSettleNanos()) {
                wait = -1;
            } else {
                wait = Math.max(1, (quietNanos - quietFor) / 1_000_000);
            }
            if (wait < 0) {
                finish(window);
            }
        }
        if (wait < 0) {
            complete(window);
        } else {
            later(window, TimeUnit.MILLISECONDS.toNanos(wait), () -> checkSettled(window));
        }
    }

    /** Writes the closing lines; the caller completes the window's future outside the lock. */
    private LogWindow finish(LogWindow window) {
        announce(window);
        window.finished = true;
        // CloudWatch orders a stream by time: the engine may have stamped the last output after the answer came
        Instant at = window.lastLineAt != null && window.lastLineAt.isAfter(window.endedAt)
                ? window.lastLineAt : window.endedAt;
        for (String line : window.linesBeforeEnd) {
            write(window, line + "\n", at);
        }
        write(window, "END RequestId: " + window.requestId + "\n", at);
        write(window, window.report.get() + "\n", at);
        return window;
    }

    private void write(LogWindow window, String message, Instant at) {
        emit(message, at);
        window.keep(message);
    }

    private static void complete(LogWindow window) {
        if (window != null) {
            window.settled.complete(window.tailBase64());
        }
    }

    private LogWindow windowAt(Instant at) {
        for (int i = recent.size() - 1; i >= 0; i--) {
            LogWindow w = recent.get(i);
            if (!at.isBefore(w.startedAt)) {
                return w;
            }
        }
        // the init's output, handed over after the first START (an init error's message often is): the first
        // invocation's tail holds the init's output, as it does when it comes in time
        return first != null && !first.finished ? first : null;
    }

    private List<String> beforeFirstLines() {
        // beforeFirst keeps its lines as a tail; decode them back into messages for the first window
        String text = new String(java.util.Base64.getDecoder().decode(beforeFirst.tailBase64()),
                java.nio.charset.StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : List.of(text);
    }

    private void emit(String message, Instant at) {
        sink.append(account, region, group, stream, List.of(new LogSink.LogEvent(at.toEpochMilli(), message)));
    }
}
