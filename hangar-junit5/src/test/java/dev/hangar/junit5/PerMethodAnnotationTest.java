package dev.hangar.junit5;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** @HangarTest(perMethod = true): each test its own Hangar, nothing carried over. */
@HangarTest(perMethod = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PerMethodAnnotationTest {

    private static URI first;

    @Test
    @Order(1)
    void makesALogGroup(CloudWatchLogsClient logs, @HangarEndpoint URI endpoint) {
        first = endpoint;
        logs.createLogGroup(b -> b.logGroupName("first"));
    }

    @Test
    @Order(2)
    void runsOnAnotherHangarWithoutIt(CloudWatchLogsClient logs, @HangarEndpoint URI endpoint) {
        assertNotEquals(first, endpoint);
        assertTrue(logs.describeLogGroups().logGroups().isEmpty());
    }
}
