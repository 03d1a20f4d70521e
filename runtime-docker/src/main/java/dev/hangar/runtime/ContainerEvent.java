package dev.hangar.runtime;

import java.time.Instant;
import java.util.Map;

/**
 * @param exitCode set on DIE
 * @param labels   the container's labels, so a listener finds its resource (hangar.resource) without a lookup
 */
public record ContainerEvent(String containerId, Type type, Integer exitCode, Map<String, String> labels, Instant time) {

    public enum Type { START, DIE, OOM }
}
