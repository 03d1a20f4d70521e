package dev.hangar.runtime;

/** @param detail the engine's version, or why it is unavailable */
public record RuntimeStatus(boolean available, String engineVersion, String detail) {
}
