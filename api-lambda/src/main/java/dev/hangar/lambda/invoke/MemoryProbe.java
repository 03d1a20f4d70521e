package dev.hangar.lambda.invoke;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * A container's peak memory, read from its cgroup as the engine on this host created it: cgroup v1
 * (memory.max_usage_in_bytes) or v2 (memory.peak), with the cgroupfs or the systemd driver. The peak is the
 * environment's since its start, which is what Lambda's "Max Memory Used" reports too. Only works when Hangar runs
 * on the engine's host (not in a container of its own, nor against a remote engine): then it reports nothing.
 *
 * <p>One probe per container, read at every REPORT: the file is found once and kept open, and each read is one
 * positional read from its start (a cgroup file regenerates its text for a read at offset 0), instead of resolving,
 * opening and closing up to four paths per invocation. Close it before the container is removed.
 */
final class MemoryProbe implements AutoCloseable {

    private static final Path ROOT = Path.of("/sys/fs/cgroup");

    private final String containerId;
    private FileChannel file;
    private boolean unreadable;
    private final ByteBuffer buffer = ByteBuffer.allocate(32);

    MemoryProbe(String containerId) {
        this.containerId = containerId;
    }

    /** Megabytes, rounded up; null when no cgroup file of the container is readable. */
    synchronized Long peakMegabytes() {
        if (unreadable || (file == null && !open())) {
            return null;
        }
        try {
            buffer.clear();
            int n = file.read(buffer, 0);
            if (n <= 0) {
                return null;
            }
            String text = new String(buffer.array(), 0, n, StandardCharsets.US_ASCII).trim();
            long bytes = Long.parseLong(text);
            return (bytes + (1 << 20) - 1) >> 20;
        } catch (IOException | NumberFormatException e) {
            // the cgroup went with its container
            return null;
        }
    }

    private boolean open() {
        for (Path candidate : candidates(containerId)) {
            try {
                file = FileChannel.open(candidate, StandardOpenOption.READ);
                return true;
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                // not this layout; try the next
            }
        }
        unreadable = true;
        return false;
    }

    @Override
    public synchronized void close() {
        unreadable = true;
        if (file != null) {
            try {
                file.close();
            } catch (IOException e) {
                // nothing left to release
            }
            file = null;
        }
    }

    private static List<Path> candidates(String id) {
        return List.of(
                ROOT.resolve("memory/docker/" + id + "/memory.max_usage_in_bytes"),
                ROOT.resolve("memory/system.slice/docker-" + id + ".scope/memory.max_usage_in_bytes"),
                ROOT.resolve("system.slice/docker-" + id + ".scope/memory.peak"),
                ROOT.resolve("docker/" + id + "/memory.peak"));
    }
}
