package dev.hangar.ecs.domain;

/** A service's status; the SDK carries it as a string, the constant's name. */
public enum ServiceStatus {
    ACTIVE, DRAINING, INACTIVE
}
