package dev.hangar.server;

import ch.qos.logback.core.Context;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusListener;

import java.io.PrintStream;

/**
 * Prints logback's own warnings and errors (a broken appender, say) to stderr, which logback would otherwise do by
 * itself once it is configured. Its own way first sets up a status printer with a date formatter, and so the JDK's
 * time-zone database and formatting classes, on every start, almost always to find nothing to print.
 */
final class LogProblems implements StatusListener {

    private final PrintStream out;

    LogProblems(PrintStream out) {
        this.out = out;
    }

    /** Registers the listener, and prints what went wrong before it was there. */
    static void watch(Context context, PrintStream out) {
        LogProblems problems = new LogProblems(out);
        for (Status earlier : context.getStatusManager().getCopyOfStatusList()) {
            problems.addStatusEvent(earlier);
        }
        context.getStatusManager().add(problems);
    }

    @Override
    public void addStatusEvent(Status status) {
        if (status.getEffectiveLevel() < Status.WARN) {
            return;
        }
        out.println("logback " + (status.getLevel() == Status.ERROR ? "ERROR" : "WARN") + ": " + status.getMessage());
        if (status.getThrowable() != null) {
            status.getThrowable().printStackTrace(out);
        }
    }

    @Override
    public boolean isResetResistant() {
        return true;
    }
}
