package dev.hangar.ecs.domain;

import dev.hangar.core.state.Ids;
import software.amazon.awssdk.services.ecs.model.ServiceEvent;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A service's events, newest first, the last 100 as DescribeServices shows them. Guarded by the service's lock. */
final class ServiceEvents {

    static final int KEPT = 100;

    private final Deque<ServiceEvent> events = new ArrayDeque<>();

    void add(String message, Instant at) {
        events.addFirst(ServiceEvent.builder().id(Ids.uuid()).createdAt(at).message(message).build());
        while (events.size() > KEPT) {
            events.removeLast();
        }
    }

    List<ServiceEvent> list() {
        return new ArrayList<>(events);
    }

    String latest() {
        return events.isEmpty() ? null : events.peekFirst().message();
    }
}
