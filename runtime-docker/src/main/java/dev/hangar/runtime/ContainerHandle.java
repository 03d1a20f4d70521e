package dev.hangar.runtime;

/** A created container: the engine's id and its name. */
public record ContainerHandle(String id, String name) {
}
