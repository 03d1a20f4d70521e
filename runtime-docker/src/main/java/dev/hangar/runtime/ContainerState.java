package dev.hangar.runtime;

import java.time.Instant;
import java.util.List;

/**
 * A container as the engine last reported it.
 *
 * @param exitCode       null until it exited
 * @param publishedPorts the real host ports (dynamic ones resolved)
 * @param error          the engine's error text when it could not start the process (bad command...), else null
 */
public record ContainerState(
        String id,
        Status status,
        Integer exitCode,
        boolean oomKilled,
        Instant startedAt,
        Instant finishedAt,
        List<ContainerSpec.PortMapping> publishedPorts,
        String error) {

    public enum Status { CREATED, RUNNING, EXITED, GONE }
}
