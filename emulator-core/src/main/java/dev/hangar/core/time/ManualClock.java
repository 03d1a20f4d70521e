package dev.hangar.core.time;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * A clock that moves only when told to, for tests of time-driven behaviour: {@link #advance} runs, on the calling
 * thread and in time order, every timer that falls due on the way.
 */
public final class ManualClock implements HangarClock {

    private final PriorityQueue<Entry> due = new PriorityQueue<>();
    private Instant now;
    private long sequence;

    private final class Entry implements Comparable<Entry>, Timer {
        final Instant at;
        final long order;
        final Runnable task;
        boolean cancelled;

        Entry(Instant at, long order, Runnable task) {
            this.at = at;
            this.order = order;
            this.task = task;
        }

        @Override
        public int compareTo(Entry other) {
            int byTime = at.compareTo(other.at);
            return byTime != 0 ? byTime : Long.compare(order, other.order);
        }

        @Override
        public boolean cancel() {
            synchronized (ManualClock.this) {
                boolean stopped = !cancelled && due.remove(this);
                cancelled = true;
                return stopped;
            }
        }
    }

    public ManualClock(Instant start) {
        this.now = start;
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public double scale() {
        return 1;
    }

    @Override
    public synchronized Timer schedule(Runnable task, Duration delay) {
        Entry entry = new Entry(now.plus(delay.isNegative() ? Duration.ZERO : delay), sequence++, task);
        due.add(entry);
        return entry;
    }

    /** Moves the clock on, running each timer that falls due at its own time (timers they schedule included). */
    public void advance(Duration by) {
        Instant target;
        synchronized (this) {
            target = now.plus(by);
        }
        while (true) {
            Entry next;
            synchronized (this) {
                next = due.peek();
                if (next == null || next.at.isAfter(target)) {
                    now = target;
                    return;
                }
                due.poll();
                now = next.at;
            }
            next.task.run();
        }
    }

    /** The times of the timers still to run, soonest first. */
    public synchronized List<Instant> pending() {
        List<Entry> sorted = new ArrayList<>(due);
        sorted.sort(null);
        return sorted.stream().map(e -> e.at).toList();
    }

}
