package dev.hangar.testsupport.junit;

import dev.hangar.runtime.ContainerSpec;
import dev.hangar.runtime.ContainerState;
import dev.hangar.runtime.LogLine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One container of a {@link FakeContainerRuntime}: what it was created from, where it is in its life, and what it
 * printed. A test (or the container's {@link FakeContainerRuntime.Program}) makes it print, exit or run out of
 * memory; the runtime reports that to its listeners as the engine's events would. Every method is thread-safe.
 */
public final class FakeContainer {

    private final FakeContainerRuntime runtime;
    private final String id;
    private final ContainerSpec spec;
    private final Map<String, String> labels;
    private final List<LogLine> output = new ArrayList<>();
    private final List<Consumer<LogLine>> follows = new ArrayList<>();
    private ContainerState.Status status = ContainerState.Status.CREATED;
    private Integer exitCode;
    private boolean oomKilled;
    private Instant startedAt;
    private Instant finishedAt;
    private List<ContainerSpec.PortMapping> published = List.of();

    FakeContainer(FakeContainerRuntime runtime, String id, ContainerSpec spec, Map<String, String> labels) {
        this.runtime = runtime;
        this.id = id;
        this.spec = spec;
        this.labels = Map.copyOf(labels);
    }

    public String id() {
        return id;
    }

    public ContainerSpec spec() {
        return spec;
    }

    /** The spec's labels and the runtime's own (hangar.managed, hangar.instance), as the events carry them. */
    public Map<String, String> labels() {
        return labels;
    }

    /** A variable of the container's environment, or null. */
    public String variable(String name) {
        return spec.environment().get(name);
    }

    public synchronized ContainerState.Status status() {
        return status;
    }

    public synchronized Integer exitCode() {
        return exitCode;
    }

    public synchronized boolean running() {
        return status == ContainerState.Status.RUNNING;
    }

    /** Everything printed so far, both streams, in order. */
    public synchronized List<LogLine> output() {
        return List.copyOf(output);
    }

    /** Prints a line on stdout, stamped now. */
    public void print(String text) {
        print(LogLine.Stream.STDOUT, text, Instant.now());
    }

    /**
     * Prints a line, stamped by the engine at {@code at}. Open log follows get it; a line printed after the container
     * exited still reaches them until it is removed, as output already on its way does.
     */
    public void print(LogLine.Stream stream, String text, Instant at) {
        LogLine line = new LogLine(id, stream, text, at);
        List<Consumer<LogLine>> to;
        synchronized (this) {
            output.add(line);
            to = List.copyOf(follows);
        }
        to.forEach(c -> c.accept(line));
    }

    /** The process exits with this code: a die event. Nothing happens if it is not running. */
    public void exit(int code) {
        runtime.ended(this, code, false);
    }

    /** The kernel kills the process for memory: an oom event, then a die event with 137. */
    public void oom() {
        runtime.ended(this, 137, true);
    }

    synchronized ContainerState state() {
        return new ContainerState(id, status, exitCode, oomKilled, startedAt, finishedAt, published, null);
    }

    synchronized boolean start(List<ContainerSpec.PortMapping> ports, Instant now) {
        if (status != ContainerState.Status.CREATED) {
            return false;
        }
        status = ContainerState.Status.RUNNING;
        startedAt = now;
        published = List.copyOf(ports);
        return true;
    }

    /** Moves a running container to EXITED; false when it was not running (nothing to report). */
    synchronized boolean end(int code, boolean oom, Instant now) {
        if (status != ContainerState.Status.RUNNING) {
            return false;
        }
        status = ContainerState.Status.EXITED;
        exitCode = code;
        oomKilled = oom;
        finishedAt = now;
        return true;
    }

    synchronized void gone() {
        status = ContainerState.Status.GONE;
        follows.clear();
    }

    /** Adds a follow that first gets the output so far, as a follow "from the start" does. */
    void follow(Consumer<LogLine> onLine) {
        List<LogLine> past;
        synchronized (this) {
            if (status == ContainerState.Status.GONE) {
                return;
            }
            past = List.copyOf(output);
            follows.add(onLine);
        }
        past.forEach(onLine);
    }

    synchronized void unfollow(Consumer<LogLine> onLine) {
        follows.remove(onLine);
    }

    @Override
    public String toString() {
        return "FakeContainer[" + id.substring(0, 12) + " " + spec.image() + " " + status() + "]";
    }
}
