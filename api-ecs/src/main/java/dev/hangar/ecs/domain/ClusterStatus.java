package dev.hangar.ecs.domain;

/**
 * A cluster's status: ACTIVE, or INACTIVE once deleted (AWS's other states belong to capacity providers Hangar does
 * not have). The SDK carries it as a string: the wire value is the constant's name.
 */
public enum ClusterStatus {
    ACTIVE, INACTIVE;

    public String toSdk() {
        return name();
    }
}
