package dev.hangar.ecs.domain;

/**
 * A task's lastStatus, the states of AWS's task lifecycle that Hangar moves through (ACTIVATING is counted as
 * pending, as AWS counts it, though Hangar has no load balancer to wait for). The SDK carries it as a string: the
 * wire value is the constant's name.
 */
public enum TaskStatus {
    PROVISIONING, PENDING, ACTIVATING, RUNNING, STOPPING, DEPROVISIONING, STOPPED;

    public String toSdk() {
        return name();
    }
}
