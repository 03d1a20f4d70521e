package dev.hangar.core.admin;

import java.util.List;
import java.util.Map;

/**
 * What a service shows on the web console (docs/console.md): its resources per account and region, as a plain tree
 * of maps, lists, strings, numbers and booleans that the admin endpoint writes as JSON. Core names no service, so
 * each service that wants to be seen returns one from {@code AwsService.consoleView()}, built from its own store.
 * Called on a worker thread; an implementation takes the same locks its handlers take, briefly.
 */
public interface ConsoleView {

    /** One entry per account and region that holds something: "account", "region", and the service's lists. */
    List<Map<String, Object>> resources();

    /**
     * Log events of a group (all its streams, or one) after a cursor this method returned before (null: the last
     * {@code limit} events), or null when this service keeps no logs. Only CloudWatch Logs answers.
     */
    default LogTail logTail(String account, String region, String group, String stream, String cursor, int limit) {
        return null;
    }

    /**
     * @param events     each with "timestamp" (epoch millis), "stream" and "message", oldest first
     * @param nextCursor where the next call continues; the same cursor again when nothing new came
     * @param found      false when the group (or stream) does not exist
     */
    record LogTail(List<Map<String, Object>> events, String nextCursor, boolean found) {
    }
}
