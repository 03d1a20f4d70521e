package dev.hangar.ecs.domain;

/** A task container's lastStatus. The SDK carries it as a string: the wire value is the constant's name. */
public enum ContainerStatus {
    PENDING, RUNNING, STOPPED;

    public String toSdk() {
        return name();
    }
}
