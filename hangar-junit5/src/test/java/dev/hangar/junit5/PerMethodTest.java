package dev.hangar.junit5;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An instance field: a Hangar of its own for each test, closed after it. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PerMethodTest {

    private static URI earlier;

    @RegisterExtension
    final HangarExtension hangar = HangarExtension.builder().build();

    @Test
    @Order(1)
    void firstTestMakesACluster(EcsClient ecs) {
        earlier = hangar.endpoint();
        ecs.createCluster(b -> b.clusterName("only-here"));
        assertEquals(1, hangar.client(EcsClient.class).listClusters().clusterArns().size());
    }

    @Test
    @Order(2)
    void secondTestHasAFreshHangarAndTheFirstIsClosed(EcsClient ecs, @HangarEndpoint URI endpoint) {
        assertEquals(hangar.endpoint(), endpoint);
        assertNotEquals(earlier, endpoint);
        assertTrue(ecs.listClusters().clusterArns().isEmpty());
        assertThrows(IOException.class, () -> {
            HttpURLConnection c = (HttpURLConnection) earlier.resolve("/_hangar/health").toURL().openConnection();
            c.setConnectTimeout(2000);
            c.getResponseCode();
        }, "the first test's Hangar at " + earlier + " still answers");
    }
}
