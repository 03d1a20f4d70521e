package dev.hangar.runtime;

import java.time.Instant;

/** One line of a container's output, without its trailing newline. */
public record LogLine(String containerId, Stream stream, String text, Instant time) {

    public enum Stream { STDOUT, STDERR }
}
