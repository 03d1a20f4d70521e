package dev.hangar.lambda.invoke;

/**
 * One execution environment as the web console shows it.
 *
 * @param state STARTING, READY, INVOKING or DEAD
 */
public record EnvironmentSnapshot(String id, String version, String state, String containerId) {
}
