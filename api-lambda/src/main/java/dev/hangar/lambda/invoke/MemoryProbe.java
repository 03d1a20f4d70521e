package dev.hangar.lambda.invoke;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A container's peak memory, read from its cgroup as the engine on this host created it: cgroup v1
 * (memory.max_usage_in_bytes) or v2 (memory.peak), with the cgroupfs or the systemd driver. The peak is the
 * environment's since its start, which is what Lambda's "Max Memory Used" reports too. Only works when Hangar runs
 * on the engine's host (not in a container of its own, nor against a remote engine): then it reports nothing.
 */
final class MemoryProbe {

    private static final Path ROOT = Path.of("/sys/fs/cgroup");

    private MemoryProbe() {
    }

    /** Megabytes, rounded up; null when no cgroup file of the container is readable. */
    static Long peakMegabytes(String containerId) {
        if (containerId == null) {
            return null;
        }
        for (Path candidate : candidates(containerId)) {
            try {
                String text = Files.readString(candidate).trim();
                long bytes = Long.parseLong(text);
                return (bytes + (1 << 20) - 1) >> 20;
            } catch (IOException | NumberFormatException | SecurityException e) {
                // not this layout; try the next
            }
        }
        return null;
    }

    private static List<Path> candidates(String id) {
        return List.of(
                ROOT.resolve("memory/docker/" + id + "/memory.max_usage_in_bytes"),
                ROOT.resolve("memory/system.slice/docker-" + id + ".scope/memory.max_usage_in_bytes"),
                ROOT.resolve("system.slice/docker-" + id + ".scope/memory.peak"),
                ROOT.resolve("docker/" + id + "/memory.peak"));
    }
}
