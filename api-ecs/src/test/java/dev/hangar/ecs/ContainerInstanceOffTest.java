package dev.hangar.ecs;

import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;

import java.util.List;
import java.util.Map;

import static dev.hangar.ecs.EcsTestData.container;
import static dev.hangar.ecs.EcsTestData.register;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** HANGAR_ECS_CONTAINER_INSTANCE=false: no container instance, tasks run unplaced (no resource checks). */
class ContainerInstanceOffTest {

    @RegisterExtension
    static final HangarExtension hangar = HangarExtension.builder().service(EcsService::new).fakeRuntime()
            .environment(Placement.SETTING, "false").build();

    @Test
    void clustersHaveNoInstanceAndTasksAreNotPlaced() {
        EcsClient client = hangar.client(EcsClient.class);
        client.createCluster(b -> b.clusterName("off"));
        assertEquals(0, client.describeClusters(b -> b.clusters("off")).clusters().get(0)
                .registeredContainerInstancesCount());
        assertEquals(List.of(), client.listContainerInstances(b -> b.cluster("off")).containerInstanceArns());
        register(client, "huge", container("main", "img/any").memory(1_000_000));
        RunTaskResponse r = client.runTask(b -> b.cluster("off").taskDefinition("huge"));
        assertEquals(List.of(), r.failures());
        assertNull(r.tasks().get(0).containerInstanceArn());
    }

    @Test
    void theSettingIsTrueOrFalse() {
        assertTrue(Placement.enabled(Map.of()));
        assertTrue(Placement.enabled(Map.of(Placement.SETTING, "TRUE")));
        assertFalse(Placement.enabled(Map.of(Placement.SETTING, "false")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Placement.enabled(Map.of(Placement.SETTING, "off")));
        assertEquals("HANGAR_ECS_CONTAINER_INSTANCE must be true or false, got 'off'", e.getMessage());
    }
}
