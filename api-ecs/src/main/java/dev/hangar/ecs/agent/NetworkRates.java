package dev.hangar.ecs.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * network_rate_stats of the metadata endpoint's stats: the engine reports byte counters only, so the rate is taken
 * between two readings of the same container (the agent samples continuously; Hangar reads when asked), 0 at first.
 */
final class NetworkRates {

    private record Reading(Instant at, long rx, long tx) {
    }

    private final Map<String, Reading> last = new ConcurrentHashMap<>();

    ObjectNode rates(String containerId, JsonNode stats) {
        long rx = 0;
        long tx = 0;
        JsonNode networks = stats.get("networks");
        if (networks != null) {
            for (JsonNode n : networks) {
                rx += n.path("rx_bytes").asLong();
                tx += n.path("tx_bytes").asLong();
            }
        }
        Instant at = readAt(stats);
        Reading now = new Reading(at, rx, tx);
        Reading before = last.put(containerId, now);
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        double seconds = before == null ? 0 : Duration.between(before.at(), at).toNanos() / 1e9;
        out.put("rx_bytes_per_sec", seconds > 0 ? Math.max(0, rx - before.rx()) / seconds : 0);
        out.put("tx_bytes_per_sec", seconds > 0 ? Math.max(0, tx - before.tx()) / seconds : 0);
        return out;
    }

    void forget(String containerId) {
        last.remove(containerId);
    }

    private static Instant readAt(JsonNode stats) {
        try {
            return Instant.parse(stats.path("read").asText());
        } catch (DateTimeParseException e) {
            return Instant.now();
        }
    }
}
