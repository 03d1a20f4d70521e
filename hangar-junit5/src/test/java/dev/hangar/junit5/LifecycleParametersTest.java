package dev.hangar.junit5;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** With one Hangar per class, @BeforeAll methods and constructors get its parameters too, and the same client. */
@HangarTest
class LifecycleParametersTest {

    private static URI atBeforeAll;
    private final HangarInfo fromConstructor;
    private EcsClient fromBeforeEach;

    LifecycleParametersTest(HangarInfo info) {
        this.fromConstructor = info;
    }

    @BeforeAll
    static void makeTheCluster(EcsClient ecs, @HangarEndpoint URI endpoint) {
        atBeforeAll = endpoint;
        ecs.createCluster(b -> b.clusterName("shared"));
    }

    @BeforeEach
    void keep(EcsClient ecs) {
        fromBeforeEach = ecs;
    }

    @Test
    void everyPlaceSeesTheClassHangar(EcsClient ecs, @HangarEndpoint URI endpoint) {
        assertEquals(atBeforeAll, endpoint);
        assertEquals(endpoint, fromConstructor.endpoint());
        assertSame(fromBeforeEach, ecs, "one client of each type per Hangar");
        assertEquals(1, ecs.listClusters().clusterArns().size());
    }

    @AfterEach
    void afterEachHasThemToo(@HangarEndpoint URI endpoint) {
        assertEquals(atBeforeAll, endpoint);
    }
}
