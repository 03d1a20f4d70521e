package dev.hangar.testsupport.junit;

import dev.hangar.core.time.ManualClock;
import dev.hangar.runtime.ContainerRuntime;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** In a static field: one Hangar for the whole class, its state carried from test to test. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PerClassTest {

    private static final ManualClock CLOCK = new ManualClock(Instant.parse("2030-01-01T00:00:00Z"));

    @RegisterExtension
    static final HangarExtension hangar = HangarExtension.builder().service(GroupsService::new).fakeRuntime()
            .environment("HANGAR_TEST_SETTING", "on").clock(CLOCK).build();
    private static URI first;

    @Test
    @Order(1)
    void servesTheServiceOnLoopbackThroughItsContext() {
        first = hangar.endpoint();
        assertEquals("127.0.0.1", first.getHost());
        assertTrue(first.getPort() > 0);
        CloudWatchLogsClient client = hangar.client(CloudWatchLogsClient.class);
        assertSame(client, hangar.client(CloudWatchLogsClient.class), "one client per type");
        client.createLogGroup(b -> b.logGroupName("kept"));

        GroupsService service = hangar.service(GroupsService.class);
        assertSame(hangar.context(), service.context);
        assertEquals("on", service.context.environment().get("HANGAR_TEST_SETTING"));
        assertSame(hangar.fake(), service.runtime, "the fake fills the runtime port");
        assertSame(hangar.fake(), hangar.ports().require(ContainerRuntime.class));
        assertSame(CLOCK, hangar.manualClock());
        assertSame(CLOCK, service.context.clock());
    }

    @Test
    @Order(2)
    void theNextTestSeesTheSameHangar() {
        assertEquals(first, hangar.endpoint());
        assertEquals(List.of("kept"), hangar.client(CloudWatchLogsClient.class).describeLogGroups().logGroups()
                .stream().map(g -> g.logGroupName()).toList());
    }

    @Test
    @Order(3)
    void resetDropsTheStateAndTheContainers() {
        FakeContainerRuntime fake = hangar.fake();
        fake.start(fake.create(dev.hangar.runtime.ContainerSpec.builder("img").build()).id());
        hangar.reset();
        assertEquals(List.of(), hangar.client(CloudWatchLogsClient.class).describeLogGroups().logGroups());
        assertEquals(List.of(), fake.present());
    }
}
