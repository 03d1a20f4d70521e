package dev.hangar.runtime;

import com.github.dockerjava.api.model.Event;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Turns the engine's container events into {@link ContainerEvent}s. */
final class ContainerEvents {

    /** Attributes the engine adds next to the container's labels; everything else in the map is a label. */
    private static final Set<String> NON_LABEL_ATTRIBUTES = Set.of("exitCode", "image", "name", "signal");

    private ContainerEvents() {
    }

    /** Null for actions Hangar does not follow. */
    static ContainerEvent from(Event e) {
        String action = e.getAction() != null ? e.getAction() : e.getStatus();
        ContainerEvent.Type type = type(action);
        if (type == null) {
            return null;
        }
        Map<String, String> attributes = e.getActor() == null || e.getActor().getAttributes() == null
                ? Map.of() : e.getActor().getAttributes();
        Map<String, String> labels = new HashMap<>(attributes);
        labels.keySet().removeAll(NON_LABEL_ATTRIBUTES);
        String id = e.getActor() != null && e.getActor().getId() != null ? e.getActor().getId() : e.getId();
        return new ContainerEvent(id, type, type == ContainerEvent.Type.DIE ? exitCode(attributes) : null,
                Map.copyOf(labels), time(e), type == ContainerEvent.Type.HEALTH ? health(action) : null);
    }

    /** "health_status: healthy" → HEALTHY; null for a status Hangar does not follow ("starting"). */
    static ContainerEvent.Health health(String action) {
        String status = action.substring(action.indexOf(':') + 1).trim();
        return switch (status) {
            case "healthy" -> ContainerEvent.Health.HEALTHY;
            case "unhealthy" -> ContainerEvent.Health.UNHEALTHY;
            default -> null;
        };
    }

    static ContainerEvent.Type type(String action) {
        if (action == null) {
            return null;
        }
        if (action.startsWith("health_status:")) {
            // the engine names the new status in the action itself: "health_status: healthy"
            return health(action) == null ? null : ContainerEvent.Type.HEALTH;
        }
        return switch (action) {
            case "start" -> ContainerEvent.Type.START;
            case "die" -> ContainerEvent.Type.DIE;
            case "oom" -> ContainerEvent.Type.OOM;
            default -> null;
        };
    }

    private static Integer exitCode(Map<String, String> attributes) {
        String code = attributes.get("exitCode");
        if (code == null) {
            return null;
        }
        try {
            return Integer.parseInt(code.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Instant time(Event e) {
        if (e.getTimeNano() != null) {
            long nanos = e.getTimeNano();
            return Instant.ofEpochSecond(nanos / 1_000_000_000L, nanos % 1_000_000_000L);
        }
        return e.getTime() != null ? Instant.ofEpochSecond(e.getTime()) : Instant.now();
    }
}
