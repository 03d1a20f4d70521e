package dev.hangar.testsupport.junit;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

import java.net.URI;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** One Hangar for the class, reset before each test: the same server, none of the last test's state. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResetBetweenTestsTest {

    @RegisterExtension
    static final HangarExtension hangar = HangarExtension.builder().service(GroupsService::new).resetBetweenTests()
            .build();
    private static URI endpoint;

    @Test
    @Order(1)
    void leavesAGroup() {
        endpoint = hangar.endpoint();
        hangar.client(CloudWatchLogsClient.class).createLogGroup(b -> b.logGroupName("left"));
    }

    @Test
    @Order(2)
    void findsNone() {
        assertEquals(endpoint, hangar.endpoint());
        assertEquals(List.of(), hangar.client(CloudWatchLogsClient.class).describeLogGroups().logGroups());
    }
}
