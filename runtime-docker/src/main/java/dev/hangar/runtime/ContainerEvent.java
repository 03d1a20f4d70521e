package dev.hangar.runtime;

import java.time.Instant;
import java.util.Map;

/**
 * @param exitCode set on DIE
 * @param labels   the container's labels, so a listener finds its resource (hangar.resource) without a lookup
 * @param health   set on HEALTH: the status the engine's health check moved to
 */
public record ContainerEvent(String containerId, Type type, Integer exitCode, Map<String, String> labels, Instant time,
                             Health health) {

    public enum Type { START, DIE, OOM, HEALTH }

    /** Docker's health statuses that an event reports (it reports a change, never "starting"). */
    public enum Health { HEALTHY, UNHEALTHY }

    public ContainerEvent(String containerId, Type type, Integer exitCode, Map<String, String> labels, Instant time) {
        this(containerId, type, exitCode, labels, time, null);
    }
}
