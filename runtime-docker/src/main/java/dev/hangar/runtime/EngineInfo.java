package dev.hangar.runtime;

/**
 * What the engine's host offers tasks, from the engine's own info (docker info): what ECS registers as a container
 * instance's resources and version.
 *
 * @param cpus            the logical CPUs the engine sees (NCPU)
 * @param memoryBytes     the memory it sees (MemTotal)
 * @param serverVersion   the engine's version ("27.3.1")
 * @param operatingSystem its host's operating system ("Debian GNU/Linux 12 (bookworm)")
 * @param osType          "linux" or "windows"
 * @param architecture    the host's architecture as the engine names it ("x86_64", "aarch64")
 */
public record EngineInfo(int cpus, long memoryBytes, String serverVersion, String operatingSystem, String osType,
                         String architecture) {

    /** The memory in MiB, as ECS counts it. */
    public long memoryMib() {
        return memoryBytes / (1024 * 1024);
    }
}
