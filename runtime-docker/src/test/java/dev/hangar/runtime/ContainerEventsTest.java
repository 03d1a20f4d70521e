package dev.hangar.runtime;

import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventActor;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ContainerEventsTest {

    @Test
    void aDieEventCarriesExitCodeLabelsAndTheEnginesTime() {
        Event raw = new Event("die", "abc", "busybox", 1_700_000_000L)
                .withAction("die")
                .withTimenano(1_700_000_000_123_456_789L)
                .withEventActor(new EventActor().withId("abc").withAttributes(Map.of(
                        "exitCode", "3", "image", "busybox", "name", "n", "hangar.instance", "i1", "app", "x")));
        ContainerEvent e = ContainerEvents.from(raw);
        assertEquals(ContainerEvent.Type.DIE, e.type());
        assertEquals("abc", e.containerId());
        assertEquals(3, e.exitCode());
        assertEquals(Map.of("hangar.instance", "i1", "app", "x"), e.labels());
        assertEquals(Instant.ofEpochSecond(1_700_000_000L, 123_456_789L), e.time());
    }

    @Test
    void aHealthStatusEventCarriesTheNewStatus() {
        ContainerEvent e = ContainerEvents.from(new Event("health_status: unhealthy", "abc", "busybox", 1L)
                .withAction("health_status: unhealthy")
                .withEventActor(new EventActor().withId("abc").withAttributes(Map.of("hangar.instance", "i1"))));
        assertEquals(ContainerEvent.Type.HEALTH, e.type());
        assertEquals(ContainerEvent.Health.UNHEALTHY, e.health());
        assertNull(e.exitCode());
        assertEquals(ContainerEvent.Health.HEALTHY, ContainerEvents.health("health_status: healthy"));
        assertNull(ContainerEvents.from(new Event("x", "abc", "b", 1L).withAction("health_status: starting")),
                "starting is no result yet");
    }

    @Test
    void otherActionsAreIgnored() {
        assertNull(ContainerEvents.from(new Event("create", "abc", "busybox", 1L).withAction("create")));
        assertNull(ContainerEvents.from(new Event("oom", "abc", "busybox", 1L).withAction("oom")).exitCode());
    }
}
