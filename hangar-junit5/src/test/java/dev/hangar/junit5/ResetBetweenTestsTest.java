package dev.hangar.junit5;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ecs.EcsClient;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** resetBetweenTests: one Hangar for the class, its state gone before the next test. */
@HangarTest(resetBetweenTests = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResetBetweenTestsTest {

    private static URI first;

    @Test
    @Order(1)
    void makesResources(EcsClient ecs, CloudWatchLogsClient logs, @HangarEndpoint URI endpoint) {
        first = endpoint;
        ecs.createCluster(b -> b.clusterName("left-over"));
        logs.createLogGroup(b -> b.logGroupName("left-over"));
        assertEquals(1, ecs.listClusters().clusterArns().size());
    }

    @Test
    @Order(2)
    void findsNoneOfThemOnTheSameHangar(EcsClient ecs, CloudWatchLogsClient logs, @HangarEndpoint URI endpoint) {
        assertEquals(first, endpoint, "one Hangar for the class");
        assertTrue(ecs.listClusters().clusterArns().isEmpty(), ecs.listClusters().clusterArns().toString());
        assertTrue(logs.describeLogGroups().logGroups().isEmpty());
    }
}
