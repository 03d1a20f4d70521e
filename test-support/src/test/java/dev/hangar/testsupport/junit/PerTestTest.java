package dev.hangar.testsupport.junit;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;

/** In an instance field: a Hangar of each test's own, and no runtime port unless one is asked for. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PerTestTest {

    private static final List<Object> SEEN = new ArrayList<>();

    @RegisterExtension
    final HangarExtension hangar = HangarExtension.builder().service(GroupsService::new).build();

    @Test
    @Order(1)
    void firstTest() {
        assertNull(hangar.runtime());
        assertNull(hangar.service(GroupsService.class).runtime, "no runtime port");
        hangar.client(CloudWatchLogsClient.class).createLogGroup(b -> b.logGroupName("mine"));
        SEEN.add(hangar.server());
        SEEN.add(hangar.endpoint());
    }

    @Test
    @Order(2)
    void secondTestHasAFreshOne() {
        assertEquals(List.of(), hangar.client(CloudWatchLogsClient.class).describeLogGroups().logGroups());
        assertNotSame(SEEN.get(0), hangar.server());
        assertNotEquals(SEEN.get(1), hangar.endpoint());
    }
}
